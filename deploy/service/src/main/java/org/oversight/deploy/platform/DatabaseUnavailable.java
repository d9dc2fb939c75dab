package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * A request that failed because the database could not be reached: the service is briefly unavailable, not
 * broken, so the answer is 503 with a {@code Retry-After}, at once, rather than a 500 after a long wait. API
 * clients get an RFC 9457 problem with the rule {@value #RULE}; browsers a plain page that needs nothing from
 * the database to render.
 */
public final class DatabaseUnavailable {

    public static final String RULE = "database-unavailable";
    /** About how long the embedded database's watchdog needs to start it again after it died. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** PostgreSQL's "shutting down by an administrator", "crashed" and "starting up or in recovery". */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");
    /**
     * "Cannot execute ... in a read-only transaction": a database that reads but takes no writes for now (a
     * primary demoted while a replica is promoted, an operator's {@code default_transaction_read_only}, a volume
     * full). Nothing was recorded, and the client can send it again once the database takes writes.
     */
    private static final String READ_ONLY = "25006";
    /** The class of the pool's closed stand-in for a connection it evicted. */
    private static final String POOLS_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";
    private static final String PROBLEM = """
            {"type":"about:blank","title":"The service is unavailable for a moment","status":503,\
            "detail":"The service cannot reach its database, or cannot write to it, just now. Try again in a few seconds; if you were \
            recording a decision, check whether it was recorded before you send it again.","rule":"%s"}"""
            .formatted(RULE);
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Sorry, the service is unavailable - Oversight</title></head>
            <body>
            <main>
            <h1>Sorry, the service is unavailable</h1>
            <p>Oversight cannot reach its database just now. Try again in a minute.</p>
            <p>If you were recording a decision, check whether it was recorded before you record it again.</p>
            </main>
            </body>
            </html>
            """;

    private DatabaseUnavailable() {
    }

    /**
     * Whether the failure, or anything it wraps (Axon's and Spring's exceptions wrap the driver's), says the
     * database could not be reached, went away mid-request or takes no writes for now, as opposed to refusing
     * what was asked of it.
     *
     * <p>The pool's "no connection within the timeout" counts only when it carries why its connection attempts
     * failed: without that, every connection was merely busy, which is load, not an unreachable database.
     */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState())
                            || READ_ONLY.equals(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && fromPoolsClosedConnection(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The pool puts a closed stand-in behind a connection it found broken (its driver reported the connection
     * lost or the server going away); what is asked of the stand-in afterwards, such as the rollback Spring
     * attempts when a commit failed that way, fails with no SQL state, and that failure is the one reported.
     */
    private static boolean fromPoolsClosedConnection(SQLException failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && POOLS_CLOSED_CONNECTION.equals(trace[0].getClassName());
    }

    /** Answers 503: a problem document to API clients, a plain page to browsers. */
    public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.warn("The database cannot be reached: answered 503 to {} {}", request.getMethod(),
                request.getRequestURI().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body;
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body = PROBLEM;
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            body = PAGE;
        }
        // Sent with its length, the answer is whole once written: what fails after it (the session store's own
        // write at the end of the request, which cannot reach the database either) cannot cut it short.
        response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
        response.getWriter().write(body);
        response.flushBuffer();
    }

    /** Whether this response is already the 503 this class answers: nothing after it should replace it. */
    static boolean answered(HttpServletResponse response) {
        return response.isCommitted() && response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && "no-store".equals(response.getHeader("Cache-Control"))
                && response.getHeader("Retry-After") != null;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().startsWith("/api/")
                || (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html"));
    }
}
