package org.oversight.query.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records every read of a child's record (page, summary, timeline, history, escalations, decision forms) in
 * {@code history_read}: who (from the security context), when (the
 * server clock), which child, how, and why if the reader said. Personal data goes to that table only, never to
 * the application's logs.
 */
@Component
public class ReadLog {

    /** How the history was read. */
    public enum How {
        PAGE("History page"), JSON("History as JSON"), EXPORT_JSON("JSON download"), PRINT("Printable history"),
        AS_AT("As-at reconstruction"), VERIFY("Integrity check"), CHILD("Child's page"),
        CHILD_JSON("Child as JSON"), TIMELINE("Timeline"), TIMELINE_JSON("Timeline as JSON"),
        ESCALATION("Escalation"), FORM("Decision form"), RECORD("Child's record"),
        SEARCH("Listed in search results");

        private final String title;

        How(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One recorded read. */
    public record Read(long id, Instant readAt, String username, String childId, How how, String purpose) {

        public java.time.LocalDateTime readAtInEngland() {
            return java.time.LocalDateTime.ofInstant(readAt, HistoryEntry.ENGLAND);
        }
    }

    /** One page of reads, newest first. */
    public record Page(List<Read> reads, int page, boolean more) {
    }

    static final int PURPOSE_LIMIT = 500;
    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a read by the signed-in user. */
    public void record(String childId, How how, String purpose) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null ? "unknown" : authentication.getName();
        String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (why != null && why.length() > PURPOSE_LIMIT) {
            why = why.substring(0, PURPOSE_LIMIT);
        }
        jdbc.sql("""
                INSERT INTO history_read (read_at, username, child_id, how, purpose)
                VALUES (:at, :username, :child, :how, :purpose)
                """).param("at", Timestamp.from(clock.instant())).param("username", username).param("child", childId)
                .param("how", how.name()).param("purpose", why).update();
    }

    /** Reads, newest first, optionally only of one child and/or by one user; {@code page} counts from 1. */
    public Page reads(String childId, String username, int page) {
        int shown = Math.max(page, 1);
        List<Read> rows = jdbc.sql("""
                SELECT id, read_at, username, child_id, how, purpose FROM history_read
                 WHERE (CAST(:child AS VARCHAR) IS NULL OR child_id = :child)
                   AND (CAST(:username AS VARCHAR) IS NULL OR username = :username)
                 ORDER BY read_at DESC, id DESC
                 LIMIT :limit OFFSET :offset
                """).param("child", blankToNull(childId)).param("username", blankToNull(username))
                .param("limit", PAGE_SIZE + 1).param("offset", (shown - 1) * PAGE_SIZE)
                .query((rs, i) -> new Read(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), How.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, shown, more);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
