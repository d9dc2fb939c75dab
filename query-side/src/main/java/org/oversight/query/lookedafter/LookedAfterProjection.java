package org.oversight.query.lookedafter;

import org.oversight.events.StreamIds;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each child's looked-after journey as tables (see {@code V3_5__looked_after.sql}). Every write is keyed by the
 * event's own identifiers (period, review, action) or, for events without one, by the child and the event's
 * sequence number, so handling an event twice or replaying the store leaves the same rows. Nothing derived is
 * stored: the current legal status and placement, overdue actions and changes of IRO in a period are worked out
 * by {@link LookedAfterQueries} when read.
 *
 * <p>It also handles the child case's {@link ChairAllocated}, to count changes of IRO per period of care. That
 * event's position belongs to the caseload projection, so it is not advanced here: a page waiting for an
 * allocation waits for the caseload, which shows it.
 */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
public class LookedAfterProjection {

    public static final String PROCESSOR = "looked-after";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public LookedAfterProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(PeriodOfCareStarted event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_period (period_id, child_id, started_on, start_legal_status, start_placement)
                VALUES (:period, :child, :on, :status, :placement)
                ON CONFLICT (period_id) DO NOTHING
                """).param("period", event.periodId()).param("child", event.childId())
                .param("on", event.startedOn()).param("status", event.legalStatus().name())
                .param("placement", event.placement()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(LegalStatusChanged event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        change(event.childId(), sequence, event.periodId(), "LEGAL_STATUS", event.changedOn(),
                event.from() == null ? null : event.from().name(), event.to().name());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(PlacementChanged event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        change(event.childId(), sequence, event.periodId(), "PLACEMENT", event.changedOn(), event.from(),
                event.to());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(PeriodOfCareEnded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE looked_after_period SET ended_on = :on, end_reason = :reason WHERE period_id = :period")
                .param("on", event.endedOn()).param("reason", event.reason().name())
                .param("period", event.periodId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ChildConsultedBeforeReview event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_consultation (child_id, sequence, period_id, consulted_on, method, seen_alone,
                                                       iro_id, private_conversation)
                VALUES (:child, :sequence, :period, :on, :method, :alone, :iro, :private)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.consultedOn()).param("method", event.method().name())
                .param("alone", event.seenAlone()).param("iro", event.iroId())
                .param("private", event.privateConversation().name()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(IroVisitRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_iro_visit (child_id, sequence, period_id, visited_on, face_to_face, iro_id)
                VALUES (:child, :sequence, :period, :on, :faceToFace, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.visitedOn()).param("faceToFace", event.faceToFace()).param("iro", event.iroId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(MidwayCheckRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_midway_check (child_id, sequence, period_id, checked_on, finding, iro_id)
                VALUES (:child, :sequence, :period, :on, :finding, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.checkedOn()).param("finding", event.finding().name()).param("iro", event.iroId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(EarlyReviewRequested event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_early_review_request (child_id, sequence, period_id, requested_on, reason,
                                                               iro_id)
                VALUES (:child, :sequence, :period, :on, :reason, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.requestedOn()).param("reason", event.reason().name()).param("iro", event.iroId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(LookedAfterReviewHeld event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_review (review_id, child_id, period_id, held_on, participation,
                                                 spoke_to_child_beforehand, iro_id, iro_name)
                VALUES (:review, :child, :period, :on, :participation, :spoke, :iro, :iroName)
                ON CONFLICT (review_id) DO NOTHING
                """).param("review", event.reviewId()).param("child", event.childId())
                .param("period", event.periodId()).param("on", event.heldOn())
                .param("participation", event.participation().name())
                .param("spoke", event.spokeToChildBeforehand()).param("iro", event.iroId())
                .param("iroName", event.iroName()).update();
        lines(event.reviewId(), "DECISION", event.decisions());
        lines(event.reviewId(), "RECOMMENDATION", event.recommendations());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(CarePlanActionAgreed event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_action (action_id, child_id, review_id, action, owner, due_on, agreed_on,
                                                 status)
                VALUES (:action, :child, :review, :text, :owner, :due, :agreed, 'OPEN')
                ON CONFLICT (action_id) DO NOTHING
                """).param("action", event.actionId()).param("child", event.childId())
                .param("review", event.reviewId()).param("text", event.action()).param("owner", event.owner())
                .param("due", event.dueOn()).param("agreed", event.agreedOn()).update();
        positions.advance(aggregateId, sequence);
    }

    /** The event carries the action as it now stands, so the row takes it whole; the change stays as history. */
    @EventHandler
    void on(CarePlanActionChanged event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE looked_after_action SET action = :text, owner = :owner, due_on = :due WHERE action_id = :action")
                .param("text", event.action()).param("owner", event.owner()).param("due", event.dueOn())
                .param("action", event.actionId()).update();
        writes.sql("""
                INSERT INTO looked_after_action_change (child_id, sequence, action_id, action, owner, due_on, reason,
                                                        changed_on)
                VALUES (:child, :sequence, :action, :text, :owner, :due, :reason, :on)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("action", event.actionId())
                .param("text", event.action()).param("owner", event.owner()).param("due", event.dueOn())
                .param("reason", event.reason()).param("on", event.changedOn()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(CarePlanActionCompleted event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        close(event.actionId(), "COMPLETED", event.completedOn(), null);
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(CarePlanActionCancelled event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        close(event.actionId(), "CANCELLED", event.cancelledOn(), event.reason());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(PermanencePlanRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_permanence_plan (child_id, sequence, period_id, recorded_on, plan, previous)
                VALUES (:child, :sequence, :period, :on, :plan, :previous)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.recordedOn()).param("plan", event.plan().name())
                .param("previous", event.previous() == null ? null : event.previous().name()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ReviewRecordDistributed event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE looked_after_review SET distributed_on = :on, child_friendly_version = :childFriendly
                 WHERE review_id = :review
                """).param("on", event.distributedOn()).param("childFriendly", event.childFriendlyVersion())
                .param("review", event.reviewId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ReviewDecisionsSent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE looked_after_review SET decisions_sent_on = :on WHERE review_id = :review")
                .param("on", event.sentOn()).param("review", event.reviewId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ReviewDateCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE looked_after_review SET held_on = :to WHERE review_id = :review")
                .param("to", event.correctedTo()).param("review", event.reviewId()).update();
        // the actions agreed at a review were agreed on the review's day
        writes.sql("UPDATE looked_after_action SET agreed_on = :to WHERE review_id = :review")
                .param("to", event.correctedTo()).param("review", event.reviewId()).update();
        correction(event.childId(), sequence, event.reviewId(), "REVIEW_DATE", event.recordedAs().toString(),
                event.correctedTo().toString(), event.reason());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ParticipationCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE looked_after_review SET participation = :to WHERE review_id = :review")
                .param("to", event.correctedTo().name()).param("review", event.reviewId()).update();
        correction(event.childId(), sequence, event.reviewId(), "PARTICIPATION", event.recordedAs().name(),
                event.correctedTo().name(), event.reason());
        positions.advance(aggregateId, sequence);
    }

    /**
     * Every IRO allocation is kept for the IRO allocation clock; only a change of IRO (not a first allocation, nor
     * a change of child protection chair) counts as a change.
     */
    @EventHandler
    void on(ChairAllocated event, @SequenceNumber long sequence) {
        if (event.role() != ChairRole.IRO) {
            return;
        }
        writes.sql("""
                INSERT INTO looked_after_iro_allocation (child_id, sequence, allocated_from)
                VALUES (:child, :sequence, :from)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("from", event.allocatedFrom())
                .update();
        if (!event.reallocation()) {
            return;
        }
        writes.sql("""
                INSERT INTO looked_after_iro_change (child_id, sequence, allocated_from, chair_id, previous_chair_id)
                VALUES (:child, :sequence, :from, :chair, :previous)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence)
                .param("from", event.allocatedFrom()).param("chair", event.chairId())
                .param("previous", event.previousChairId()).update();
    }

    @ResetHandler
    void reset() {
        positions.forgetStreams(StreamIds.CARE);
        jdbc.sql("""
                TRUNCATE looked_after_period, looked_after_period_change, looked_after_review, looked_after_review_line,
                         looked_after_consultation, looked_after_iro_visit, looked_after_midway_check,
                         looked_after_early_review_request, looked_after_action, looked_after_action_change,
                         looked_after_permanence_plan, looked_after_correction, looked_after_iro_change,
                         looked_after_iro_allocation
                """).update();
    }

    private void change(String childId, long sequence, String periodId, String kind, LocalDate on, String from,
            String to) {
        writes.sql("""
                INSERT INTO looked_after_period_change (child_id, sequence, period_id, kind, changed_on, from_code,
                                                        to_code)
                VALUES (:child, :sequence, :period, :kind, :on, :from, :to)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", childId).param("sequence", sequence).param("period", periodId)
                .param("kind", kind).param("on", on).param("from", from).param("to", to).update();
    }

    /** A review's decisions or recommendations, in their order, in one statement. */
    private void lines(String reviewId, String kind, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        writes.sql("""
                INSERT INTO looked_after_review_line (review_id, kind, position, text)
                SELECT :review, :kind, line.position - 1, line.text
                  FROM unnest(:texts::text[]) WITH ORDINALITY AS line (text, position)
                ON CONFLICT (review_id, kind, position) DO NOTHING
                """).param("review", reviewId).param("kind", kind).param("texts", lines.toArray(String[]::new))
                .update();
    }

    private void close(String actionId, String status, LocalDate on, String reason) {
        writes.sql("""
                UPDATE looked_after_action SET status = :status, closed_on = :on, cancel_reason = :reason
                 WHERE action_id = :action
                """).param("status", status).param("on", on).param("reason", reason).param("action", actionId)
                .update();
    }

    private void correction(String childId, long sequence, String reviewId, String what, String from, String to,
            String reason) {
        writes.sql("""
                INSERT INTO looked_after_correction (child_id, sequence, review_id, what, recorded_as, corrected_to,
                                                     reason)
                VALUES (:child, :sequence, :review, :what, :from, :to, :reason)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", childId).param("sequence", sequence).param("review", reviewId)
                .param("what", what).param("from", from).param("to", to).param("reason", reason).update();
    }
}
