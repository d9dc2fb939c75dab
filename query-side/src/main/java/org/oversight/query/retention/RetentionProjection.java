package org.oversight.query.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.RecordedBy;
import org.oversight.events.StreamIds;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each child's retention, worked out again by {@link RetentionRule} whenever a fact it reads changes, and when
 * the authority's schedule changes for every child of the type. A processor of its own, so that it builds itself
 * from the whole store the first time it runs.
 *
 * <p>A child's facts and a schedule change are applied on different segments, perhaps at once: a child's work
 * takes its authority's lock shared and a schedule change takes it alone, so a child is never worked out under a
 * schedule that a change applied at the same moment has already replaced. A batch takes an authority's lock
 * once, at its first child there, and holds it to its commit: the schedule it then reads cannot change under it
 * but by the batch's own schedule change, so it is kept for the batch ({@link ProjectionWrites#kept}) and
 * replaced by such a change. An event applied on its own, in a savepoint after a failed batch, neither keeps nor
 * uses it (its lock would go with the savepoint, were that rolled back), and the batch drops what it kept before
 * such an event, so a schedule change applied so is read again by the batch's later children.
 *
 * <p>Its writes are queued for the batch's commit ({@link ProjectionWrites}) and its reads of its own tables go
 * through that queue, so that a registration costs no round trip of its own; a fact costs none either, since the
 * children whose facts a batch changed are worked out together, in one read, when it commits.
 */
@Component
@ProcessingGroup(RetentionProjection.PROCESSOR)
public class RetentionProjection {

    public static final String PROCESSOR = "retention";

    private static final String SCHEDULES = RetentionProjection.class.getName() + ".schedules";
    private static final String OWED = RetentionProjection.class.getName() + ".owed";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public RetentionProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(ChildRegistered event) {
        RetentionFacts facts = new RetentionFacts(event.dateOfBirth(), event.expectedDateOfDelivery(),
                event.registeredOn(), false, null, false, false, null, null);
        Retention retention = RetentionRule.of(facts, scheduleUnderLock(event.localAuthority()));
        writes.sql("""
                INSERT INTO retention_child (child_id, local_authority, local_identifier, registered_on, date_of_birth,
                                             expected_delivery, record_type, statutory, rule, why, due_on)
                VALUES (:childId, :la, :localId, :registeredOn, :dob, :expected, :type, :statutory, :rule, :why, :due)
                ON CONFLICT (child_id) DO NOTHING
                """).param("childId", event.childId()).param("la", event.localAuthority())
                .param("localId", event.localIdentifier()).param("registeredOn", event.registeredOn())
                .param("dob", event.dateOfBirth()).param("expected", event.expectedDateOfDelivery())
                .param("type", retention.recordType().name()).param("statutory", retention.statutory())
                .param("rule", retention.rule()).param("why", retention.why()).param("due", retention.dueOn())
                .update();
    }

    @EventHandler
    void on(ChildRecordRestricted event) {
        change(event.childId(), "restricted_to = CAST(:value AS text[])", event.namedPeople().toArray(String[]::new));
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event) {
        writes.sql("UPDATE retention_child SET restricted_to = NULL WHERE child_id = :id")
                .param("id", event.childId()).update();
    }

    @EventHandler
    void on(BirthRecorded event) {
        change(event.childId(), "date_of_birth = :value", event.dateOfBirth());
    }

    @EventHandler
    void on(ChildTransferred event) {
        writes.sql("UPDATE retention_child SET local_authority = :la, local_identifier = :localId WHERE child_id = :id")
                .param("la", event.toLocalAuthority()).param("localId", event.toLocalIdentifier())
                .param("id", event.childId()).update();
        workOut(event.childId());
    }

    @EventHandler
    void on(PeriodOfCareStarted event) {
        change(event.childId(), "looked_after = :value", true);
    }

    @EventHandler
    void on(PeriodOfCareEnded event) {
        if (event.reason() == ReasonPeriodEnded.E2) {
            change(event.childId(), "died_on = :value", event.endedOn());
        }
    }

    @EventHandler
    void on(ChildProtectionPlanStarted event) {
        change(event.childId(), """
                on_plan = TRUE, open_plans = CASE WHEN CAST(:value AS text) = ANY (open_plans) THEN open_plans
                                                  ELSE array_append(open_plans, CAST(:value AS text)) END""",
                event.planId());
    }

    /** A plan ended at a conference ends on that conference's day, corrected with it. */
    @EventHandler
    void on(ChildProtectionPlanEnded event) {
        writes.sql("UPDATE retention_child SET open_plans = array_remove(open_plans, :planId) WHERE child_id = :id")
                .param("planId", event.planId()).param("id", event.childId()).update();
        day(event.childId(), PLAN_END, event.endedAtConference() ? event.conferenceId() : "plan:" + event.planId(),
                event.endDate());
    }

    @EventHandler
    void on(Section47EnquiryStarted event) {
        day(event.childId(), ENQUIRY, "strategy:" + event.enquiryId(), event.strategyDiscussionOn());
    }

    @EventHandler
    void on(InitialConferenceNotRequired event) {
        day(event.childId(), ENQUIRY, "not-required:" + event.enquiryId(), event.decidedOn());
    }

    @EventHandler
    void on(InitialConferenceHeld event) {
        if (event.outcome() != ConferenceOutcome.PLAN) {
            day(event.childId(), ENQUIRY, event.conferenceId(), event.heldOn());
        }
    }

    @EventHandler
    void on(ConferenceDateCorrected event) {
        writes.sql("UPDATE retention_day SET day = :day WHERE child_id = :id AND key = :conference")
                .param("day", event.correctedTo()).param("id", event.childId())
                .param("conference", event.conferenceId()).update();
        workOut(event.childId());
    }

    @EventHandler
    void on(LegalHoldPlaced event, @SequenceNumber long sequence,
            @MetaDataValue(RecordedBy.USERNAME) String placedBy,
            @MetaDataValue(RecordedBy.DISPLAY_NAME) String placedByName,
            @MetaDataValue(RecordedBy.RECORDED_AT) String recordedAt) {
        writes.sql("""
                INSERT INTO retention_hold (child_id, reason, note, placed_by, placed_by_name, placed_at)
                VALUES (:id, :reason, :note, :by, :byName, :at)
                ON CONFLICT (child_id, reason) DO UPDATE SET note = EXCLUDED.note, placed_by = EXCLUDED.placed_by,
                       placed_by_name = EXCLUDED.placed_by_name, placed_at = EXCLUDED.placed_at
                """).param("id", event.childId()).param("reason", event.reason().name()).param("note", event.note())
                .param("by", placedBy).param("byName", placedByName).param("at", instant(recordedAt)).update();
        positions.advance(event.childId(), sequence);
    }

    @EventHandler
    void on(LegalHoldLifted event, @SequenceNumber long sequence) {
        writes.sql("DELETE FROM retention_hold WHERE child_id = :id AND reason = :reason")
                .param("id", event.childId()).param("reason", event.reason().name()).update();
        positions.advance(event.childId(), sequence);
    }

    @EventHandler
    void on(LocalRetentionChanged event, @SourceId String scheduleId, @SequenceNumber long sequence,
            @MetaDataValue(RecordedBy.USERNAME) String changedBy,
            @MetaDataValue(RecordedBy.DISPLAY_NAME) String changedByName,
            @MetaDataValue(RecordedBy.RECORDED_AT) String recordedAt) {
        String authority = event.localAuthority();
        writes.read("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", lockKey(authority))
                .list((rs, n) -> n);
        writes.sql("""
                INSERT INTO retention_schedule_change (local_authority, sequence, record_type, years, counted_from,
                                                       reason, changed_by, changed_by_name, recorded_at)
                VALUES (:la, :sequence, :type, :years, :from, :reason, :by, :byName, :at)
                ON CONFLICT (local_authority, sequence) DO NOTHING
                """).param("la", authority).param("sequence", sequence).param("type", event.recordType().name())
                .param("years", event.years()).param("from", event.from().name()).param("reason", event.reason())
                .param("by", changedBy).param("byName", changedByName).param("at", instant(recordedAt)).update();
        writes.sql("""
                INSERT INTO retention_local (local_authority, record_type, years, counted_from)
                VALUES (:la, :type, :years, :from)
                ON CONFLICT (local_authority, record_type) DO UPDATE SET years = EXCLUDED.years,
                       counted_from = EXCLUDED.counted_from
                """).param("la", authority).param("type", event.recordType().name()).param("years", event.years())
                .param("from", event.from().name()).update();
        Map<RecordType, LocalRetention> schedule = schedule(authority);
        Map<String, Map<RecordType, LocalRetention>> kept = writes.kept(SCHEDULES);
        if (kept != null) {
            kept.put(authority, schedule);
        }
        List<Row> rows = writes.read(SELECT_ROW + " WHERE local_authority = :la AND record_type = :type")
                .param("la", authority).param("type", event.recordType().name()).list(RetentionProjection::row);
        for (Row row : rows) {
            write(row.childId(), RetentionRule.of(row.facts(), schedule));
        }
        positions.advance(scheduleId, sequence);
    }

    @ResetHandler
    void reset() {
        positions.forgetStreams(StreamIds.RETENTION);
        jdbc.sql("TRUNCATE retention_child, retention_day, retention_hold, retention_local, retention_schedule_change")
                .update();
    }

    private void day(String childId, String kind, String key, LocalDate day) {
        writes.sql("""
                INSERT INTO retention_day (child_id, kind, key, day) VALUES (:id, :kind, :key, :day)
                ON CONFLICT (child_id, kind, key) DO UPDATE SET day = EXCLUDED.day
                """).param("id", childId).param("kind", kind).param("key", key).param("day", day).update();
        workOut(childId);
    }

    /** Records one fact, then works the child's retention out again. */
    private void change(String childId, String assignment, Object value) {
        writes.sql("UPDATE retention_child SET " + assignment + " WHERE child_id = :id").param("value", value)
                .param("id", childId).update();
        workOut(childId);
    }

    /**
     * Works the child's retention out again after a change to its facts: at once outside a batch (and for an event
     * applied on its own), otherwise once for the batch, at its commit, however many of the child's facts the
     * batch changed. What it reads then is what the batch leaves, which is what working it out after the child's
     * last fact would read; a schedule change in the batch is kept for it ({@link #scheduleUnderLock}).
     */
    private void workOut(String childId) {
        Set<String> owed = writes.owedAtCommit(OWED, this::workOutNow);
        if (owed == null) {
            workOutNow(List.of(childId));
        } else {
            owed.add(childId);
        }
    }

    /**
     * The children's facts are written by each child's own events alone, on its own segment, so they are read
     * before the authority's lock is taken; only the schedule needs the lock.
     */
    private void workOutNow(List<String> children) {
        for (Row row : writes.read(SELECT_ROW + " WHERE child_id = ANY (CAST(:ids AS text[]))")
                .param("ids", children.toArray(String[]::new)).list(RetentionProjection::row)) {
            write(row.childId(), RetentionRule.of(row.facts(), scheduleUnderLock(row.authority())));
        }
    }

    private void write(String childId, Retention retention) {
        writes.sql("""
                UPDATE retention_child SET record_type = :type, statutory = :statutory, rule = :rule, why = :why,
                       due_on = :due
                 WHERE child_id = :id""")
                .param("type", retention.recordType().name()).param("statutory", retention.statutory())
                .param("rule", retention.rule()).param("why", retention.why()).param("due", retention.dueOn())
                .param("id", childId).update();
    }

    /**
     * The authority's schedule, read once its lock is held shared. In a batch both are done at the batch's first
     * child of the authority, and kept to its commit, when the lock is let go.
     */
    private Map<RecordType, LocalRetention> scheduleUnderLock(String authority) {
        Map<String, Map<RecordType, LocalRetention>> kept = writes.kept(SCHEDULES);
        Map<RecordType, LocalRetention> schedule = kept == null ? null : kept.get(authority);
        if (schedule == null) {
            lockShared(authority);
            schedule = schedule(authority);
            if (kept != null) {
                kept.put(authority, schedule);
            }
        }
        return schedule;
    }

    private void lockShared(String authority) {
        writes.read("SELECT pg_advisory_xact_lock_shared(hashtext(:key))").param("key", lockKey(authority))
                .list((rs, n) -> n);
    }

    private static String lockKey(String authority) {
        return "retention-schedule:" + authority;
    }

    /** The authority's local rows as they stand. */
    Map<RecordType, LocalRetention> schedule(String authority) {
        Map<RecordType, LocalRetention> schedule = new EnumMap<>(RecordType.class);
        writes.read("SELECT record_type, years, counted_from FROM retention_local WHERE local_authority = :la")
                .param("la", authority).list((rs, n) -> new LocalRetention(RecordType.valueOf(rs.getString(1)),
                        rs.getInt(2), RetentionTrigger.valueOf(rs.getString(3))))
                .forEach(row -> schedule.put(row.recordType(), row));
        return schedule;
    }

    private static final String PLAN_END = "PLAN_END";
    private static final String ENQUIRY = "ENQUIRY";

    private static final String SELECT_ROW = """
            SELECT child_id, local_authority, date_of_birth, expected_delivery, registered_on, looked_after, died_on,
                   cardinality(open_plans) > 0 AS plan_open, on_plan,
                   (SELECT max(day) FROM retention_day d WHERE d.child_id = c.child_id AND d.kind = 'PLAN_END')
                       AS last_plan_ended,
                   (SELECT max(day) FROM retention_day d WHERE d.child_id = c.child_id AND d.kind = 'ENQUIRY')
                       AS enquiry_last
              FROM retention_child c""";

    private record Row(String childId, String authority, RetentionFacts facts) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString("child_id"), rs.getString("local_authority"), new RetentionFacts(
                rs.getObject("date_of_birth", LocalDate.class), rs.getObject("expected_delivery", LocalDate.class),
                rs.getObject("registered_on", LocalDate.class), rs.getBoolean("looked_after"),
                rs.getObject("died_on", LocalDate.class), rs.getBoolean("plan_open"), rs.getBoolean("on_plan"),
                rs.getObject("last_plan_ended", LocalDate.class), rs.getObject("enquiry_last", LocalDate.class)));
    }

    private static Timestamp instant(String recordedAt) {
        return recordedAt == null ? null : Timestamp.from(Instant.parse(recordedAt));
    }
}
