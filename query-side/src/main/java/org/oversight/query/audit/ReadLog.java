package org.oversight.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oversight.query.access.Scope;
import org.oversight.query.calendar.England;
import org.oversight.query.web.ReadBounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records every read of a child's record (page, summary, timeline, history, escalations, decision forms) in
 * {@code history_read}: who (from the security context), when (the
 * server clock), which child, how, and why if the reader said. Personal data goes to that table only, never to
 * the application's logs. Each read is queued for its seal in the same statement ({@link ReadLogSeals} seals them
 * in batches), and is listed only to readers of the child's own authority, and of a restricted record only to the
 * people named on it.
 */
@Component
public class ReadLog {

    /** How the history was read. */
    public enum How {
        PAGE("History page"), JSON("History as JSON"), EXPORT_JSON("JSON download"), PRINT("Printable history"),
        AS_AT("As-at reconstruction"), VERIFY("Integrity check"), CHILD("Child's page"),
        CHILD_JSON("Child as JSON"), TIMELINE("Timeline"), TIMELINE_JSON("Timeline as JSON"),
        ESCALATION("Escalation"), FORM("Decision form"), RECORD("Child's record"),
        SEARCH("Listed in search results"), SUBJECT_ACCESS("Subject access request or copy"),
        RETENTION("Listed as due for destruction"), REVIEW_RECORD("Review record (PDF)"),
        REVIEW_FOR_CHILD("Child-friendly review record (PDF)"), CIN_CENSUS("CIN census (child protection module)"),
        ANNEX_A("Ofsted Annex A list"),
        CONFERENCE_OUTCOME_LETTER("Conference outcome letter (PDF)"), CONFERENCE_MINUTES("Conference minutes (PDF)"),
        CONFERENCE_PARENTS_MINUTES("Conference minutes for the parents (PDF)"),
        CHARACTERISTICS("Child's characteristics"), SSDA903_EXPORT("In an SSDA903 return");

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
            return java.time.LocalDateTime.ofInstant(readAt, England.ZONE);
        }
    }

    /** One page of reads, newest first. */
    public record Page(List<Read> reads, int page, boolean more) {
    }

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
        // checked before anything is written: a reason that is not text (a NUL byte, a direction override) is the
        // reader's mistake to correct, never a failed read
        String why = ReadBounds.reason(purpose);
        jdbc.sql("""
                WITH read AS (INSERT INTO history_read (read_at, username, child_id, how, purpose)
                              VALUES (:at, :username, :child, :how, :purpose) RETURNING id)
                INSERT INTO history_read_unsealed (read_id) SELECT id FROM read
                """).param("at", Timestamp.from(clock.instant())).param("username", username).param("child", childId)
                .param("how", how.name()).param("purpose", why).update();
    }

    /**
     * Reads of the children the scope covers, newest first, optionally only of one child and/or by one user;
     * {@code page} counts from 1, up to {@link ReadBounds#MAX_PAGE}. Beyond the last page the page is empty.
     */
    public Page reads(Scope scope, String childId, String username, int page) {
        int shown = ReadBounds.page(page);
        List<Read> rows = jdbc.sql("""
                SELECT r.id, r.read_at, r.username, r.child_id, r.how, r.purpose
                  FROM history_read r JOIN history_read_child_copy c ON c.child_id = r.child_id
                 WHERE (CAST(:child AS VARCHAR) IS NULL OR r.child_id = :child)
                   AND (CAST(:username AS VARCHAR) IS NULL OR r.username = :username)
                   AND %s
                 ORDER BY r.read_at DESC, r.id DESC
                 LIMIT :limit OFFSET :offset
                """.formatted(scope.child("c.local_authority", "c.restricted_to")))
                .param("child", blankToNull(childId)).param("username", blankToNull(username))
                .params(scope.params())
                .param("limit", PAGE_SIZE + 1).param("offset", (shown - 1L) * PAGE_SIZE)
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
