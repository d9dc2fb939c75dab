package org.oversight.query.escalations;

import org.oversight.events.StreamIds;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Escalations as tables: the escalation, its children and its steps. Each event becomes one step row keyed by
 * the escalation and the event's sequence number; where the escalation stands is then refolded from all of its
 * steps ({@link EscalationProgress}), so a replay, or an event applied twice, rewrites the same rows.
 *
 * <p>Writes are queued for the batch ({@link ProjectionWrites}); the refold reads the escalation's steps through the
 * same queue, so it sees the steps written before it in the batch, in the same round trip as the writes.
 *
 * <p>The raising chair's team is read from the staff directory when the raise is applied: the dashboard counts an
 * escalation under the team its chair belongs to when it is projected (a rebuild takes today's teams).
 */
@Component
@ProcessingGroup(EscalationsProjection.PROCESSOR)
public class EscalationsProjection {

    public static final String PROCESSOR = "escalations";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;
    private final StaffDirectory directory;

    public EscalationsProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions,
            StaffDirectory directory) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
        this.directory = directory;
    }

    @EventHandler
    void on(EscalationRaised event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO escalation (escalation_id, local_authority, concern_category, asked, raised_formally,
                       raised_on, raised_by, raised_by_name, team, level, level_reached_on, formal_since,
                       awaiting_response, levels_skipped, status)
                VALUES (:id, :authority, :category, :asked, :formal, :raisedOn, :raisedBy, :raisedByName, :team,
                        :level, :raisedOn, :formalSince, TRUE, 0, 'OPEN')
                ON CONFLICT (escalation_id) DO UPDATE SET local_authority = EXCLUDED.local_authority,
                       concern_category = EXCLUDED.concern_category, asked = EXCLUDED.asked,
                       raised_formally = EXCLUDED.raised_formally, raised_on = EXCLUDED.raised_on,
                       raised_by = EXCLUDED.raised_by, raised_by_name = EXCLUDED.raised_by_name, team = EXCLUDED.team
                """).param("id", event.escalationId()).param("authority", event.localAuthority())
                .param("category", event.concernCategory()).param("asked", event.asked())
                .param("formal", event.formal()).param("raisedOn", event.raisedOn())
                .param("raisedBy", event.raisedBy()).param("raisedByName", event.raisedByName())
                .param("team", directory.teamOf(event.raisedBy()).orElse(null)).param("level", event.level())
                .param("formalSince", event.level() == null ? null : event.raisedOn())
                .update();
        List<String> children = event.childIds();
        for (int i = 0; i < children.size(); i++) {
            writes.sql("""
                    INSERT INTO escalation_child (escalation_id, child_id, position) VALUES (:id, :child, :position)
                    ON CONFLICT (escalation_id, child_id) DO NOTHING
                    """).param("id", event.escalationId()).param("child", children.get(i)).param("position", i)
                    .update();
        }
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.RAISED, event.raisedOn(), null,
                event.level(), List.of(), null, event.asked(), null));
    }

    @EventHandler
    void on(EscalationMovedUp event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.MOVED_UP, event.movedOn(),
                event.fromLevel(), event.toLevel(), event.skippedLevels(), null, event.reason(), null));
    }

    @EventHandler
    void on(EscalationResponseReceived event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.RESPONSE_RECEIVED, event.receivedOn(), null,
                event.level(), List.of(), event.respondent(), event.agreed(), null));
    }

    @EventHandler
    void on(EscalationResponseRejected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.RESPONSE_REJECTED, event.rejectedOn(), null,
                event.level(), List.of(), null, event.reason(), null));
    }

    @EventHandler
    void on(EscalationResolved event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.RESOLVED, event.resolvedOn(), null,
                event.level(), List.of(), null, event.outcomeForChild(), event.resolvedInChildsInterest()));
    }

    @EventHandler
    void on(EscalationWithdrawn event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.WITHDRAWN, event.withdrawnOn(), null, null,
                List.of(), null, event.reason(), null));
    }

    @EventHandler
    void on(EscalationReferredToCafcass event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        step(aggregateId, sequence, new EscalationStep(sequence, StepKind.REFERRED_TO_CAFCASS, event.referredOn(),
                null, null, List.of(), null, event.reason(), null));
    }

    @ResetHandler
    void reset() {
        positions.forgetStreams(StreamIds.ESCALATION);
        jdbc.sql("TRUNCATE escalation, escalation_child, escalation_step").update();
    }

    private void step(String escalationId, long sequence, EscalationStep step) {
        writes.sql("""
                INSERT INTO escalation_step (escalation_id, sequence, kind, happened_on, from_level, level,
                       skipped_levels, respondent, detail, in_childs_interest)
                VALUES (:id, :sequence, :kind, :on, :from, :level, :skipped, :respondent, :detail, :interest)
                ON CONFLICT (escalation_id, sequence) DO NOTHING
                """).param("id", escalationId).param("sequence", sequence).param("kind", step.kind().name())
                .param("on", step.on()).param("from", step.fromLevel()).param("level", step.level())
                .param("skipped", String.join("\n", step.skippedLevels())).param("respondent", step.respondent())
                .param("detail", step.detail()).param("interest", step.inChildsInterest())
                .update();
        refold(escalationId);
        positions.advance(escalationId, sequence);
    }

    private void refold(String escalationId) {
        // the steps as written so far in the batch: the queued writes go first, in the same round trip
        EscalationProgress progress = EscalationProgress.of(
                writes.read(STEPS + " WHERE escalation_id = :id ORDER BY sequence").param("id", escalationId)
                        .list((rs, i) -> step(rs)));
        writes.sql("""
                UPDATE escalation SET level = :level, level_reached_on = :reachedOn, formal_since = :formalSince,
                       awaiting_response = :awaiting, levels_skipped = :skipped, status = :status,
                       closed_on = :closedOn, in_childs_interest = :interest, cafcass_referred_on = :cafcass
                 WHERE escalation_id = :id
                """).param("level", progress.level()).param("reachedOn", progress.levelReachedOn())
                .param("formalSince", progress.formalSince()).param("awaiting", progress.awaitingResponse())
                .param("skipped", progress.levelsSkipped()).param("status", progress.status().name())
                .param("closedOn", progress.closedOn()).param("interest", progress.inChildsInterest())
                .param("cafcass", progress.cafcassReferredOn()).param("id", escalationId)
                .update();
    }

    /** Every step of an escalation, in order. */
    static List<EscalationStep> steps(JdbcClient jdbc, String escalationId) {
        return steps(jdbc, java.util.Collections.singletonList(escalationId)).get(escalationId);
    }

    /** The steps of each of these escalations, in one query, by escalation id (none for one unknown). */
    static java.util.Map<String, List<EscalationStep>> steps(JdbcClient jdbc, java.util.Collection<String> ids) {
        java.util.Map<String, List<EscalationStep>> steps = new java.util.HashMap<>();
        String[] wanted = ids.stream().distinct().toArray(String[]::new);
        jdbc.sql(STEPS + " WHERE escalation_id = ANY (:ids::text[]) ORDER BY sequence").param("ids", wanted)
                .query(rs -> {
                    steps.computeIfAbsent(rs.getString(10), id -> new java.util.ArrayList<>()).add(step(rs));
                });
        for (String id : wanted) {
            steps.computeIfAbsent(id, k -> new java.util.ArrayList<>());
        }
        return steps;
    }

    private static final String STEPS = """
            SELECT sequence, kind, happened_on, from_level, level, skipped_levels, respondent, detail,
                   in_childs_interest, escalation_id
              FROM escalation_step""";

    private static EscalationStep step(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EscalationStep(rs.getLong(1), StepKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getString(5), lines(rs.getString(6)), rs.getString(7), rs.getString(8),
                (Boolean) rs.getObject(9));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
