package org.oversight.events.escalation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The levels and concern themes most local authorities' dispute resolution protocols use, with their titles,
 * in the order forms list them. Both sides read them from here: the command side accepts these codes, the
 * query side names and orders them, so the two never drift apart.
 */
public final class DefaultEscalationProtocol {

    /** The formal levels, lowest first. */
    public static final Map<String, String> LEVELS = titles(
            "TEAM_MANAGER", "Team manager",
            "SERVICE_MANAGER", "Service manager",
            "HEAD_OF_SERVICE", "Head of service",
            "DIRECTOR_OF_CHILDRENS_SERVICES", "Director of children's services");

    /** The themes the annual IRO report counts escalations by, plus the usual areas of a care plan. */
    public static final Map<String, String> CONCERN_CATEGORIES = titles(
            "CARE_PLANNING_DRIFT", "Drift or delay in care planning",
            "STATUTORY_VISITS", "Statutory visits not made",
            "PLACEMENT", "Placement",
            "HEALTH", "Health",
            "EDUCATION", "Education",
            "CONTACT", "Family time and contact",
            "PERMANENCE", "Permanence",
            "LEGAL_PLANNING", "Legal planning",
            "CONFERENCE_OR_REVIEW_PRACTICE", "Conference or review practice",
            "UNALLOCATED_SOCIAL_WORKER", "No allocated social worker",
            "CARE_PLAN_NOT_UPDATED", "Care plan not updated",
            "OTHER", "Other");

    private DefaultEscalationProtocol() {
    }

    /** The title of a level or theme code, or {@code null} when it is not one of these. */
    public static String titleOf(String code) {
        return code == null ? null : LEVELS.getOrDefault(code, CONCERN_CATEGORIES.get(code));
    }

    private static Map<String, String> titles(String... codesAndTitles) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < codesAndTitles.length; i += 2) {
            titles.put(codesAndTitles[i], codesAndTitles[i + 1]);
        }
        return Collections.unmodifiableMap(titles);
    }
}
