package org.oversight.query.protectionplan;

import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child protection plan between conferences, and strategy meetings, as tables. It runs in the protection
 * processor, beside the conferences and plans, so that a chair reading the child's protection record after a
 * decision waits for one position and the caseload's due items are worked out again with the rest. Every write is
 * keyed by the event's own identifiers (or the child's sequence), so a replay rewrites the same rows.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
public class PlanBetweenConferencesProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public PlanBetweenConferencesProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(StrategyMeetingHeld event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_strategy_meeting (meeting_id, child_id, held_on, attending_agencies, decision,
                       enquiry_id, sequence)
                VALUES (:meeting, :child, :heldOn, :agencies, :decision, :enquiry, :sequence)
                ON CONFLICT (meeting_id) DO NOTHING
                """).param("meeting", event.meetingId()).param("child", event.childId())
                .param("heldOn", event.heldOn()).param("agencies", lines(event.attendingAgencies()))
                .param("decision", event.decision().name()).param("enquiry", event.enquiryId())
                .param("sequence", sequence).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ProtectionPlanAgreed event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_plan_agreement (plan_id, conference_id, child_id, agreed_on, outcomes,
                       contingency_plan, sequence)
                VALUES (:plan, :conference, :child, :agreedOn, :outcomes::text[], :contingency, :sequence)
                ON CONFLICT (plan_id, conference_id) DO NOTHING
                """).param("plan", event.planId()).param("conference", event.conferenceId())
                .param("child", event.childId()).param("agreedOn", event.agreedOn())
                .param("outcomes", event.outcomes().toArray(String[]::new)).param("contingency", event.contingencyPlan())
                .param("sequence", sequence).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ProtectionActionAgreed event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_plan_action (action_id, child_id, plan_id, conference_id, action, owner, due_on,
                       agreed_on, state, sequence)
                VALUES (:action, :child, :plan, :conference, :text, :owner, :dueOn, :agreedOn, 'OPEN', :sequence)
                ON CONFLICT (action_id) DO NOTHING
                """).param("action", event.actionId()).param("child", event.childId()).param("plan", event.planId())
                .param("conference", event.conferenceId()).param("text", event.action()).param("owner", event.owner())
                .param("dueOn", event.dueOn()).param("agreedOn", event.agreedOn()).param("sequence", sequence)
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ProtectionActionCompleted event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE protection_plan_action SET state = 'COMPLETED', completed_on = :on WHERE action_id = :action")
                .param("on", event.completedOn()).param("action", event.actionId()).update();
        positions.advance(aggregateId, sequence);
    }

    /** Counted once however often it is replayed: the change is applied only while its own text is not there. */
    @EventHandler
    void on(ProtectionActionChanged event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE protection_plan_action
                   SET action = :text, owner = :owner, due_on = :dueOn, last_reason = :reason, changes = changes + 1
                 WHERE action_id = :action
                   AND (action, owner, due_on, coalesce(last_reason, '')) IS DISTINCT FROM (:text, :owner, :dueOn, :reason)
                """).param("text", event.action()).param("owner", event.owner()).param("dueOn", event.dueOn())
                .param("reason", event.reason()).param("action", event.actionId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ProtectionActionCancelled event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE protection_plan_action SET state = 'CANCELLED', cancelled_on = :on, last_reason = :reason
                 WHERE action_id = :action
                """).param("on", event.cancelledOn()).param("reason", event.reason())
                .param("action", event.actionId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(CoreGroupMeetingHeld event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        String progress = event.actionProgress().stream().map(p -> p.actionId() + "=" + p.progress().name())
                .collect(Collectors.joining("\n"));
        writes.sql("""
                INSERT INTO protection_core_group (meeting_id, child_id, plan_id, held_on, attending_agencies,
                       action_progress, progress_note, sequence)
                VALUES (:meeting, :child, :plan, :heldOn, :agencies, :progress, :note, :sequence)
                ON CONFLICT (meeting_id) DO NOTHING
                """).param("meeting", event.meetingId()).param("child", event.childId()).param("plan", event.planId())
                .param("heldOn", event.heldOn()).param("agencies", lines(event.attendingAgencies()))
                .param("progress", progress).param("note", event.progressNote()).param("sequence", sequence)
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ProtectionMidwayCheckRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_midway_check (child_id, sequence, plan_id, checked_on, finding, alert_raised_to)
                VALUES (:child, :sequence, :plan, :checkedOn, :finding, :alert)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("plan", event.planId())
                .param("checkedOn", event.checkedOn()).param("finding", event.finding().name())
                .param("alert", event.alertRaisedTo()).update();
        positions.advance(aggregateId, sequence);
    }

    /** An agreement and its actions are dated by their conference. */
    @EventHandler
    void on(ConferenceDateCorrected event) {
        writes.sql("UPDATE protection_plan_agreement SET agreed_on = :to WHERE conference_id = :conference "
                        + "AND child_id = :child")
                .param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
        writes.sql("UPDATE protection_plan_action SET agreed_on = :to WHERE conference_id = :conference "
                        + "AND child_id = :child")
                .param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE protection_plan_agreement, protection_plan_action, protection_core_group, "
                + "protection_midway_check, protection_strategy_meeting").update();
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }
}
