package org.oversight.query.returns.ssda903;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The return's own copy of the facts it is made from (see {@code V7_21__ssda903.sql}). It runs in the looked-after
 * processor, which applies each child's events, of the child's case and of the looked-after journey, in order; the
 * changes are keyed by the child and the journey's sequence number, so a replay leaves the same rows.
 */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
public class Ssda903Projection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    public Ssda903Projection(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event) {
        writes.sql("""
                INSERT INTO ssda903_child (child_id, local_authority, local_identifier, date_of_birth)
                VALUES (:child, :la, :id, :dob)
                ON CONFLICT (child_id) DO NOTHING
                """).param("child", event.childId()).param("la", event.localAuthority())
                .param("id", event.localIdentifier()).param("dob", event.dateOfBirth()).update();
    }

    @EventHandler
    void on(BirthRecorded event) {
        writes.sql("UPDATE ssda903_child SET date_of_birth = :dob WHERE child_id = :child")
                .param("dob", event.dateOfBirth()).param("child", event.childId()).update();
    }

    /** The receiving authority returns the child from now on, under its own identifier. */
    @EventHandler
    void on(ChildTransferred event) {
        writes.sql("UPDATE ssda903_child SET local_authority = :la, local_identifier = :id WHERE child_id = :child")
                .param("la", event.toLocalAuthority()).param("id", event.toLocalIdentifier())
                .param("child", event.childId()).update();
    }

    @EventHandler
    void on(PeriodOfCareStarted event, @SequenceNumber long sequence) {
        change(event.childId(), sequence, Change.started(event.periodId(), event.startedOn(),
                event.legalStatus().name(), event.placement()));
    }

    @EventHandler
    void on(LegalStatusChanged event, @SequenceNumber long sequence) {
        change(event.childId(), sequence, Change.legalStatus(event.periodId(), event.changedOn(), event.to().name()));
    }

    @EventHandler
    void on(PlacementChanged event, @SequenceNumber long sequence) {
        change(event.childId(), sequence, Change.placement(event.periodId(), event.changedOn(), event.to(),
                event.carerChanged()));
    }

    @EventHandler
    void on(PeriodOfCareEnded event, @SequenceNumber long sequence) {
        change(event.childId(), sequence, Change.ended(event.periodId(), event.endedOn(), event.reason().name()));
    }

    @EventHandler
    void on(LookedAfterReviewHeld event) {
        writes.sql("""
                INSERT INTO ssda903_review (review_id, child_id, period_id, held_on, participation)
                VALUES (:review, :child, :period, :on, :participation)
                ON CONFLICT (review_id) DO NOTHING
                """).param("review", event.reviewId()).param("child", event.childId())
                .param("period", event.periodId()).param("on", event.heldOn())
                .param("participation", event.participation().name()).update();
    }

    @EventHandler
    void on(ReviewDateCorrected event) {
        writes.sql("UPDATE ssda903_review SET held_on = :on WHERE review_id = :review")
                .param("on", event.correctedTo()).param("review", event.reviewId()).update();
    }

    @EventHandler
    void on(ParticipationCorrected event) {
        writes.sql("UPDATE ssda903_review SET participation = :code WHERE review_id = :review")
                .param("code", event.correctedTo().name()).param("review", event.reviewId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE ssda903_child, ssda903_change, ssda903_review").update();
    }

    private void change(String childId, long sequence, Change change) {
        writes.sql("""
                INSERT INTO ssda903_change (child_id, sequence, period_id, kind, on_date, legal_status, placement,
                                            carer_changed, reason_ended)
                VALUES (:child, :sequence, :period, :kind, :on, :ls, :place, :carer, :reason)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", childId).param("sequence", sequence).param("period", change.periodId())
                .param("kind", change.kind().name()).param("on", change.on()).param("ls", change.legalStatus())
                .param("place", change.placement()).param("carer", change.carerChanged())
                .param("reason", change.reasonEnded()).update();
    }
}
