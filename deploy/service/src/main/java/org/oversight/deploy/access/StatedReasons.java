package org.oversight.deploy.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reasons a person has given for opening records outside their own caseload and team. An API client says
 * why in the {@value #HEADER} header of each request; a person in the browser says it once for a child, and it
 * holds for that child until they sign out. A history link may still carry a {@code purpose}, as before.
 * Reasons travel in headers, forms and the session, never in the address.
 */
@Component
public class StatedReasons {

    public static final String HEADER = "Oversight-Reason";
    public static final int MAXIMUM_LENGTH = 500;
    private static final String SESSION_KEY = "oversight.statedReasons";

    /** The reason the request gives for this child, if any. */
    public Optional<String> reasonFor(HttpServletRequest request, String childId) {
        String given = request.getHeader(HEADER);
        if (given == null) {
            given = request.getParameter("purpose");
        }
        if (given == null) {
            given = request.getParameter("reason");
        }
        if (acceptable(given)) {
            return Optional.of(given.strip());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof HashMap<?, ?> reasons
                && reasons.get(childId) instanceof String reason) {
            return Optional.of(reason);
        }
        return Optional.empty();
    }

    /** Keeps the reason for this child for the rest of the person's session. */
    public void remember(HttpServletRequest request, String childId, String reason) {
        HttpSession session = request.getSession(true);
        HashMap<String, String> reasons = new HashMap<>();
        if (session.getAttribute(SESSION_KEY) instanceof HashMap<?, ?> earlier) {
            earlier.forEach((child, why) -> reasons.put(String.valueOf(child), String.valueOf(why)));
        }
        reasons.put(childId, reason.strip());
        // set again, so that a session kept in the database is written back
        session.setAttribute(SESSION_KEY, reasons);
    }

    /** A reason says something: some letters, within the length, and no control or direction characters. */
    public static boolean acceptable(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAXIMUM_LENGTH) {
            return false;
        }
        boolean letters = false;
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED) {
                return false;
            }
            letters |= Character.isLetterOrDigit(c);
        }
        return letters;
    }
}
