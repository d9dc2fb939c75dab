package org.oversight.query.returns;

import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts the returns are made of, kept in tables of their own so that an export reads one package's rows. Handled
 * in the protection processor, in the order of each child's events (its case, protection and care streams alike),
 * so that a child's registration is written before anything about them and a rebuild of that processor rebuilds
 * these tables too. Every write is keyed by the event's own identifiers (or, for facts without one, by the
 * event's place in its stream), so a replay writes the same rows; nothing here reads what it wrote.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ReturnsProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    ReturnsProjection(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event) {
        writes.sql("""
                INSERT INTO returns_child (child_id, local_authority, local_identifier, date_of_birth, expected_delivery)
                VALUES (:child, :la, :identifier, :dob, :expected)
                ON CONFLICT (child_id) DO NOTHING
                """).param("child", event.childId()).param("la", event.localAuthority())
                .param("identifier", event.localIdentifier()).param("dob", event.dateOfBirth())
                .param("expected", event.expectedDateOfDelivery()).update();
    }

    @EventHandler
    void on(BirthRecorded event) {
        writes.sql("UPDATE returns_child SET date_of_birth = :dob WHERE child_id = :child")
                .param("dob", event.dateOfBirth()).param("child", event.childId()).update();
    }

    /** The receiving authority returns the child from the transfer on, under its own identifier. */
    @EventHandler
    void on(ChildTransferred event) {
        writes.sql("UPDATE returns_child SET local_authority = :la, local_identifier = :identifier WHERE child_id = :child")
                .param("la", event.toLocalAuthority()).param("identifier", event.toLocalIdentifier())
                .param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event) {
        writes.sql("UPDATE returns_child SET restricted_to = CAST(:named AS text[]) WHERE child_id = :child")
                .param("named", event.namedPeople().toArray(String[]::new)).param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event) {
        writes.sql("UPDATE returns_child SET restricted_to = NULL WHERE child_id = :child")
                .param("child", event.childId()).update();
    }

    @EventHandler
    void on(Section47EnquiryStarted event) {
        writes.sql("""
                INSERT INTO returns_enquiry (enquiry_id, child_id, started_on) VALUES (:enquiry, :child, :on)
                ON CONFLICT (enquiry_id) DO NOTHING
                """).param("enquiry", event.enquiryId()).param("child", event.childId())
                .param("on", event.strategyDiscussionOn()).update();
    }

    @EventHandler
    void on(InitialConferenceNotRequired event) {
        writes.sql("UPDATE returns_enquiry SET not_required_on = :on WHERE enquiry_id = :enquiry")
                .param("on", event.decidedOn()).param("enquiry", event.enquiryId()).update();
    }

    @EventHandler
    void on(InitialConferenceHeld event) {
        conference(event.conferenceId(), event.childId(), event.heldOn(), false, event.enquiryId(), null, null);
    }

    @EventHandler
    void on(ReviewConferenceHeld event) {
        conference(event.conferenceId(), event.childId(), event.heldOn(), true, null, event.planId(),
                event.latestCategory() == null ? null : event.latestCategory().name());
    }

    @EventHandler
    void on(ConferenceDateCorrected event) {
        writes.sql("UPDATE returns_conference SET held_on = :to WHERE conference_id = :conference AND child_id = :child")
                .param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildProtectionPlanStarted event) {
        writes.sql("""
                INSERT INTO returns_plan (plan_id, child_id, start_conference_id, initial_category, previous_plans)
                VALUES (:plan, :child, :conference, :category, :previous)
                ON CONFLICT (plan_id) DO NOTHING
                """).param("plan", event.planId()).param("child", event.childId())
                .param("conference", event.conferenceId()).param("category", event.initialCategory().name())
                .param("previous", event.previousPlans()).update();
    }

    @EventHandler
    void on(InitialCategoryCorrected event) {
        writes.sql("UPDATE returns_plan SET initial_category = :to WHERE plan_id = :plan")
                .param("to", event.correctedTo().name()).param("plan", event.planId()).update();
    }

    @EventHandler
    void on(ChildProtectionPlanEnded event) {
        writes.sql("UPDATE returns_plan SET ended_on = :end, end_conference_id = :conference WHERE plan_id = :plan")
                .param("end", event.endDate()).param("conference", event.conferenceId())
                .param("plan", event.planId()).update();
    }

    @EventHandler
    void on(PeriodOfCareStarted event) {
        writes.sql("""
                INSERT INTO returns_care_period (period_id, child_id, started_on, legal_status, legal_status_since)
                VALUES (:period, :child, :on, :status, :on)
                ON CONFLICT (period_id) DO NOTHING
                """).param("period", event.periodId()).param("child", event.childId())
                .param("on", event.startedOn()).param("status", event.legalStatus().name()).update();
        day(event.childId(), event.periodId(), ChildFacts.PLACEMENT, event.periodId() + ":start", event.startedOn());
    }

    @EventHandler
    void on(LegalStatusChanged event) {
        writes.sql("UPDATE returns_care_period SET legal_status = :status, legal_status_since = :on "
                        + "WHERE period_id = :period")
                .param("status", event.to().name()).param("on", event.changedOn()).param("period", event.periodId())
                .update();
    }

    @EventHandler
    void on(PlacementChanged event, @SequenceNumber long sequence) {
        day(event.childId(), event.periodId(), ChildFacts.PLACEMENT, event.periodId() + ":" + sequence, event.changedOn());
    }

    @EventHandler
    void on(PeriodOfCareEnded event) {
        writes.sql("UPDATE returns_care_period SET ended_on = :on, end_reason = :reason WHERE period_id = :period")
                .param("on", event.endedOn()).param("reason", event.reason().name()).param("period", event.periodId())
                .update();
    }

    @EventHandler
    void on(LookedAfterReviewHeld event) {
        day(event.childId(), event.periodId(), ChildFacts.REVIEW, event.reviewId(), event.heldOn());
    }

    @EventHandler
    void on(ReviewDateCorrected event) {
        writes.sql("UPDATE returns_care_day SET day = :to WHERE child_id = :child AND kind = 'REVIEW' AND key = :review")
                .param("to", event.correctedTo()).param("child", event.childId()).param("review", event.reviewId())
                .update();
    }

    @EventHandler
    void on(SocialWorkerAllocated event) {
        writes.sql("UPDATE returns_care_period SET social_worker = :worker, social_work_team = :team "
                        + "WHERE period_id = :period")
                .param("worker", event.worker()).param("team", event.team()).param("period", event.periodId())
                .update();
    }

    @EventHandler
    void on(SocialWorkerUnallocated event) {
        writes.sql("UPDATE returns_care_period SET social_worker = NULL, social_work_team = NULL "
                        + "WHERE period_id = :period")
                .param("period", event.periodId()).update();
    }

    @EventHandler
    void on(SocialWorkerVisited event, @SequenceNumber long sequence) {
        day(event.childId(), event.periodId(), ChildFacts.SOCIAL_WORK_VISIT, String.valueOf(sequence), event.visitedOn());
    }

    @EventHandler
    void on(IroVisitRecorded event, @SequenceNumber long sequence) {
        day(event.childId(), event.periodId(), ChildFacts.IRO_CONTACT, "visit:" + sequence, event.visitedOn());
    }

    @EventHandler
    void on(ChildConsultedBeforeReview event, @SequenceNumber long sequence) {
        day(event.childId(), event.periodId(), ChildFacts.IRO_CONTACT, "consultation:" + sequence, event.consultedOn());
    }

    @EventHandler
    void on(PermanencePlanRecorded event) {
        writes.sql("UPDATE returns_care_period SET permanence_plan = :plan WHERE period_id = :period")
                .param("plan", event.plan().name()).param("period", event.periodId()).update();
    }

    @EventHandler
    void on(HealthCheckRecorded event, @SequenceNumber long sequence) {
        day(event.childId(), event.periodId(),
                event.check() == HealthCheck.DENTAL_CHECK ? ChildFacts.DENTAL_CHECK : ChildFacts.HEALTH_ASSESSMENT,
                String.valueOf(sequence), event.heldOn());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE returns_child, returns_enquiry, returns_conference, returns_plan, returns_care_period, "
                + "returns_care_day").update();
    }

    private void conference(String conferenceId, String childId, LocalDate heldOn, boolean review, String enquiryId,
            String planId, String latestCategory) {
        writes.sql("""
                INSERT INTO returns_conference (conference_id, child_id, held_on, review, enquiry_id, plan_id,
                                                latest_category)
                VALUES (:conference, :child, :heldOn, :review, :enquiry, :plan, :category)
                ON CONFLICT (conference_id, child_id) DO NOTHING
                """).param("conference", conferenceId).param("child", childId).param("heldOn", heldOn)
                .param("review", review).param("enquiry", enquiryId).param("plan", planId)
                .param("category", latestCategory).update();
    }

    private void day(String childId, String periodId, String kind, String key, LocalDate day) {
        writes.sql("""
                INSERT INTO returns_care_day (child_id, period_id, kind, key, day)
                VALUES (:child, :period, :kind, :key, :day)
                ON CONFLICT (child_id, kind, key) DO NOTHING
                """).param("child", childId).param("period", periodId).param("kind", kind).param("key", key)
                .param("day", day).update();
    }
}
