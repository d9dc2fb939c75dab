package org.oversight.query.lookedafter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the looked-after projection and derives what it does not store, as at today by the injected clock:
 * an open action due before today is overdue (due today is not); the current legal status and placement are
 * those of the period's latest change; changes of IRO count from the current period's start.
 */
@Component
public class LookedAfterQueries {

    /**
     * Whether the child's voice was sought before review {@code r}: the IRO said so at the review, or a
     * consultation that meets reg 36 (a private conversation, the child's refusal, or one inappropriate for their
     * age and understanding; or one recorded before the question was asked) is recorded in the period on or before
     * the review's day and after any earlier review.
     */
    static final String CONSULTED_BEFORE = """
            (r.spoke_to_child_beforehand OR EXISTS (
                SELECT 1 FROM looked_after_consultation lac
                 WHERE lac.period_id = r.period_id AND lac.consulted_on <= r.held_on
                   AND lac.private_conversation <> 'NOT_IN_PRIVATE'
                   AND NOT EXISTS (SELECT 1 FROM looked_after_review e
                                    WHERE e.period_id = r.period_id AND e.held_on < r.held_on
                                      AND e.held_on >= lac.consulted_on)))""";

    /**
     * The caseload's looked-after columns for the child {@code c.child_id}: a {@code LEFT JOIN LATERAL} body
     * that needs the parameter {@code :today}; every column is null when the child is not looked after now.
     * Read a row with {@link #summary(ResultSet)}.
     */
    public static final String SUMMARY = """
            SELECT p.started_on AS la_since, lr.held_on AS la_last_review_on,
                   lr.participation AS la_last_participation, lr.consulted AS la_consulted_before,
                   (SELECT count(*) FROM looked_after_action a JOIN looked_after_review ar USING (review_id)
                     WHERE ar.period_id = p.period_id AND a.status = 'OPEN') AS la_open_actions,
                   (SELECT count(*) FROM looked_after_action a JOIN looked_after_review ar USING (review_id)
                     WHERE ar.period_id = p.period_id AND a.status = 'OPEN' AND a.due_on < :today)
                       AS la_overdue_actions,
                   (SELECT count(*) FROM looked_after_iro_change i
                     WHERE i.child_id = p.child_id AND i.allocated_from >= p.started_on) AS la_iro_changes
              FROM looked_after_period p
              LEFT JOIN LATERAL (SELECT r.held_on, r.participation, %s AS consulted
                                   FROM looked_after_review r
                                  WHERE r.period_id = p.period_id
                                  ORDER BY r.held_on DESC LIMIT 1) lr ON TRUE
             WHERE p.child_id = c.child_id AND p.ended_on IS NULL""".formatted(CONSULTED_BEFORE);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory directory;

    public LookedAfterQueries(JdbcClient jdbc, Clock clock, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    /** A row's {@link #SUMMARY} columns, or {@code null} when the child is not looked after now. */
    public static LookedAfterSummary summary(ResultSet rs) throws SQLException {
        LocalDate since = rs.getObject("la_since", LocalDate.class);
        if (since == null) {
            return null;
        }
        String participation = rs.getString("la_last_participation");
        Object consulted = rs.getObject("la_consulted_before");
        return new LookedAfterSummary(since, rs.getObject("la_last_review_on", LocalDate.class),
                participation == null ? null : ParticipationCode.valueOf(participation),
                consulted == null ? null : rs.getBoolean("la_consulted_before"), rs.getInt("la_open_actions"),
                rs.getInt("la_overdue_actions"), rs.getInt("la_iro_changes"));
    }

    public LookedAfterRecord record(String childId) {
        return records(java.util.Collections.singletonList(childId)).get(childId);
    }

    /**
     * The records of these children, read in one query per table whatever their number (the due items of a whole
     * batch of children at once), by child id, each as {@link #record} gives it; the IROs' names are looked up
     * once for them all.
     */
    public Map<String, LookedAfterRecord> records(Collection<String> childIds) {
        return records(childIds, true);
    }

    /**
     * The records of these children as {@link #records} reads them, but without what only a person reads: each
     * review's decisions and recommendations are left empty, each action's count of changes is 0 and each IRO is
     * named by user name, not looked up. The clocks and the caseload's summary are worked out from dates, states
     * and counts of records, never from those, and the due items read a whole service's records after a rebuild:
     * the review lines, the counts of changes and the IROs' names were about a fifth of that work.
     */
    public Map<String, LookedAfterRecord> recordsWithoutWording(Collection<String> childIds) {
        return records(childIds, false);
    }

    private Map<String, LookedAfterRecord> records(Collection<String> childIds, boolean wording) {
        LocalDate today = LocalDate.now(clock);
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, String> names = !wording ? Map.of() : directory.displayNames(jdbc.sql("""
                SELECT iro_id FROM looked_after_consultation WHERE child_id = ANY (:children::text[])
                UNION SELECT iro_id FROM looked_after_iro_visit WHERE child_id = ANY (:children::text[])
                UNION SELECT iro_id FROM looked_after_midway_check WHERE child_id = ANY (:children::text[])
                UNION SELECT iro_id FROM looked_after_early_review_request WHERE child_id = ANY (:children::text[])
                """).param("children", ids).query(String.class).list());
        Function<String, String> iroName = username -> names.getOrDefault(username, username);
        Map<String, List<LookedAfterRecord.Change>> changes = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, kind, changed_on, from_code, to_code FROM looked_after_period_change
                 WHERE child_id = ANY (:children::text[]) ORDER BY changed_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Change(rs.getString(2), date(rs, 3), rs.getString(4),
                                    rs.getString(5)));
                });
        Map<String, List<LookedAfterRecord.Period>> periods = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, started_on, start_legal_status, start_placement, ended_on, end_reason, child_id
                  FROM looked_after_period WHERE child_id = ANY (:children::text[]) ORDER BY started_on DESC
                """).param("children", ids)
                .query(rs -> {
                    periods.computeIfAbsent(rs.getString(7), id -> new ArrayList<>())
                            .add(period(rs, changes.getOrDefault(rs.getString(1), List.of())));
                });
        Map<String, List<String>> lines = new HashMap<>();
        if (wording) {
            jdbc.sql("""
                    SELECT l.review_id, l.kind, l.text FROM looked_after_review_line l
                      JOIN looked_after_review r USING (review_id)
                     WHERE r.child_id = ANY (:children::text[]) ORDER BY l.review_id, l.kind, l.position
                    """).param("children", ids)
                    .query(rs -> {
                        lines.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                                .add(rs.getString(3));
                    });
        }
        Map<String, List<LookedAfterRecord.Review>> reviews = new HashMap<>();
        jdbc.sql("""
                SELECT r.review_id, r.period_id, r.held_on, r.participation, r.spoke_to_child_beforehand,
                       %s AS consulted, r.iro_name, r.distributed_on, r.child_friendly_version,
                       r.decisions_sent_on, r.child_id
                  FROM looked_after_review r WHERE r.child_id = ANY (:children::text[]) ORDER BY r.held_on DESC
                """.formatted(CONSULTED_BEFORE)).param("children", ids)
                .query(rs -> {
                    reviews.computeIfAbsent(rs.getString(11), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Review(rs.getString(1), rs.getString(2), date(rs, 3),
                                    ParticipationCode.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6),
                                    lines.getOrDefault(rs.getString(1) + "|DECISION", List.of()),
                                    lines.getOrDefault(rs.getString(1) + "|RECOMMENDATION", List.of()),
                                    rs.getString(7), date(rs, 8), (Boolean) rs.getObject(9), date(rs, 10)));
                });
        Map<String, List<LookedAfterRecord.Action>> actions = new HashMap<>();
        jdbc.sql("""
                SELECT a.action_id, a.review_id, a.action, a.owner, a.due_on, a.agreed_on, a.status, a.closed_on,
                       a.cancel_reason,
                       %s, a.child_id
                  FROM looked_after_action a WHERE a.child_id = ANY (:children::text[])
                 ORDER BY a.status = 'OPEN' DESC, a.due_on, a.agreed_on DESC, a.action_id
                """.formatted(wording
                        ? "(SELECT count(*) FROM looked_after_action_change ch WHERE ch.action_id = a.action_id)"
                        : "0")).param("children", ids)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getString(11), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Action(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), date(rs, 5), date(rs, 6),
                                    status(rs.getString(7), date(rs, 5), today), date(rs, 8), rs.getString(9),
                                    rs.getInt(10)));
                });
        Map<String, List<LookedAfterRecord.Consultation>> consultations = new HashMap<>();
        jdbc.sql("""
                SELECT consulted_on, method, seen_alone, iro_id, private_conversation, child_id
                  FROM looked_after_consultation
                 WHERE child_id = ANY (:children::text[]) ORDER BY consulted_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    consultations.computeIfAbsent(rs.getString(6), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Consultation(date(rs, 1),
                                    ConsultationMethod.valueOf(rs.getString(2)), rs.getBoolean(3),
                                    iroName.apply(rs.getString(4)), PrivateConversation.valueOf(rs.getString(5))));
                });
        Map<String, List<LookedAfterRecord.Visit>> visits = new HashMap<>();
        jdbc.sql("""
                SELECT visited_on, face_to_face, iro_id, child_id FROM looked_after_iro_visit
                 WHERE child_id = ANY (:children::text[]) ORDER BY visited_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    visits.computeIfAbsent(rs.getString(4), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Visit(date(rs, 1), rs.getBoolean(2),
                                    iroName.apply(rs.getString(3))));
                });
        Map<String, List<LookedAfterRecord.MidwayCheck>> checks = new HashMap<>();
        jdbc.sql("""
                SELECT checked_on, finding, iro_id, child_id FROM looked_after_midway_check
                 WHERE child_id = ANY (:children::text[]) ORDER BY checked_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    checks.computeIfAbsent(rs.getString(4), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.MidwayCheck(date(rs, 1), MidwayFinding.valueOf(rs.getString(2)),
                                    iroName.apply(rs.getString(3))));
                });
        Map<String, List<LookedAfterRecord.EarlyReviewRequest>> requests = new HashMap<>();
        jdbc.sql("""
                SELECT requested_on, reason, iro_id, child_id FROM looked_after_early_review_request
                 WHERE child_id = ANY (:children::text[]) ORDER BY requested_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    requests.computeIfAbsent(rs.getString(4), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.EarlyReviewRequest(date(rs, 1),
                                    EarlyReviewReason.valueOf(rs.getString(2)), iroName.apply(rs.getString(3))));
                });
        Map<String, List<LookedAfterRecord.PermanencePlanEntry>> plans = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, recorded_on, plan, previous, child_id FROM looked_after_permanence_plan
                 WHERE child_id = ANY (:children::text[]) ORDER BY recorded_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    plans.computeIfAbsent(rs.getString(5), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.PermanencePlanEntry(rs.getString(1), date(rs, 2),
                                    PermanencePlan.valueOf(rs.getString(3)),
                                    rs.getString(4) == null ? null : PermanencePlan.valueOf(rs.getString(4))));
                });
        Map<String, List<LookedAfterRecord.Correction>> corrections = new HashMap<>();
        jdbc.sql("""
                SELECT review_id, what, recorded_as, corrected_to, reason, child_id FROM looked_after_correction
                 WHERE child_id = ANY (:children::text[]) ORDER BY sequence
                """).param("children", ids)
                .query(rs -> {
                    corrections.computeIfAbsent(rs.getString(6), id -> new ArrayList<>()).add(
                            new LookedAfterRecord.Correction(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5)));
                });
        Map<String, List<LocalDate>> iroChanges = new HashMap<>();
        jdbc.sql("SELECT child_id, allocated_from FROM looked_after_iro_change WHERE child_id = ANY (:children::text[])")
                .param("children", ids)
                .query(rs -> {
                    iroChanges.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(date(rs, 2));
                });
        Map<String, LookedAfterRecord> records = new HashMap<>();
        for (String id : ids) {
            List<LookedAfterRecord.Period> childPeriods = periods.getOrDefault(id, new ArrayList<>());
            // changes of IRO count from the start of the current period (the latest started, were there two open)
            int changesOfIro = childPeriods.stream().filter(LookedAfterRecord.Period::open).findFirst()
                    .map(period -> (int) iroChanges.getOrDefault(id, List.of()).stream()
                            .filter(from -> from != null && !from.isBefore(period.startedOn())).count())
                    .orElse(0);
            records.put(id, new LookedAfterRecord(today, childPeriods, reviews.getOrDefault(id, new ArrayList<>()),
                    actions.getOrDefault(id, new ArrayList<>()), consultations.getOrDefault(id, new ArrayList<>()),
                    visits.getOrDefault(id, new ArrayList<>()), checks.getOrDefault(id, new ArrayList<>()),
                    requests.getOrDefault(id, new ArrayList<>()), plans.getOrDefault(id, new ArrayList<>()),
                    corrections.getOrDefault(id, new ArrayList<>()), changesOfIro));
        }
        return records;
    }

    /** An open action is overdue from the day after its due date. */
    static LookedAfterRecord.ActionStatus status(String stored, LocalDate dueOn, LocalDate today) {
        LookedAfterRecord.ActionStatus status = LookedAfterRecord.ActionStatus.valueOf(stored);
        return status == LookedAfterRecord.ActionStatus.OPEN && dueOn.isBefore(today)
                ? LookedAfterRecord.ActionStatus.OVERDUE : status;
    }

    private static LookedAfterRecord.Period period(ResultSet rs, List<LookedAfterRecord.Change> changes)
            throws SQLException {
        LegalStatus started = LegalStatus.valueOf(rs.getString(3));
        LegalStatus current = changes.stream().filter(LookedAfterRecord.Change::legalStatus).findFirst()
                .map(change -> LegalStatus.valueOf(change.to())).orElse(started);
        String placement = changes.stream().filter(change -> !change.legalStatus()).findFirst()
                .map(LookedAfterRecord.Change::to).orElse(rs.getString(4));
        String endReason = rs.getString(6);
        return new LookedAfterRecord.Period(rs.getString(1), date(rs, 2), started, current, placement, date(rs, 5),
                endReason == null ? null : ReasonPeriodEnded.valueOf(endReason), List.copyOf(changes));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** The days IRO allocations for the child took effect, earliest first. */
    public List<LocalDate> iroAllocations(String childId) {
        return iroAllocations(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** {@link #iroAllocations(String)} of each of these children, in one query, by child id. */
    public Map<String, List<LocalDate>> iroAllocations(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<LocalDate>> allocations = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, allocated_from FROM looked_after_iro_allocation WHERE child_id = ANY (:children::text[])
                 ORDER BY allocated_from
                """).param("children", ids)
                .query(rs -> {
                    allocations.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(date(rs, 2));
                });
        for (String id : ids) {
            allocations.computeIfAbsent(id, k -> new ArrayList<>());
        }
        return allocations;
    }
}
