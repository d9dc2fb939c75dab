package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;

/**
 * The SMART actions agreed at the child's reviews: each open until it is completed or cancelled, and changed
 * with a reason while open. A member of the {@link LookedAfterJourney}; an action is dated against the review
 * that agreed it, which {@link Reviews} keeps.
 */
final class CarePlanActions {

    private final Map<String, Action> actions = new HashMap<>();

    /** Checked before the review is recorded, so that a review with a bad action records nothing. */
    void mayBeAgreed(List<HoldLookedAfterReview.AgreedAction> agreed, LocalDate heldOn) {
        for (int i = 0; i < agreed.size(); i++) {
            HoldLookedAfterReview.AgreedAction action = agreed.get(i);
            String field = "actions[" + i + "]";
            textAndOwnerGiven(action.action(), action.owner(), field + ".");
            dueNotBeforeReview(action.dueOn(), heldOn, field + ".dueOn");
        }
    }

    /** Records the actions of a review just held, in the order the IRO listed them. */
    void agree(HoldLookedAfterReview command) {
        List<HoldLookedAfterReview.AgreedAction> agreed = command.actions();
        for (int i = 0; i < agreed.size(); i++) {
            HoldLookedAfterReview.AgreedAction action = agreed.get(i);
            apply(new CarePlanActionAgreed(command.childId(), LookedAfterIds.actionOf(command.reviewId(), i),
                    command.reviewId(), action.action().strip(), action.owner().strip(), action.dueOn(),
                    command.heldOn()));
        }
    }

    void complete(CompleteAction command, LocalDate today, Reviews reviews) {
        Action action = open(command.actionId());
        notInFuture(command.completedOn(), today, "completedOn", "Completing an action");
        notBeforeAgreement(action, reviews, command.completedOn(), "completedOn", "completed");
        apply(new CarePlanActionCompleted(command.childId(), action.id(), command.completedOn()));
    }

    void change(ChangeAction command, LocalDate today, Reviews reviews) {
        Action action = open(command.actionId());
        reasonGiven(command.reason(), "Say why the action is changing");
        textAndOwnerGiven(command.action(), command.owner(), "");
        notInFuture(command.changedOn(), today, "changedOn", "A change to an action");
        notBeforeAgreement(action, reviews, command.changedOn(), "changedOn", "changed");
        dueNotBeforeReview(command.dueOn(), reviews.heldOn(action.reviewId()), "dueOn");
        String text = command.action().strip();
        String owner = command.owner().strip();
        if (action.text().equals(text) && action.owner().equals(owner) && action.dueOn().equals(command.dueOn())) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "action",
                    "The action already reads like this, with the same owner and due date; change at least one of them");
        }
        apply(new CarePlanActionChanged(command.childId(), action.id(), text, owner, command.dueOn(),
                command.reason().strip(), command.changedOn()));
    }

    void cancel(CancelAction command, LocalDate today, Reviews reviews) {
        Action action = open(command.actionId());
        reasonGiven(command.reason(), "Say why the action is cancelled");
        notInFuture(command.cancelledOn(), today, "cancelledOn", "Cancelling an action");
        notBeforeAgreement(action, reviews, command.cancelledOn(), "cancelledOn", "cancelled");
        apply(new CarePlanActionCancelled(command.childId(), action.id(), command.cancelledOn(),
                command.reason().strip()));
    }

    /**
     * A review's date may be corrected only to a day its actions still fit: on or before each one's due date and
     * its latest completion, change or cancellation.
     */
    void stillFitReviewOn(String reviewId, LocalDate correctedTo) {
        for (Action action : actions.values()) {
            if (!action.reviewId().equals(reviewId)) {
                continue;
            }
            dueNotBeforeReview(action.dueOn(), correctedTo, "correctedTo");
            if (action.latestStepOn() != null && action.latestStepOn().isBefore(correctedTo)) {
                throw new RuleViolation(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT, "correctedTo",
                        "An action agreed at this review was " + action.latestStep() + " on "
                                + spoken(action.latestStepOn()) + ", before " + spoken(correctedTo));
            }
        }
    }

    private Action open(String actionId) {
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

    private static void notBeforeAgreement(Action action, Reviews reviews, LocalDate on, String field, String verb) {
        LocalDate agreedOn = reviews.heldOn(action.reviewId());
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
