package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;

/**
 * A child's looked-after journey: their periods of care one after another, what changed inside each, the IRO's
 * reviews and monitoring, and the care plan actions agreed at reviews. One per child, identified by
 * {@link LookedAfterIds#journeyOf(String)}; kept apart from the child's case and protection journey so that
 * each stays a small consistency boundary.
 *
 * <p>Commands are handled here, as on every aggregate; each command names its journey through its
 * {@code journeyId()}. What the journey does not own reaches the handlers as parameters: today's date from the
 * {@link Clock}, the IRO from the {@link Directory} and the child's date of birth from their case through the
 * {@link ChildRegister}, which loads the case in the same unit of work and never changes it. Every rule is
 * checked before any event is applied, so a refused command records nothing.
 *
 * <p>Every handler may meet a journey that does not exist yet ({@link AggregateCreationPolicy#CREATE_IF_MISSING}):
 * a child's first period of care starts it, and any other command about a child never looked after meets, in the
 * empty journey, the refusal it would meet in one without that period, review or action. A refused command
 * applies no event, so no empty journey is ever stored.
 */
@Aggregate
public class LookedAfterJourney {

    @AggregateIdentifier
    private String journeyId;
    private String childId;
    private final Map<String, Period> periods = new HashMap<>();
    private String openPeriodId;
    private LocalDate lastEndedOn;
    private final Map<String, Review> reviews = new HashMap<>();
    private final Map<String, Action> actions = new HashMap<>();

    /**
     * For Axon: the journey is rebuilt from its events; for a child's first period of care Axon creates an empty
     * journey this way, which the {@link PeriodOfCareStarted} event then names.
     */
    protected LookedAfterJourney() {
    }

    /**
     * Every handler returns the journey's version after its events, the sequence number of the last event it
     * recorded, for read-your-writes on the query side.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(StartPeriodOfCare command, Clock clock, ChildRegister children) {
        LocalDate dateOfBirth = dateOfBirth(children, command.childId());
        LocalDate today = LocalDate.now(clock);
        LocalDate startedOn = command.startedOn();
        if (periods.containsKey(command.periodId())) {
            throw new RuleViolation(LookedAfterRule.IDENTIFIER_NOT_REUSED, "periodId",
                    "This period of care is already recorded; reload the page to see it");
        }
        if (openPeriodId != null) {
            throw new RuleViolation(LookedAfterRule.ONE_OPEN_PERIOD, "startedOn",
                    "The child is still looked after in the period that started on "
                            + spoken(periods.get(openPeriodId).startedOn())
                            + "; end that period before starting another");
        }
        notInFuture(startedOn, today, "startedOn", "A period of care");
        if (startedOn.isBefore(dateOfBirth)) {
            throw new RuleViolation(LookedAfterRule.PERIOD_NOT_BEFORE_BIRTH, "startedOn",
                    "A period of care cannot start before the child was born, on " + spoken(dateOfBirth));
        }
        LocalDate eighteenth = dateOfBirth.plusYears(18);
        if (!startedOn.isBefore(eighteenth)) {
            throw new RuleViolation(LookedAfterRule.PERIOD_STARTS_BEFORE_EIGHTEEN, "startedOn",
                    "The child turned 18 on " + spoken(eighteenth)
                            + "; a period of care starts before the 18th birthday");
        }
        if (lastEndedOn != null && !startedOn.isAfter(lastEndedOn)) {
            throw new RuleViolation(LookedAfterRule.NEW_PERIOD_AFTER_PREVIOUS_ENDED, "startedOn",
                    "The previous period of care ended on " + spoken(lastEndedOn)
                            + "; a new period starts on a later day (a change on the same day is a change of"
                            + " legal status or placement)");
        }
        apply(new PeriodOfCareStarted(command.childId(), command.periodId(), startedOn, command.legalStatus(),
                Placements.normalise(command.placement())));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeLegalStatus command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Period period = openPeriod("changedOn", "a change of legal status");
        episodeMayChange(period, command.changedOn(), today, "A change of legal status");
        if (period.legalStatus() == command.legalStatus()) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "legalStatus",
                    "The child is already looked after under " + command.legalStatus() + " ("
                            + command.legalStatus().title() + ")");
        }
        apply(new LegalStatusChanged(childId, period.id(), command.changedOn(), period.legalStatus(),
                command.legalStatus()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePlacement command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Period period = openPeriod("changedOn", "a change of placement");
        episodeMayChange(period, command.changedOn(), today, "A change of placement");
        String placement = Placements.normalise(command.placement());
        if (Objects.equals(period.placement(), placement)) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "placement",
                    "The child is already recorded in a " + placement + " placement");
        }
        apply(new PlacementChanged(childId, period.id(), command.changedOn(), period.placement(), placement));
        return getVersion();
    }

    private static void episodeMayChange(Period period, LocalDate changedOn, LocalDate today, String what) {
        notInFuture(changedOn, today, "changedOn", what);
        notBeforeStart(period, changedOn, "changedOn", what);
        if (changedOn.isBefore(period.latestChangeOn())) {
            throw new RuleViolation(LookedAfterRule.CHANGES_IN_ORDER, "changedOn",
                    "The latest change in this period is recorded on " + spoken(period.latestChangeOn())
                            + "; a change is recorded on or after it");
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EndPeriodOfCare command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Period period = openPeriod("endedOn", "an end");
        LocalDate endedOn = command.endedOn();
        notInFuture(endedOn, today, "endedOn", "The end of a period of care");
        if (endedOn.isBefore(period.startedOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_START, "endedOn",
                    "This period of care started on " + spoken(period.startedOn()) + "; it cannot end before that");
        }
        if (endedOn.isBefore(period.latestChangeOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD, "endedOn",
                    "A change of legal status or placement is recorded on " + spoken(period.latestChangeOn())
                            + "; the period cannot end before it");
        }
        Optional<Review> latestReview = latestReviewOf(period);
        if (latestReview.isPresent() && endedOn.isBefore(latestReview.get().heldOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD, "endedOn",
                    "A review is recorded on " + spoken(latestReview.get().heldOn())
                            + "; the period cannot end before it");
        }
        apply(new PeriodOfCareEnded(childId, period.id(), endedOn, command.reason()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConsultation command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        LocalDate today = LocalDate.now(clock);
        Period period = monitored(command.consultedOn(), today, "consultedOn", "A consultation");
        apply(new ChildConsultedBeforeReview(childId, period.id(), command.consultedOn(), command.method(),
                command.seenAlone(), iro.username()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordIroVisit command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        LocalDate today = LocalDate.now(clock);
        Period period = monitored(command.visitedOn(), today, "visitedOn", "A visit");
        apply(new IroVisitRecorded(childId, period.id(), command.visitedOn(), command.faceToFace(), iro.username()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordMidwayCheck command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        LocalDate today = LocalDate.now(clock);
        Period period = monitored(command.checkedOn(), today, "checkedOn", "A midway check");
        apply(new MidwayCheckRecorded(childId, period.id(), command.checkedOn(), command.finding(), iro.username()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RequestEarlyReview command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        LocalDate today = LocalDate.now(clock);
        Period period = monitored(command.requestedOn(), today, "requestedOn", "An early review request");
        apply(new EarlyReviewRequested(childId, period.id(), command.requestedOn(), command.reason(), iro.username()));
        return getVersion();
    }

    /** The IRO's monitoring between reviews happens while the child is looked after, and is recorded afterwards. */
    private Period monitored(LocalDate on, LocalDate today, String field, String what) {
        Period period = openPeriod(field, what.toLowerCase(Locale.UK));
        notInFuture(on, today, field, what);
        notBeforeStart(period, on, field, what);
        return period;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(HoldLookedAfterReview command, Clock clock, Directory directory, ChildRegister children) {
        Chair iro = iro(directory, command.iroId());
        LocalDate dateOfBirth = dateOfBirth(children, command.childId());
        LocalDate today = LocalDate.now(clock);
        if (reviews.containsKey(command.reviewId())) {
            throw new RuleViolation(LookedAfterRule.IDENTIFIER_NOT_REUSED, "reviewId",
                    "This review is already recorded; reload the page to see it");
        }
        Period period = openPeriod("heldOn", "a review");
        LocalDate heldOn = command.heldOn();
        notInFuture(heldOn, today, "heldOn", "A review");
        notBeforeStart(period, heldOn, "heldOn", "A review");
        Optional<Review> previous = latestReviewOf(period);
        if (previous.isPresent() && !heldOn.isAfter(previous.get().heldOn())) {
            throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "heldOn",
                    "The previous review in this period was held on " + spoken(previous.get().heldOn())
                            + "; a later review is held after that day");
        }
        participationMatchesAge(command.participation(), dateOfBirth, heldOn, "participation");
        List<HoldLookedAfterReview.AgreedAction> agreed = command.actions();
        for (int i = 0; i < agreed.size(); i++) {
            HoldLookedAfterReview.AgreedAction action = agreed.get(i);
            String field = "actions[" + i + "]";
            textAndOwnerGiven(action.action(), action.owner(), field + ".");
            dueNotBeforeReview(action.dueOn(), heldOn, field + ".dueOn");
        }
        apply(new LookedAfterReviewHeld(childId, period.id(), command.reviewId(), heldOn, command.participation(),
                command.spokeToChildBeforehand(), stripped(command.decisions()), stripped(command.recommendations()),
                iro.username(), iro.displayName()));
        for (int i = 0; i < agreed.size(); i++) {
            HoldLookedAfterReview.AgreedAction action = agreed.get(i);
            apply(new CarePlanActionAgreed(childId, LookedAfterIds.actionOf(command.reviewId(), i),
                    command.reviewId(), action.action().strip(), action.owner().strip(), action.dueOn(), heldOn));
        }
        return getVersion();
    }

    /** 903 rules 440 and 441; on the 4th birthday itself either kind of code is accepted (see the rule). */
    private static void participationMatchesAge(ParticipationCode code, LocalDate dateOfBirth, LocalDate reviewOn,
            String field) {
        LocalDate fourthBirthday = dateOfBirth.plusYears(4);
        if (code.forChildUnderFour() && reviewOn.isAfter(fourthBirthday)) {
            throw new RuleViolation(LookedAfterRule.PARTICIPATION_MATCHES_AGE, field,
                    "PN0 is for a child under 4; the child turned 4 on " + spoken(fourthBirthday)
                            + ", before the review on " + spoken(reviewOn)
                            + ", so choose how they took part (PN1 to PN7)");
        }
        if (!code.forChildUnderFour() && reviewOn.isBefore(fourthBirthday)) {
            throw new RuleViolation(LookedAfterRule.PARTICIPATION_MATCHES_AGE, field,
                    "The child was under 4 at the review on " + spoken(reviewOn) + " (their 4th birthday is "
                            + spoken(fourthBirthday) + "), so their participation is recorded as PN0");
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CompleteAction command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Action action = openAction(command.actionId());
        notInFuture(command.completedOn(), today, "completedOn", "Completing an action");
        notBeforeAgreement(action, command.completedOn(), "completedOn", "completed");
        apply(new CarePlanActionCompleted(childId, action.id(), command.completedOn()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeAction command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Action action = openAction(command.actionId());
        reasonGiven(command.reason(), "Say why the action is changing");
        textAndOwnerGiven(command.action(), command.owner(), "");
        notInFuture(command.changedOn(), today, "changedOn", "A change to an action");
        notBeforeAgreement(action, command.changedOn(), "changedOn", "changed");
        dueNotBeforeReview(command.dueOn(), agreedOn(action), "dueOn");
        String text = command.action().strip();
        String owner = command.owner().strip();
        if (action.text().equals(text) && action.owner().equals(owner) && action.dueOn().equals(command.dueOn())) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "action",
                    "The action already reads like this, with the same owner and due date; change at least one of them");
        }
        apply(new CarePlanActionChanged(childId, action.id(), text, owner, command.dueOn(), command.reason().strip(),
                command.changedOn()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CancelAction command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Action action = openAction(command.actionId());
        reasonGiven(command.reason(), "Say why the action is cancelled");
        notInFuture(command.cancelledOn(), today, "cancelledOn", "Cancelling an action");
        notBeforeAgreement(action, command.cancelledOn(), "cancelledOn", "cancelled");
        apply(new CarePlanActionCancelled(childId, action.id(), command.cancelledOn(), command.reason().strip()));
        return getVersion();
    }

    private Action openAction(String actionId) {
        Action action = actions.get(actionId);
        if (action == null) {
            throw new RuleViolation(LookedAfterRule.ACTION_MUST_EXIST, "actionId",
                    "No care plan action is recorded under this reference for this child");
        }
        if (action.state() != ActionState.OPEN) {
            throw new RuleViolation(LookedAfterRule.ACTION_MUST_BE_OPEN, "actionId",
                    "This action was " + action.latestStep() + " on " + spoken(action.latestStepOn())
                            + "; only an open action can be completed, changed or cancelled");
        }
        return action;
    }

    private LocalDate agreedOn(Action action) {
        return reviews.get(action.reviewId()).heldOn;
    }

    private void notBeforeAgreement(Action action, LocalDate on, String field, String verb) {
        LocalDate agreedOn = agreedOn(action);
        if (on.isBefore(agreedOn)) {
            throw new RuleViolation(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT, field,
                    "This action was agreed at the review on " + spoken(agreedOn) + "; it cannot be " + verb
                            + " before that");
        }
    }

    private static void textAndOwnerGiven(String text, String owner, String fieldPrefix) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(LookedAfterRule.ACTION_NEEDS_TEXT_AND_OWNER, fieldPrefix + "action",
                    "Describe the action: what is to be done");
        }
        if (owner == null || owner.isBlank()) {
            throw new RuleViolation(LookedAfterRule.ACTION_NEEDS_TEXT_AND_OWNER, fieldPrefix + "owner",
                    "Enter who is responsible for the action");
        }
    }

    private static void dueNotBeforeReview(LocalDate dueOn, LocalDate reviewOn, String field) {
        if (dueOn.isBefore(reviewOn)) {
            throw new RuleViolation(LookedAfterRule.ACTION_DUE_NOT_BEFORE_REVIEW, field,
                    "An action cannot be due before the review that agreed it, on " + spoken(reviewOn));
        }
    }

    private static void reasonGiven(String reason, String message) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(LookedAfterRule.REASON_REQUIRED, "reason", message);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordPermanencePlan command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Period period = openPeriod("recordedOn", "a permanence plan");
        notInFuture(command.recordedOn(), today, "recordedOn", "A permanence plan");
        notBeforeStart(period, command.recordedOn(), "recordedOn", "A permanence plan");
        if (period.permanencePlan() == command.plan()) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "plan",
                    "The permanence plan is already recorded as " + command.plan().title().toLowerCase(Locale.UK));
        }
        apply(new PermanencePlanRecorded(childId, period.id(), command.recordedOn(), command.plan(),
                period.permanencePlan()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordReviewDistribution command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Review review = existingReview(command.reviewId());
        if (review.distributedOn() != null) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTED_ONCE, "reviewId",
                    "The record of this review was already distributed, on " + spoken(review.distributedOn()));
        }
        notInFuture(command.distributedOn(), today, "distributedOn", "Distributing a review record");
        if (command.distributedOn().isBefore(review.heldOn())) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW, "distributedOn",
                    "The review was held on " + spoken(review.heldOn()) + "; its record cannot be sent before that");
        }
        apply(new ReviewRecordDistributed(childId, review.id(), command.distributedOn(),
                command.childFriendlyVersion()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordDecisionsSent command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Review review = existingReview(command.reviewId());
        if (review.decisionsSentOn() != null) {
            throw new RuleViolation(LookedAfterRule.DECISIONS_SENT_ONCE, "reviewId",
                    "The decisions of this review were already sent, on " + spoken(review.decisionsSentOn()));
        }
        notInFuture(command.sentOn(), today, "sentOn", "Sending a review's decisions");
        if (command.sentOn().isBefore(review.heldOn())) {
            throw new RuleViolation(LookedAfterRule.DECISIONS_NOT_BEFORE_REVIEW, "sentOn",
                    "The review was held on " + spoken(review.heldOn()) + "; its decisions cannot be sent before that");
        }
        apply(new ReviewDecisionsSent(childId, review.id(), command.sentOn()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectReviewDate command, Clock clock, ChildRegister children) {
        LocalDate dateOfBirth = dateOfBirth(children, command.childId());
        LocalDate today = LocalDate.now(clock);
        correctionReasonGiven(command.reason());
        Review review = existingReview(command.reviewId());
        LocalDate correctedTo = command.correctedTo();
        if (review.heldOn().equals(correctedTo)) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The review is already recorded as held on " + spoken(correctedTo));
        }
        Period period = periods.get(review.periodId());
        notInFuture(correctedTo, today, "correctedTo", "A review");
        notBeforeStart(period, correctedTo, "correctedTo", "A review");
        if (period.endedOn() != null && correctedTo.isAfter(period.endedOn())) {
            throw new RuleViolation(LookedAfterRule.NOT_AFTER_PERIOD_END, "correctedTo",
                    "The review's period of care ended on " + spoken(period.endedOn())
                            + "; the review cannot be held after that");
        }
        staysBetweenNeighbours(period, review, correctedTo);
        participationMatchesAge(review.participation(), dateOfBirth, correctedTo, "correctedTo");
        for (Action action : actionsAgreedAt(review)) {
            dueNotBeforeReview(action.dueOn(), correctedTo, "correctedTo");
            if (action.latestStepOn() != null && action.latestStepOn().isBefore(correctedTo)) {
                throw new RuleViolation(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT, "correctedTo",
                        "An action agreed at this review was " + action.latestStep() + " on "
                                + spoken(action.latestStepOn()) + ", before " + spoken(correctedTo));
            }
        }
        if (review.distributedOn() != null && review.distributedOn().isBefore(correctedTo)) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW, "correctedTo",
                    "The record of this review was distributed on " + spoken(review.distributedOn())
                            + ", before " + spoken(correctedTo));
        }
        apply(new ReviewDateCorrected(childId, review.id(), review.heldOn(), correctedTo, command.reason().strip()));
        return getVersion();
    }

    /** A corrected review keeps its place among the period's reviews: after the one before, before the one after. */
    private void staysBetweenNeighbours(Period period, Review review, LocalDate correctedTo) {
        for (Review other : reviewsOf(period)) {
            if (other.id().equals(review.id())) {
                continue;
            }
            boolean before = other.heldOn().isBefore(review.heldOn());
            if (before && !correctedTo.isAfter(other.heldOn())) {
                throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "correctedTo",
                        "The review before this one was held on " + spoken(other.heldOn())
                                + "; this review is held after that day");
            }
            if (!before && !correctedTo.isBefore(other.heldOn())) {
                throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "correctedTo",
                        "The review after this one was held on " + spoken(other.heldOn())
                                + "; this review is held before that day");
            }
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectParticipation command, ChildRegister children) {
        LocalDate dateOfBirth = dateOfBirth(children, command.childId());
        correctionReasonGiven(command.reason());
        Review review = existingReview(command.reviewId());
        if (review.participation() == command.correctedTo()) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The review is already recorded with " + command.correctedTo());
        }
        participationMatchesAge(command.correctedTo(), dateOfBirth, review.heldOn(), "correctedTo");
        apply(new ParticipationCorrected(childId, review.id(), review.participation(), command.correctedTo(),
                command.reason().strip()));
        return getVersion();
    }

    private static void correctionReasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_NEEDS_REASON, "reason",
                    "Say why the record was wrong");
        }
    }

    private Review existingReview(String reviewId) {
        Review review = reviews.get(reviewId);
        if (review == null) {
            throw new RuleViolation(LookedAfterRule.REVIEW_MUST_EXIST, "reviewId",
                    "No review is recorded under this reference for this child");
        }
        return review;
    }

    private List<Review> reviewsOf(Period period) {
        return reviews.values().stream().filter(review -> review.periodId().equals(period.id())).toList();
    }

    private Optional<Review> latestReviewOf(Period period) {
        return reviewsOf(period).stream().max(Comparator.comparing(Review::heldOn));
    }

    private List<Action> actionsAgreedAt(Review review) {
        return actions.values().stream().filter(action -> action.reviewId().equals(review.id())).toList();
    }

    /**
     * The child's date of birth from their case. Only a registered, born child can be looked after: an unborn
     * child has no date of birth and so no period of care. Read from the case on each command that needs it, not
     * copied into the journey: a birth recorded or corrected there is seen by the next decision at once.
     */
    private static LocalDate dateOfBirth(ChildRegister children, String childId) {
        // an unknown child is the record the request addresses: not found (404), like any other unknown record
        ChildRegister.Registered child = children.find(childId).orElseThrow(
                () -> new AggregateNotFoundException(childId, "No child is registered under this reference"));
        if (child.dateOfBirth() == null) {
            throw new RuleViolation(LookedAfterRule.CHILD_MUST_BE_BORN, "childId",
                    "The child is not yet born, so cannot be looked after; record the birth on the child's case first");
        }
        return child.dateOfBirth();
    }

    /** The person recorded as IRO must be registered with the service and able to act as an IRO. */
    private static Chair iro(Directory directory, String iroId) {
        Chair chair = directory.chair(iroId).orElseThrow(() -> new RuleViolation(
                LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO, "iroId", "Select an IRO who is registered with the service"));
        if (!chair.canActAs(ChairRole.IRO)) {
            throw new RuleViolation(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO, "iroId",
                    "The selected person cannot act as an Independent Reviewing Officer");
        }
        return chair;
    }

    private Period openPeriod(String field, String what) {
        if (openPeriodId == null) {
            throw new RuleViolation(LookedAfterRule.NEEDS_OPEN_PERIOD, field, lastEndedOn == null
                    ? "The child has no period of care recorded; start one first"
                    : "The child's last period of care ended on " + spoken(lastEndedOn)
                            + "; start a new period to record " + what);
        }
        return periods.get(openPeriodId);
    }

    private static void notInFuture(LocalDate date, LocalDate today, String field, String what) {
        if (date.isAfter(today)) {
            throw new RuleViolation(LookedAfterRule.DATE_NOT_IN_FUTURE, field,
                    what + " is recorded once it has happened: the date must be today or in the past");
        }
    }

    private static void notBeforeStart(Period period, LocalDate date, String field, String what) {
        if (date.isBefore(period.startedOn())) {
            throw new RuleViolation(LookedAfterRule.NOT_BEFORE_PERIOD_START, field,
                    what + " cannot be dated before the period of care started, on " + spoken(period.startedOn()));
        }
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    @EventSourcingHandler
    void on(PeriodOfCareStarted event) {
        if (journeyId == null) {
            childId = event.childId();
            journeyId = LookedAfterIds.journeyOf(childId);
        }
        periods.put(event.periodId(), Period.started(event));
        openPeriodId = event.periodId();
    }

    @EventSourcingHandler
    void on(LegalStatusChanged event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withStatus(event.changedOn(), event.to()));
    }

    @EventSourcingHandler
    void on(PlacementChanged event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withPlacement(event.changedOn(), event.to()));
    }

    @EventSourcingHandler
    void on(PeriodOfCareEnded event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.ended(event.endedOn()));
        openPeriodId = null;
        lastEndedOn = event.endedOn();
    }

    @EventSourcingHandler
    void on(LookedAfterReviewHeld event) {
        reviews.put(event.reviewId(), new Review(event.reviewId(), event.periodId(), event.heldOn(),
                event.participation(), null, null));
    }

    @EventSourcingHandler
    void on(CarePlanActionAgreed event) {
        actions.put(event.actionId(), Action.agreed(event));
    }

    @EventSourcingHandler
    void on(CarePlanActionCompleted event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.stepped(ActionState.COMPLETED, "completed", event.completedOn()));
    }

    @EventSourcingHandler
    void on(CarePlanActionChanged event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.changed(event));
    }

    @EventSourcingHandler
    void on(CarePlanActionCancelled event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.stepped(ActionState.CANCELLED, "cancelled", event.cancelledOn()));
    }

    @EventSourcingHandler
    void on(PermanencePlanRecorded event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withPermanencePlan(event.plan()));
    }

    @EventSourcingHandler
    void on(ReviewRecordDistributed event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.distributed(event.distributedOn()));
    }

    @EventSourcingHandler
    void on(ReviewDecisionsSent event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.decisionsSent(event.sentOn()));
    }

    @EventSourcingHandler
    void on(ReviewDateCorrected event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.correctedTo(event.correctedTo()));
    }

    @EventSourcingHandler
    void on(ParticipationCorrected event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.withParticipation(event.correctedTo()));
    }

    /** A legal status and the day it took effect inside a period. */
    private record StatusFrom(LocalDate from, LegalStatus status) {
    }

    /** A period of care as it stands; replaced, never changed, as events arrive. */
    private record Period(String id, LocalDate startedOn, List<StatusFrom> statuses, String placement,
            LocalDate latestChangeOn, LocalDate endedOn, PermanencePlan permanencePlan) {

        private Period {
            statuses = List.copyOf(statuses);
        }

        private static Period started(PeriodOfCareStarted event) {
            return new Period(event.periodId(), event.startedOn(),
                    List.of(new StatusFrom(event.startedOn(), event.legalStatus())), event.placement(),
                    event.startedOn(), null, null);
        }

        private LegalStatus legalStatus() {
            return statuses.get(statuses.size() - 1).status();
        }

        private Period withStatus(LocalDate on, LegalStatus status) {
            List<StatusFrom> changed = new ArrayList<>(statuses);
            changed.add(new StatusFrom(on, status));
            return new Period(id, startedOn, changed, placement, on, endedOn, permanencePlan);
        }

        private Period withPlacement(LocalDate on, String to) {
            return new Period(id, startedOn, statuses, to, on, endedOn, permanencePlan);
        }

        private Period ended(LocalDate on) {
            return new Period(id, startedOn, statuses, placement, latestChangeOn, on, permanencePlan);
        }

        private Period withPermanencePlan(PermanencePlan plan) {
            return new Period(id, startedOn, statuses, placement, latestChangeOn, endedOn, plan);
        }
    }

    private record Review(String id, String periodId, LocalDate heldOn, ParticipationCode participation,
            LocalDate distributedOn, LocalDate decisionsSentOn) {

        private Review correctedTo(LocalDate on) {
            return new Review(id, periodId, on, participation, distributedOn, decisionsSentOn);
        }

        private Review withParticipation(ParticipationCode code) {
            return new Review(id, periodId, heldOn, code, distributedOn, decisionsSentOn);
        }

        private Review decisionsSent(LocalDate on) {
            return new Review(id, periodId, heldOn, participation, distributedOn, on);
        }

        private Review distributed(LocalDate on) {
            return new Review(id, periodId, heldOn, participation, on, decisionsSentOn);
        }
    }

    private enum ActionState { OPEN, COMPLETED, CANCELLED }

    /**
     * A care plan action as it stands. {@code latestStep} names its latest completion, change or cancellation
     * as a past participle ("completed"), dated {@code latestStepOn}; both are null while it is untouched.
     */
    private record Action(String id, String reviewId, String text, String owner, LocalDate dueOn, ActionState state,
            String latestStep, LocalDate latestStepOn) {

        private static Action agreed(CarePlanActionAgreed event) {
            return new Action(event.actionId(), event.reviewId(), event.action(), event.owner(), event.dueOn(),
                    ActionState.OPEN, null, null);
        }

        private Action stepped(ActionState now, String step, LocalDate on) {
            return new Action(id, reviewId, text, owner, dueOn, now, step, on);
        }

        private Action changed(CarePlanActionChanged event) {
            return new Action(id, reviewId, event.action(), event.owner(), event.dueOn(), state, "changed",
                    event.changedOn());
        }
    }
}
