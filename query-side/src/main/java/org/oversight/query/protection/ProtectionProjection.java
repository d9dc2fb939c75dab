package org.oversight.query.protection;

import org.oversight.events.StreamIds;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each child's child protection journey as tables: enquiries, conferences (one row per child decided), plans
 * and corrections. Every write is an upsert keyed by the event's own identifiers, so a replay rewrites the
 * same rows; derived facts (latest category, last review) are read from the conference rows, not stored.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
public class ProtectionProjection {

    public static final String PROCESSOR = "protection";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public ProtectionProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(Section47EnquiryStarted event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_enquiry (enquiry_id, child_id, strategy_discussion_on)
                VALUES (:enquiry, :child, :on)
                ON CONFLICT (enquiry_id) DO UPDATE SET strategy_discussion_on = EXCLUDED.strategy_discussion_on
                """).param("enquiry", event.enquiryId()).param("child", event.childId())
                .param("on", event.strategyDiscussionOn()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(InitialConferenceNotRequired event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE protection_enquiry SET not_required_on = :on, not_required_reason = :reason "
                        + "WHERE enquiry_id = :enquiry")
                .param("on", event.decidedOn()).param("reason", event.reason()).param("enquiry", event.enquiryId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(InitialConferenceHeld event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        conference(event.conferenceId(), event.childId(), event.type().name(), event.heldOn(), event.enquiryId(),
                null, event.quorate(), event.outcome().name(), null, event.attendingAgencies(), event.childsView(),
                event.chairId(), event.chairName(), event.siblingGroup());
        if (event.enquiryId() != null) {
            writes.sql("UPDATE protection_enquiry SET initial_conference_id = :conference WHERE enquiry_id = :enquiry")
                    .param("conference", event.conferenceId()).param("enquiry", event.enquiryId()).update();
        }
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ChildProtectionPlanStarted event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_plan (plan_id, child_id, start_date, start_conference_id, initial_category,
                                             previous_plans)
                VALUES (:plan, :child, :start, :conference, :category, :previous)
                ON CONFLICT (plan_id) DO NOTHING
                """).param("plan", event.planId()).param("child", event.childId()).param("start", event.startDate())
                .param("conference", event.conferenceId()).param("category", event.initialCategory().name())
                .param("previous", event.previousPlans()).update();
        writes.sql("UPDATE protection_conference SET plan_id = :plan, category = :category "
                        + "WHERE conference_id = :conference AND child_id = :child")
                .param("plan", event.planId()).param("category", event.initialCategory().name())
                .param("conference", event.conferenceId()).param("child", event.childId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ReviewConferenceHeld event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        conference(event.conferenceId(), event.childId(), "REVIEW", event.heldOn(), null, event.planId(),
                event.quorate(), event.planContinues() ? "CONTINUE" : "END", event.latestCategory(),
                event.attendingAgencies(), event.childsView(), event.chairId(), event.chairName(),
                event.siblingGroup());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ChildProtectionPlanEnded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE protection_plan SET end_date = :end, end_reason = :reason WHERE plan_id = :plan")
                .param("end", event.endDate()).param("reason", event.reason().name()).param("plan", event.planId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ConferenceDateCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE protection_conference SET held_on = :to WHERE conference_id = :conference AND child_id = :child")
                .param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
        // a plan starts on the date of the conference that made it (CIN rule 2885)
        writes.sql("UPDATE protection_plan SET start_date = :to WHERE start_conference_id = :conference AND child_id = :child")
                .param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
        // a review that ended a plan ended it on the review's date
        writes.sql("""
                UPDATE protection_plan SET end_date = :to
                 WHERE child_id = :child AND plan_id = (SELECT plan_id FROM protection_conference
                                                          WHERE conference_id = :conference AND child_id = :child
                                                            AND type = 'REVIEW' AND decision = 'END')
                """).param("to", event.correctedTo()).param("conference", event.conferenceId())
                .param("child", event.childId()).update();
        correction(event.childId(), event.conferenceId(), "conference date", event.recordedAs().toString(),
                event.correctedTo().toString(), event.reason(), sequence);
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(InitialCategoryCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("UPDATE protection_plan SET initial_category = :to WHERE plan_id = :plan")
                .param("to", event.correctedTo().name()).param("plan", event.planId()).update();
        writes.sql("""
                UPDATE protection_conference SET category = :to
                 WHERE plan_id = :plan AND type <> 'REVIEW'
                """).param("to", event.correctedTo().name()).param("plan", event.planId()).update();
        correction(event.childId(), event.planId(), "initial category", event.recordedAs().name(),
                event.correctedTo().name(), event.reason(), sequence);
        positions.advance(aggregateId, sequence);
    }

    /** A conference from a return: held for the clocks, its quoracy left without a value, its return kept. */
    @EventHandler
    void on(ConferenceReportedInReturn event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_conference (conference_id, child_id, type, held_on, enquiry_id, plan_id, quorate,
                       decision, category, attending_agencies, child_attended, views_conveyed, chair_id, chair_name,
                       sibling_group, reported_in)
                VALUES (:conference, :child, :type, :heldOn, :enquiry, :plan, NULL, :decision, :category, '', FALSE,
                        'NOT_RECORDED', :chairId, :chairName, '', :reportedIn)
                ON CONFLICT (conference_id, child_id) DO NOTHING
                """).param("conference", event.conferenceId()).param("child", event.childId())
                .param("type", event.review() ? "REVIEW" : "INITIAL").param("heldOn", event.heldOn())
                .param("enquiry", event.enquiryId()).param("plan", event.review() ? event.planId() : null)
                .param("decision", event.review() ? "CONTINUE" : event.planId() != null ? "PLAN" : "NO_PLAN")
                .param("category", event.latestCategory() == null ? null : event.latestCategory().name())
                .param("chairId", ReportedConferences.CHAIR_ID).param("chairName", ReportedConferences.CHAIR_NOT_RECORDED)
                .param("reportedIn", event.reportedIn())
                .update();
        if (event.enquiryId() != null) {
            writes.sql("UPDATE protection_enquiry SET initial_conference_id = :conference WHERE enquiry_id = :enquiry")
                    .param("conference", event.conferenceId()).param("enquiry", event.enquiryId()).update();
        }
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        positions.forgetStreams(StreamIds.PROTECTION);
        jdbc.sql("TRUNCATE protection_enquiry, protection_conference, protection_plan, protection_correction").update();
    }

    private void conference(String conferenceId, String childId, String type, java.time.LocalDate heldOn,
            String enquiryId, String planId, boolean quorate, String decision,
            org.oversight.events.protection.CategoryOfAbuse category, List<String> agencies, ChildsView view,
            String chairId, String chairName, List<String> siblings) {
        writes.sql("""
                INSERT INTO protection_conference (conference_id, child_id, type, held_on, enquiry_id, plan_id, quorate,
                       decision, category, attending_agencies, child_attended, views_conveyed, chair_id, chair_name,
                       sibling_group)
                VALUES (:conference, :child, :type, :heldOn, :enquiry, :plan, :quorate, :decision, :category,
                        :agencies, :attended, :conveyed, :chairId, :chairName, :siblings)
                ON CONFLICT (conference_id, child_id) DO NOTHING
                """).param("conference", conferenceId).param("child", childId).param("type", type)
                .param("heldOn", heldOn).param("enquiry", enquiryId).param("plan", planId).param("quorate", quorate)
                .param("decision", decision).param("category", category == null ? null : category.name())
                .param("agencies", String.join("\n", agencies))
                .param("attended", view != null && view.attended())
                .param("conveyed", view == null || view.conveyed() == null ? "NOT_RECORDED" : view.conveyed().name())
                .param("chairId", chairId).param("chairName", chairName)
                .param("siblings", String.join("\n", siblings == null ? List.of() : siblings))
                .update();
    }

    private void correction(String childId, String corrected, String what, String from, String to, String reason,
            long sequence) {
        writes.sql("""
                INSERT INTO protection_correction (child_id, corrected, what, recorded_as, corrected_to, reason, sequence)
                VALUES (:child, :corrected, :what, :from, :to, :reason, :sequence)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", childId).param("corrected", corrected).param("what", what).param("from", from)
                .param("to", to).param("reason", reason).param("sequence", sequence).update();
    }
}
