package org.oversight.query.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.access.Person;
import org.oversight.events.retention.HoldReason;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;
import org.oversight.query.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the retention projection: the records due, one child's retention, an authority's schedule. */
@Component
public class RetentionQueries {

    private final JdbcClient jdbc;
    private final RetentionProjection projection;

    public RetentionQueries(JdbcClient jdbc, RetentionProjection projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    /**
     * A record whose retention has run out. A restricted record the reader is not named on is listed with its case
     * id alone, so that it is never left undestroyed for being unseen, while what identifies the child stays with
     * the people named on it.
     *
     * @param localIdentifier the authority's identifier for the child; {@code null} for a restricted record
     * @param why             the facts behind the date; {@code null} for a restricted record
     * @param held            the reasons of the holds standing on it: it is not due while any stands
     */
    public record DueRecord(String childId, String localIdentifier, RecordType recordType, String recordTypeTitle,
            boolean statutory, String rule, LocalDate dueOn, String why, boolean restricted, List<HoldReason> held) {
    }

    /** One page of the records whose date has come, the held ones among them, with the counts of both. */
    public record DuePage(String localAuthority, LocalDate asAt, long due, long held, int page, int size,
            List<DueRecord> records) {

        public boolean more() {
            return (long) page * size < due + held;
        }
    }

    /** One hold standing on a record. */
    public record Hold(HoldReason reason, String reasonTitle, String note, String placedBy, Instant placedAt) {
    }

    /** One child's retention with the holds that stand on it. */
    public record ChildRetention(String childId, String localAuthority, String localIdentifier, RecordType recordType,
            String recordTypeTitle, boolean statutory, String rule, LocalDate dueOn, String why, List<Hold> holds) {

        public boolean dueBy(LocalDate day) {
            return holds.isEmpty() && dueOn != null && !dueOn.isAfter(day);
        }
    }

    /** A row of a schedule as it stands: the law's, a local choice, or a local default not yet changed. */
    public record ScheduleRow(RecordType recordType, String title, boolean statutory, Integer years,
            RetentionTrigger from, String rule, boolean byDefault) {
    }

    /** A change to a schedule, with who made it, when and why. */
    public record ScheduleChange(long sequence, RecordType recordType, String title, int years, RetentionTrigger from,
            String reason, String changedBy, Instant recordedAt) {
    }

    /**
     * @param reader who reads the list: a restricted record they are named on is shown to them in full
     */
    public DuePage due(Person reader, String authority, LocalDate asAt, int page, int size) {
        Scope scope = Scope.listsFor(reader);
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM retention_hold h WHERE h.child_id = c.child_id))
                           AS due,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM retention_hold h WHERE h.child_id = c.child_id))
                           AS held
                  FROM retention_child c
                 WHERE c.local_authority = :la AND c.due_on <= :asAt
                """).param("la", authority).param("asAt", asAt).query().singleRow();
        List<DueRecord> records = jdbc.sql("""
                SELECT c.child_id, c.local_identifier, c.record_type, c.statutory, c.rule, c.due_on, c.why,
                       NOT %s AS restricted,
                       ARRAY(SELECT h.reason FROM retention_hold h WHERE h.child_id = c.child_id ORDER BY h.reason)
                           AS held
                  FROM retention_child c
                 WHERE c.local_authority = :la AND c.due_on <= :asAt
                 ORDER BY c.due_on, c.child_id
                 LIMIT :size OFFSET :offset
                """.formatted(scope.readerMaySee("c.restricted_to")))
                .param("la", authority).param("asAt", asAt).param("size", size)
                .param("offset", (long) (page - 1) * size).params(scope.params())
                .query((rs, n) -> {
                    boolean restricted = rs.getBoolean("restricted");
                    RecordType type = RecordType.valueOf(rs.getString("record_type"));
                    List<HoldReason> held = new ArrayList<>();
                    for (String reason : (String[]) rs.getArray("held").getArray()) {
                        held.add(HoldReason.valueOf(reason));
                    }
                    return new DueRecord(rs.getString("child_id"), restricted ? null : rs.getString("local_identifier"),
                            type, type.title(), rs.getBoolean("statutory"), rs.getString("rule"),
                            rs.getObject("due_on", LocalDate.class), restricted ? null : rs.getString("why"), restricted,
                            List.copyOf(held));
                }).list();
        return new DuePage(authority, asAt, ((Number) counts.get("due")).longValue(),
                ((Number) counts.get("held")).longValue(), page, size, records);
    }

    public Optional<ChildRetention> child(String childId) {
        List<Hold> holds = jdbc.sql("""
                SELECT reason, note, coalesce(placed_by_name, placed_by) AS placed_by, placed_at FROM retention_hold
                 WHERE child_id = :id ORDER BY placed_at, reason""").param("id", childId)
                .query((rs, n) -> {
                    HoldReason reason = HoldReason.valueOf(rs.getString("reason"));
                    java.sql.Timestamp at = rs.getTimestamp("placed_at");
                    return new Hold(reason, reason.title(), rs.getString("note"), rs.getString("placed_by"),
                            at == null ? null : at.toInstant());
                }).list();
        return jdbc.sql("""
                SELECT child_id, local_authority, local_identifier, record_type, statutory, rule, due_on, why
                  FROM retention_child WHERE child_id = :id""").param("id", childId)
                .query((rs, n) -> {
                    RecordType type = RecordType.valueOf(rs.getString("record_type"));
                    return new ChildRetention(rs.getString("child_id"), rs.getString("local_authority"),
                            rs.getString("local_identifier"), type, type.title(), rs.getBoolean("statutory"),
                            rs.getString("rule"), rs.getObject("due_on", LocalDate.class), rs.getString("why"), holds);
                }).optional();
    }

    /** Every type of record, in the order of {@link RecordType}, as the authority keeps it today. */
    public List<ScheduleRow> schedule(String authority) {
        Map<RecordType, LocalRetention> local = projection.schedule(authority);
        List<ScheduleRow> rows = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            if (type.statutory()) {
                rows.add(new ScheduleRow(type, type.title(), true, 75, RetentionTrigger.BIRTH,
                        "Until the 75th anniversary of the child's birth or, if the child dies before 18, 15 years "
                                + "beginning with the day of death (" + RetentionRule.REG_50 + ")", false));
            } else {
                LocalRetention row = local.getOrDefault(type, LocalRetention.DEFAULTS.get(type));
                rows.add(new ScheduleRow(type, type.title(), false, row.years(), row.from(),
                        row.years() + " years from " + row.from().title(), !local.containsKey(type)));
            }
        }
        return rows;
    }

    public List<ScheduleChange> changes(String authority) {
        return jdbc.sql("""
                SELECT sequence, record_type, years, counted_from, reason, coalesce(changed_by_name, changed_by) AS who,
                       recorded_at
                  FROM retention_schedule_change WHERE local_authority = :la ORDER BY sequence DESC""")
                .param("la", authority)
                .query((rs, n) -> {
                    RecordType type = RecordType.valueOf(rs.getString("record_type"));
                    java.sql.Timestamp at = rs.getTimestamp("recorded_at");
                    return new ScheduleChange(rs.getLong("sequence"), type, type.title(), rs.getInt("years"),
                            RetentionTrigger.valueOf(rs.getString("counted_from")), rs.getString("reason"),
                            rs.getString("who"), at == null ? null : at.toInstant());
                }).list();
    }
}
