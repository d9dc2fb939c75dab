package org.oversight.command.protection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.protection.HoldReviewConference.ReviewDecision;
import org.oversight.command.rules.DecisionDates;
import org.oversight.command.rules.RuleViolation;
import org.oversight.command.snapshots.JourneySnapshots;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.TransferInNotificationReceived;
import org.oversight.events.protection.ViewsConveyed;

/**
 * One child's child protection journey: section 47 enquiries, conferences and plans, one after another. Its
 * own consistency boundary, apart from the child's case; the rules live here.
 *
 * <p>A command about one child is handled here, as on every aggregate: it names the journey through its
 * {@code protectionId()}, and the child's case and today's date reach the handler as parameters. Each handler
 * may meet a journey not started yet ({@link AggregateCreationPolicy#CREATE_IF_MISSING}): a first enquiry starts
 * it, and any other command meets in the empty journey the refusal it would meet in one without that enquiry,
 * conference or plan. Each returns the journey's version, the sequence number of its last event, for
 * read-your-writes. A conference may decide for several children at once, which no one aggregate can handle:
 * {@link ProtectionCommandHandler} loads (or starts) each child's journey within the one unit of work.
 */
@Aggregate(snapshotTriggerDefinition = JourneySnapshots.TRIGGER)
public class ChildProtection {

    @AggregateIdentifier
    private String protectionId;
    private final Map<String, Enquiry> enquiries = new LinkedHashMap<>();
    private final Map<String, Conference> conferences = new LinkedHashMap<>();
    /** In the order they started; only the last may be open. */
    private final List<Plan> plans = new ArrayList<>();
    /** The conference as it happened: attendance, recommendations and dissent, quoracy, transfer-in notices. */
    @AggregateMember
    private final ConferenceRecords conferenceRecords = new ConferenceRecords();

    ChildProtection() {
        // for Axon, and for a child's first enquiry or conference: the journey is rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordStrategyDiscussion command, Clock clock, RegisteredChildren children) {
        RegisteredChild child = children.find(command.childId(), "childId");
        LocalDate today = LocalDate.now(clock);
        ProtectionDates.notInFuture(command.strategyDiscussionOn(), today, "strategyDiscussionOn",
                "The strategy discussion date");
        DecisionDates.notBeforeChild(command.strategyDiscussionOn(), child.dateOfBirth(),
                child.expectedDateOfDelivery(), "strategyDiscussionOn", "The strategy discussion");
        if (enquiries.containsKey(command.enquiryId())) {
            throw new RuleViolation(ProtectionRule.ENQUIRY_RECORDED_ONCE, "enquiryId",
                    "This enquiry is already recorded for the child");
        }
        apply(new Section47EnquiryStarted(command.childId(), command.enquiryId(), command.strategyDiscussionOn()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordInitialConferenceNotRequired command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ProtectionDates.notInFuture(command.decidedOn(), today, "decidedOn", "The date of the decision");
        Enquiry enquiry = openEnquiry(command.enquiryId(), "enquiryId");
        notBeforeStrategyDiscussion(enquiry, command.decidedOn(), "decidedOn",
                "The decision that no conference is needed");
        apply(new InitialConferenceNotRequired(command.childId(), enquiry.enquiryId(), command.decidedOn(),
                command.reason().strip()));
        return getVersion();
    }

    void holdInitialConference(HeldConference conference, ChildDecision decision, ChildAtConference at) {
        LocalDate heldOn = conference.heldOn();
        RegisteredChild child = at.child();
        conferenceRecordedOnce(conference.conferenceId());
        DecisionDates.notBeforeChild(heldOn, child.dateOfBirth(), child.expectedDateOfDelivery(), "heldOn",
                "The conference");
        concludesEnquiry(conference.type(), decision.enquiryId(), heldOn, at.field("enquiryId"));
        typeMatchesBirth(conference.type(), child, heldOn);
        currentPlan().ifPresent(open -> {
            throw new RuleViolation(ProtectionRule.ONE_OPEN_PLAN, at.field("childId"),
                    "This child is already subject to a plan, which started on " + spoken(open.start())
                            + "; hold a review conference instead");
        });
        if (decision.outcome() == ConferenceOutcome.PLAN) {
            planMayStart(decision, at, heldOn);
        } else if (decision.initialCategory() != null) {
            throw new RuleViolation(ProtectionRule.INITIAL_CATEGORY_WITH_PLAN, at.field("initialCategory"),
                    "A category of abuse is recorded only when the child becomes subject to a plan");
        }
        childsViewConsistent(decision.childsView(), child.unbornOn(heldOn), at.field("childsView"));

        apply(new InitialConferenceHeld(child.childId(), conference.conferenceId(), conference.type(), heldOn,
                decision.enquiryId(), conference.attendingAgencies(), at.quoracy().quorate(), decision.outcome(),
                decision.childsView(), conference.chair().username(), conference.chair().displayName(),
                at.siblingGroup()));
        if (decision.outcome() == ConferenceOutcome.PLAN) {
            apply(new ChildProtectionPlanStarted(child.childId(),
                    ProtectionIds.planOf(child.childId(), conference.conferenceId()), heldOn,
                    conference.conferenceId(), decision.initialCategory(), decision.previousPlans()));
        }
    }

    void holdReview(HeldConference conference, ReviewDecision decision, ChildAtConference at) {
        LocalDate heldOn = conference.heldOn();
        conferenceRecordedOnce(conference.conferenceId());
        Plan plan = openPlan(at.field("childId"), "to review");
        reviewAfter(plan.start(), lastReviewOn(plan), heldOn, "heldOn");
        if (decision.planContinues() != (decision.endReason() == null)) {
            throw new RuleViolation(ProtectionRule.END_REASON_WHEN_PLAN_ENDS, at.field("endReason"),
                    decision.planContinues() ? "Give an end reason only when the plan ends"
                            : "Select why the plan ends");
        }
        endReasonGiven(decision.endReason(), at.field("endReason"));
        if (!decision.planContinues() && !at.quoracy().quorate()) {
            throw new RuleViolation(ProtectionRule.INQUORATE_REVIEW_CANNOT_END_PLAN, "attendingAgencies",
                    "An inquorate review conference cannot end a plan: children's social care and at least "
                            + at.quoracy().otherAgenciesRequired() + " other agencies must attend");
        }
        childsViewConsistent(decision.childsView(), at.child().unbornOn(heldOn), at.field("childsView"));

        CategoryOfAbuse latest = decision.latestCategory() == null ? plan.latestCategory() : decision.latestCategory();
        apply(new ReviewConferenceHeld(at.childId(), conference.conferenceId(), plan.planId(), heldOn,
                conference.attendingAgencies(), at.quoracy().quorate(), decision.planContinues(), latest,
                plan.latestCategory(), decision.childsView(), conference.chair().username(),
                conference.chair().displayName(), at.siblingGroup()));
        if (!decision.planContinues()) {
            apply(new ChildProtectionPlanEnded(at.childId(), plan.planId(), heldOn, decision.endReason(),
                    conference.conferenceId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EndChildProtectionPlan command, Clock clock) {
        endReasonGiven(command.reason(), "reason");
        LocalDate today = LocalDate.now(clock);
        ProtectionDates.notInFuture(command.endDate(), today, "endDate", "The end date");
        Plan plan = openPlan("childId", "to end");
        endNotBeforeStart(plan.start(), command.endDate(), "endDate");
        lastReviewOn(plan).ifPresent(review -> endNotBeforeLastReview(review, command.endDate(), "endDate"));
        apply(new ChildProtectionPlanEnded(command.childId(), plan.planId(), command.endDate(), command.reason(),
                null));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectConferenceDate command, Clock clock, RegisteredChildren children) {
        RegisteredChild child = children.find(command.childId(), "childId");
        LocalDate today = LocalDate.now(clock);
        String reason = reasonGiven(command.reason());
        Conference conference = Optional.ofNullable(conferences.get(command.conferenceId()))
                .orElseThrow(() -> new RuleViolation(ProtectionRule.CORRECTION_NAMES_EXISTING_RECORD, "conferenceId",
                        "No conference with this reference is recorded for the child"));
        LocalDate correctedTo = command.correctedTo();
        if (conference.heldOn().equals(correctedTo)) {
            throw new RuleViolation(ProtectionRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The conference is already recorded as held on " + spoken(correctedTo));
        }
        ProtectionDates.notInFuture(correctedTo, today, "correctedTo", "The conference date");
        DecisionDates.notBeforeChild(correctedTo, child.dateOfBirth(), child.expectedDateOfDelivery(), "correctedTo",
                "The conference");
        ProtectionDates.onAWeekday(correctedTo, "correctedTo");
        keepsItsPlace(conference, correctedTo);
        betweenConferences.stillFits(conference.conferenceId(), correctedTo);
        apply(new ConferenceDateCorrected(command.childId(), conference.conferenceId(), conference.heldOn(),
                correctedTo, reason));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectInitialCategory command) {
        String reason = reasonGiven(command.reason());
        Plan plan = plans.stream().filter(p -> p.planId().equals(command.planId())).findFirst()
                .orElseThrow(() -> new RuleViolation(ProtectionRule.CORRECTION_NAMES_EXISTING_RECORD, "planId",
                        "No plan with this reference is recorded for the child"));
        if (plan.initialCategory() == command.correctedTo()) {
            throw new RuleViolation(ProtectionRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The plan's initial category is already " + command.correctedTo().title());
        }
        apply(new InitialCategoryCorrected(command.childId(), plan.planId(), plan.initialCategory(),
                command.correctedTo(), reason));
        return getVersion();
    }

    // The rules, each in one place; corrections are held to the same ones as the decisions they correct.

    private void conferenceRecordedOnce(String conferenceId) {
        if (conferences.containsKey(conferenceId)) {
            throw new RuleViolation(ProtectionRule.CONFERENCE_RECORDED_ONCE, "conferenceId",
                    "This conference is already recorded for the child");
        }
    }

    private void concludesEnquiry(ConferenceType type, String enquiryId, LocalDate heldOn, String field) {
        if (type == ConferenceType.TRANSFER_IN) {
            if (enquiryId != null) {
                throw new RuleViolation(ProtectionRule.ENQUIRY_MUST_BE_OPEN, field,
                        "A transfer-in conference follows another authority's plan, not an enquiry here: "
                                + "leave the enquiry blank");
            }
            return;
        }
        Enquiry enquiry = openEnquiry(enquiryId, field);
        notBeforeStrategyDiscussion(enquiry, heldOn, "heldOn", "The conference");
    }

    private Enquiry openEnquiry(String enquiryId, String field) {
        Enquiry enquiry = enquiryId == null ? null : enquiries.get(enquiryId);
        if (enquiry == null) {
            throw new RuleViolation(ProtectionRule.ENQUIRY_MUST_BE_OPEN, field,
                    "Select the section 47 enquiry this concludes; none with this reference is recorded for the child");
        }
        if (!enquiry.open()) {
            throw new RuleViolation(ProtectionRule.ENQUIRY_MUST_BE_OPEN, field,
                    "The section 47 enquiry from the strategy discussion on " + spoken(enquiry.strategyDiscussionOn())
                            + " has already concluded");
        }
        return enquiry;
    }

    private static void notBeforeStrategyDiscussion(Enquiry enquiry, LocalDate date, String field, String what) {
        if (date.isBefore(enquiry.strategyDiscussionOn())) {
            throw new RuleViolation(ProtectionRule.NOT_BEFORE_STRATEGY_DISCUSSION, field,
                    what + " cannot be before the strategy discussion on " + spoken(enquiry.strategyDiscussionOn()));
        }
    }

    private static void typeMatchesBirth(ConferenceType type, RegisteredChild child, LocalDate heldOn) {
        boolean unborn = child.unbornOn(heldOn);
        if (type == ConferenceType.PRE_BIRTH && !unborn) {
            throw new RuleViolation(ProtectionRule.PRE_BIRTH_ONLY_BEFORE_BIRTH, "type", child.registeredBeforeBirth()
                    ? "A pre-birth conference must be before the birth on " + spoken(child.dateOfBirth())
                    : "A pre-birth conference is only for a child registered before birth");
        }
        if (type == ConferenceType.INITIAL && unborn) {
            throw new RuleViolation(ProtectionRule.PRE_BIRTH_ONLY_BEFORE_BIRTH, "type",
                    "The child had not been born by " + spoken(heldOn)
                            + ": hold a pre-birth conference, or record the birth first");
        }
    }

    private void planMayStart(ChildDecision decision, ChildAtConference at, LocalDate start) {
        if (!at.quoracy().quorate()) {
            throw new RuleViolation(ProtectionRule.PLAN_NEEDS_QUORATE_CONFERENCE, "attendingAgencies",
                    "A plan can only be made at a quorate conference: children's social care and at least "
                            + at.quoracy().otherAgenciesRequired() + " other agencies must attend");
        }
        if (decision.initialCategory() == null) {
            throw new RuleViolation(ProtectionRule.INITIAL_CATEGORY_WITH_PLAN, at.field("initialCategory"),
                    "Select the category of abuse under which the child becomes subject to a plan");
        }
        lastPlan().filter(previous -> !previous.open()).ifPresent(previous -> startsAfter(previous, start, "heldOn"));
        if (decision.previousPlans() < plans.size()) {
            throw new RuleViolation(ProtectionRule.PREVIOUS_PLANS_INCLUDE_PLANS_HERE, at.field("previousPlans"),
                    "This child has already had " + plans.size() + (plans.size() == 1 ? " plan" : " plans")
                            + " recorded here: the number of previous plans must be at least " + plans.size());
        }
    }

    /** CIN 8940: a plan's start falls after the previous plan's end, the end date itself included. */
    private static void startsAfter(Plan previous, LocalDate start, String field) {
        if (!start.isAfter(previous.end())) {
            throw new RuleViolation(ProtectionRule.PLANS_DO_NOT_OVERLAP, field,
                    "A new plan must start after the previous plan ended on " + spoken(previous.end()));
        }
    }

    /** CIN 8841 (strictly after the start) and one review after another. */
    private static void reviewAfter(LocalDate planStart, Optional<LocalDate> previousReview, LocalDate heldOn,
            String field) {
        if (!heldOn.isAfter(planStart)) {
            throw new RuleViolation(ProtectionRule.REVIEW_AFTER_PLAN_START, field,
                    "A review conference must be after the plan started on " + spoken(planStart));
        }
        previousReview.filter(previous -> !heldOn.isAfter(previous)).ifPresent(previous -> {
            throw new RuleViolation(ProtectionRule.REVIEW_AFTER_PREVIOUS_REVIEW, field,
                    "A review conference must be after the previous review on " + spoken(previous));
        });
    }

    /** CIN 8925: on or after the start. */
    private static void endNotBeforeStart(LocalDate start, LocalDate end, String field) {
        if (end.isBefore(start)) {
            throw new RuleViolation(ProtectionRule.PLAN_END_NOT_BEFORE_START, field,
                    "A plan cannot end before it started on " + spoken(start));
        }
    }

    private static void endNotBeforeLastReview(LocalDate lastReview, LocalDate end, String field) {
        if (end.isBefore(lastReview)) {
            throw new RuleViolation(ProtectionRule.PLAN_END_NOT_BEFORE_LAST_REVIEW, field,
                    "A plan cannot end before its last review conference on " + spoken(lastReview));
        }
    }

    private static void childsViewConsistent(ChildsView view, boolean unborn, String field) {
        if (view == null || view.conveyed() == null) {
            throw new RuleViolation(ProtectionRule.CHILDS_VIEW_CONSISTENT, field,
                    "Record how the child's views reached the conference");
        }
        if (unborn && (view.attended() || view.conveyed() != ViewsConveyed.TOO_YOUNG_OR_UNBORN)) {
            throw new RuleViolation(ProtectionRule.CHILDS_VIEW_CONSISTENT, field,
                    "The child was not yet born: record their views as not possible (unborn)");
        }
        if (!view.consistent()) {
            throw new RuleViolation(ProtectionRule.CHILDS_VIEW_CONSISTENT, field, view.attended()
                    ? "The child attended, so their views cannot have come only through someone else or in writing"
                    : "The child did not attend, so their views cannot have been given at the conference");
        }
    }

    private static String reasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(ProtectionRule.CORRECTION_NEEDS_REASON, "reason",
                    "Enter why the record was wrong");
        }
        return reason.strip();
    }

    /**
     * A corrected date must leave the conference where it stood among the child's other dates: after its
     * strategy discussion, and in its plan's order of start, reviews and end, by the rules above.
     */
    private void keepsItsPlace(Conference conference, LocalDate correctedTo) {
        if (conference.enquiryId() != null) {
            notBeforeStrategyDiscussion(enquiries.get(conference.enquiryId()), correctedTo, "correctedTo",
                    "The conference");
        }
        Plan plan = conference.planId() == null ? null : plan(conference.planId());
        if (plan == null) {
            return;
        }
        int index = plans.indexOf(plan);
        Optional<Plan> previousPlan = index == 0 ? Optional.empty() : Optional.of(plans.get(index - 1));
        Optional<Plan> nextPlan = index == plans.size() - 1 ? Optional.empty() : Optional.of(plans.get(index + 1));
        if (conference.type().initial()) {
            previousPlan.ifPresent(previous -> startsAfter(previous, correctedTo, "correctedTo"));
            reviewsOn(plan).findFirst().ifPresent(firstReview ->
                    reviewAfter(correctedTo, Optional.empty(), firstReview, "correctedTo"));
            if (plan.end() != null && plan.endConferenceId() == null) {
                endNotBeforeStart(correctedTo, plan.end(), "correctedTo");
            }
            return;
        }
        int review = plan.reviewIds().indexOf(conference.conferenceId());
        List<LocalDate> reviews = reviewsOn(plan).toList();
        reviewAfter(plan.start(), review == 0 ? Optional.empty() : Optional.of(reviews.get(review - 1)), correctedTo,
                "correctedTo");
        if (review < reviews.size() - 1) {
            reviewAfter(plan.start(), Optional.of(correctedTo), reviews.get(review + 1), "correctedTo");
        }
        if (conference.conferenceId().equals(plan.endConferenceId())) {
            nextPlan.ifPresent(next -> startsAfter(plan.ended(correctedTo, plan.endConferenceId()), next.start(),
                    "correctedTo"));
        } else if (plan.end() != null && review == reviews.size() - 1) {
            endNotBeforeLastReview(correctedTo, plan.end(), "correctedTo");
        }
    }

    private Plan openPlan(String field, String purpose) {
        return currentPlan().orElseThrow(() -> new RuleViolation(ProtectionRule.DECISION_NEEDS_OPEN_PLAN, field,
                lastPlan().map(ended -> "The child's plan ended on " + spoken(ended.end())
                                + "; only a new enquiry or initial conference can follow")
                        .orElse("This child has no child protection plan " + purpose)));
    }

    private Optional<Plan> lastPlan() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    /** CIN 8935: at most one plan is open, and it is the latest. */
    private Optional<Plan> currentPlan() {
        return lastPlan().filter(Plan::open);
    }

    private Plan plan(String planId) {
        return plans.stream().filter(p -> p.planId().equals(planId)).findFirst().orElseThrow();
    }

    private Stream<LocalDate> reviewsOn(Plan plan) {
        return plan.reviewIds().stream().map(id -> conferences.get(id).heldOn());
    }

    private Optional<LocalDate> lastReviewOn(Plan plan) {
        return reviewsOn(plan).reduce((first, second) -> second);
    }

    // State, changed only by the events.

    @EventSourcingHandler
    void on(Section47EnquiryStarted event) {
        identify(event.childId());
        enquiries.put(event.enquiryId(), new Enquiry(event.enquiryId(), event.strategyDiscussionOn(), true));
    }

    @EventSourcingHandler
    void on(InitialConferenceNotRequired event) {
        enquiries.computeIfPresent(event.enquiryId(), (id, enquiry) -> enquiry.concluded());
    }

    @EventSourcingHandler
    void on(InitialConferenceHeld event) {
        identify(event.childId());
        if (event.enquiryId() != null) {
            enquiries.computeIfPresent(event.enquiryId(), (id, enquiry) -> enquiry.concluded());
        }
        conferences.put(event.conferenceId(),
                new Conference(event.conferenceId(), event.type(), event.heldOn(), event.enquiryId(), null));
    }

    @EventSourcingHandler
    void on(ChildProtectionPlanStarted event) {
        plans.add(new Plan(event.planId(), event.conferenceId(), event.startDate(), event.initialCategory(),
                event.initialCategory(), List.of(), null, null));
        conferences.computeIfPresent(event.conferenceId(), (id, conference) -> conference.forPlan(event.planId()));
    }

    @EventSourcingHandler
    void on(ReviewConferenceHeld event) {
        conferences.put(event.conferenceId(), new Conference(event.conferenceId(), ConferenceType.REVIEW,
                event.heldOn(), null, event.planId()));
        replacePlan(event.planId(), plan -> plan.reviewed(event.conferenceId(), event.latestCategory()));
    }

    @EventSourcingHandler
    void on(ChildProtectionPlanEnded event) {
        replacePlan(event.planId(), plan -> plan.ended(event.endDate(), event.conferenceId()));
    }

    @EventSourcingHandler
    void on(ConferenceDateCorrected event) {
        Conference conference = conferences.get(event.conferenceId()).heldOn(event.correctedTo());
        conferences.put(conference.conferenceId(), conference);
        if (conference.planId() != null) {
            replacePlan(conference.planId(), plan -> plan.movedWith(conference.conferenceId(), event.correctedTo()));
        }
    }

    @EventSourcingHandler
    void on(InitialCategoryCorrected event) {
        replacePlan(event.planId(), plan -> plan.initialCategoryCorrected(event.correctedTo()));
    }

    private void identify(String childId) {
        protectionId = ProtectionIds.protectionOf(childId);
    }

    private void replacePlan(String planId, UnaryOperator<Plan> change) {
        plans.replaceAll(plan -> plan.planId().equals(planId) ? change.apply(plan) : plan);
    }

    // Immutable values, so that state rebuilt from the events compares equal to state after a command.

    private record Enquiry(String enquiryId, LocalDate strategyDiscussionOn, boolean open) {

        Enquiry concluded() {
            return new Enquiry(enquiryId, strategyDiscussionOn, false);
        }
    }

    /** @param planId the plan the conference started or reviewed, if any */
    private record Conference(String conferenceId, ConferenceType type, LocalDate heldOn, String enquiryId,
            String planId) {

        Conference forPlan(String plan) {
            return new Conference(conferenceId, type, heldOn, enquiryId, plan);
        }

        Conference heldOn(LocalDate date) {
            return new Conference(conferenceId, type, date, enquiryId, planId);
        }
    }

    /** @param conferenceId the conference that started the plan; its date is the start (CIN 2885) */
    private record Plan(String planId, String conferenceId, LocalDate start, CategoryOfAbuse initialCategory,
            CategoryOfAbuse latestCategory, List<String> reviewIds, LocalDate end, String endConferenceId) {

        boolean open() {
            return end == null;
        }

        Plan reviewed(String reviewId, CategoryOfAbuse latest) {
            List<String> reviews = Stream.concat(reviewIds.stream(), Stream.of(reviewId)).toList();
            return new Plan(planId, conferenceId, start, initialCategory, latest, reviews, end, endConferenceId);
        }

        Plan ended(LocalDate on, String atConference) {
            return new Plan(planId, conferenceId, start, initialCategory, latestCategory, reviewIds, on, atConference);
        }

        /** The plan's start or end moves with the conference it was decided at. */
        Plan movedWith(String conference, LocalDate date) {
            LocalDate newStart = conference.equals(conferenceId) ? date : start;
            LocalDate newEnd = conference.equals(endConferenceId) ? date : end;
            return new Plan(planId, conferenceId, newStart, initialCategory, latestCategory, reviewIds, newEnd,
                    endConferenceId);
        }

        /** Before the first review the latest category is the initial one, so it is corrected with it. */
        Plan initialCategoryCorrected(CategoryOfAbuse corrected) {
            CategoryOfAbuse latest = reviewIds.isEmpty() ? corrected : latestCategory;
            return new Plan(planId, conferenceId, start, corrected, latest, reviewIds, end, endConferenceId);
        }
    }

    // The plan between conferences and the strategy meetings a chair chairs: each member keeps its own rules and
    // state; the handlers only hand them today's date and the child's case.

    @AggregateMember
    private final PlanBetweenConferences betweenConferences = new PlanBetweenConferences();
    @AggregateMember
    private final StrategyMeetings strategyMeetings = new StrategyMeetings();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordStrategyMeeting command, Clock clock, RegisteredChildren children) {
        strategyMeetings.hold(command, children.find(command.childId(), "childId"), LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AgreeProtectionPlan command, Clock clock) {
        betweenConferences.agree(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CompleteProtectionAction command, Clock clock) {
        betweenConferences.complete(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeProtectionAction command, Clock clock) {
        betweenConferences.change(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CancelProtectionAction command, Clock clock) {
        betweenConferences.cancel(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordCoreGroupMeeting command, Clock clock) {
        betweenConferences.meetCoreGroup(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordProtectionMidwayCheck command, Clock clock) {
        betweenConferences.checkMidway(command, LocalDate.now(clock));
        return getVersion();
    }

    /** A meeting that decided on no enquiry may be the first thing in a child's journey. */
    @EventSourcingHandler
    void on(StrategyMeetingHeld event) {
        identify(event.childId());
    }

    // A conference's papers, a part of its own (ConferencePaperwork): it follows the conferences itself.

    @AggregateMember
    private final ConferencePaperwork paperwork = new ConferencePaperwork();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConferencePaperSent command, Clock clock) {
        paperwork.send(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(WriteConferenceMinutes command, ConferenceNarratives narratives) {
        paperwork.write(command, narratives);
        return getVersion();
    }

    // The conference as it happened (ConferenceRecords).

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConferenceAttendance command, RegisteredChildren children) {
        conferenceRecords.attendance(command, children.find(command.childId(), "childId"));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConferenceRecommendations command) {
        conferenceRecords.recommendations(command);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordInquorateConference command) {
        conferenceRecords.inquorate(command);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordTransferInNotification command, Clock clock, RegisteredChildren children) {
        children.find(command.childId(), "childId");
        conferenceRecords.transferIn(command, LocalDate.now(clock));
        return getVersion();
    }

    /** A notification of a transfer in may be the first thing recorded of a child's journey here. */
    @EventSourcingHandler
    void on(TransferInNotificationReceived event) {
        identify(event.childId());
    }

    // Conferences and plan ends known only from a statutory return, for a child whose history is imported: the
    // same rules of order as a recorded conference, without the attendance the return does not hold.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConferenceFromReturn command, Clock clock, RegisteredChildren children) {
        RegisteredChild child = children.find(command.childId(), "childId");
        LocalDate heldOn = command.heldOn();
        ProtectionDates.notInFuture(heldOn, LocalDate.now(clock), "heldOn", "The conference date");
        DecisionDates.notBeforeChild(heldOn, child.dateOfBirth(), child.expectedDateOfDelivery(), "heldOn",
                "The conference");
        conferenceRecordedOnce(command.conferenceId());
        if (command.review()) {
            Plan plan = openPlan("childId", "to review");
            reviewAfter(plan.start(), lastReviewOn(plan), heldOn, "heldOn");
            CategoryOfAbuse latest = command.latestCategory() == null ? plan.latestCategory()
                    : command.latestCategory();
            apply(new ConferenceReportedInReturn(command.childId(), command.conferenceId(), true, heldOn, null,
                    plan.planId(), latest, command.reportedIn().strip()));
            return getVersion();
        }
        if (command.enquiryId() != null) {
            notBeforeStrategyDiscussion(openEnquiry(command.enquiryId(), "enquiryId"), heldOn, "heldOn",
                    "The conference");
        }
        currentPlan().ifPresent(open -> {
            throw new RuleViolation(ProtectionRule.ONE_OPEN_PLAN, "childId",
                    "This child is already subject to a plan, which started on " + spoken(open.start()));
        });
        String planId = null;
        if (command.initialCategory() != null) {
            lastPlan().ifPresent(previous -> startsAfter(previous, heldOn, "heldOn"));
            if (command.previousPlans() < plans.size()) {
                throw new RuleViolation(ProtectionRule.PREVIOUS_PLANS_INCLUDE_PLANS_HERE, "previousPlans",
                        "This child has already had " + plans.size() + (plans.size() == 1 ? " plan" : " plans")
                                + " recorded here: the number of previous plans must be at least " + plans.size());
            }
            planId = ProtectionIds.planOf(command.childId(), command.conferenceId());
        }
        apply(new ConferenceReportedInReturn(command.childId(), command.conferenceId(), false, heldOn,
                command.enquiryId(), planId, null, command.reportedIn().strip()));
        if (planId != null) {
            apply(new ChildProtectionPlanStarted(command.childId(), planId, heldOn, command.conferenceId(),
                    command.initialCategory(), command.previousPlans()));
        }
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EndChildProtectionPlanFromReturn command, Clock clock) {
        ProtectionDates.notInFuture(command.endDate(), LocalDate.now(clock), "endDate", "The end date");
        Plan plan = openPlan("childId", "to end");
        endNotBeforeStart(plan.start(), command.endDate(), "endDate");
        lastReviewOn(plan).ifPresent(review -> endNotBeforeLastReview(review, command.endDate(), "endDate"));
        apply(new ChildProtectionPlanEnded(command.childId(), plan.planId(), command.endDate(),
                PlanEndReason.NOT_RECORDED, null));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ConferenceReportedInReturn event) {
        identify(event.childId());
        if (event.review()) {
            conferences.put(event.conferenceId(), new Conference(event.conferenceId(), ConferenceType.REVIEW,
                    event.heldOn(), null, event.planId()));
            replacePlan(event.planId(), plan -> plan.reviewed(event.conferenceId(), event.latestCategory()));
            return;
        }
        if (event.enquiryId() != null) {
            enquiries.computeIfPresent(event.enquiryId(), (id, enquiry) -> enquiry.concluded());
        }
        conferences.put(event.conferenceId(), new Conference(event.conferenceId(), ConferenceType.INITIAL,
                event.heldOn(), event.enquiryId(), null));
    }

    private static void endReasonGiven(PlanEndReason reason, String field) {
        if (reason == PlanEndReason.NOT_RECORDED) {
            throw new RuleViolation(ProtectionRule.END_REASON_GIVEN, field,
                    "Select why the plan ended: \"" + reason.title() + "\" is only for a plan's end imported from a "
                            + "return");
        }
    }
}
