package org.oversight.command.protection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.ReviewConferenceHeld;

/**
 * A child protection plan between its conferences: the outcomes, contingency plan and SMART actions a conference
 * agreed, the core group that takes them forward and the chair's midway check. A member of {@link ChildProtection};
 * it keeps its own note of the open plan and its conferences' dates, rebuilt from the same events as the journey,
 * so that its rules read the state they check from here.
 */
final class PlanBetweenConferences {

    /** The open plan, or {@code null} when none is open. */
    private OpenPlan plan;
    private final Map<String, Action> actions = new HashMap<>();
    /** The core group meetings recorded, by reference: the plan they belong to and their date. */
    private final Map<String, Map.Entry<String, LocalDate>> coreGroups = new HashMap<>();

    void agree(AgreeProtectionPlan command, LocalDate today) {
        OpenPlan open = openPlan("conferenceId", "to agree");
        LocalDate heldOn = open.conferences().get(command.conferenceId());
        if (heldOn == null) {
            throw new RuleViolation(PlanBetweenConferencesRule.AGREED_AT_A_CONFERENCE_OF_THE_PLAN, "conferenceId",
                    "Select the conference that started the child's plan on " + spoken(open.start())
                            + " or one that reviewed it");
        }
        ProtectionDates.notInFuture(heldOn, today, "conferenceId", "The conference");
        if (open.lastAgreedOn() != null && !heldOn.isAfter(open.lastAgreedOn())) {
            throw new RuleViolation(PlanBetweenConferencesRule.AGREED_ONCE_AND_IN_ORDER, "conferenceId",
                    "The plan was last agreed at the conference on " + spoken(open.lastAgreedOn())
                            + "; only a later conference can change it");
        }
        List<String> outcomes = command.outcomes() == null ? List.of()
                : command.outcomes().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        if (outcomes.isEmpty()) {
            throw new RuleViolation(PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY,
                    "outcomes", "Enter at least one outcome the plan is to achieve for the child");
        }
        if (command.contingencyPlan() == null || command.contingencyPlan().isBlank()) {
            throw new RuleViolation(PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY,
                    "contingencyPlan", "Enter the contingency plan: what happens if the plan does not work");
        }
        List<AgreeProtectionPlan.AgreedAction> agreed = command.actions();
        if (open.lastAgreedOn() == null && agreed.isEmpty()) {
            throw new RuleViolation(PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY,
                    "actions", "Enter at least one action: who is to do what, by when");
        }
        for (int i = 0; i < agreed.size(); i++) {
            String field = "actions[" + i + "].";
            textAndOwnerGiven(agreed.get(i).action(), agreed.get(i).owner(), field);
            dueNotBeforeConference(agreed.get(i).dueOn(), heldOn, field + "dueOn");
        }

        apply(new ProtectionPlanAgreed(command.childId(), open.planId(), command.conferenceId(), heldOn, outcomes,
                command.contingencyPlan().strip()));
        for (int i = 0; i < agreed.size(); i++) {
            AgreeProtectionPlan.AgreedAction action = agreed.get(i);
            apply(new ProtectionActionAgreed(command.childId(),
                    PlanIds.actionOf(command.childId(), command.conferenceId(), i), open.planId(),
                    command.conferenceId(), action.action().strip(), action.owner().strip(), action.dueOn(), heldOn));
        }
    }

    void complete(CompleteProtectionAction command, LocalDate today) {
        Action action = openAction(command.actionId());
        ProtectionDates.notInFuture(command.completedOn(), today, "completedOn", "Completing an action");
        notBeforeAgreement(action, command.completedOn(), "completedOn", "completed");
        apply(new ProtectionActionCompleted(command.childId(), action.id(), command.completedOn()));
    }

    void change(ChangeProtectionAction command, LocalDate today) {
        Action action = openAction(command.actionId());
        reasonGiven(command.reason(), "Say why the action is changing");
        textAndOwnerGiven(command.action(), command.owner(), "");
        ProtectionDates.notInFuture(command.changedOn(), today, "changedOn", "A change to an action");
        notBeforeAgreement(action, command.changedOn(), "changedOn", "changed");
        dueNotBeforeConference(command.dueOn(), agreedOn(action), "dueOn");
        String text = command.action().strip();
        String owner = command.owner().strip();
        if (action.text().equals(text) && action.owner().equals(owner) && action.dueOn().equals(command.dueOn())) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_CHANGE_MUST_DIFFER, "action",
                    "The action already reads like this, with the same owner and due date; change at least one of them");
        }
        apply(new ProtectionActionChanged(command.childId(), action.id(), text, owner, command.dueOn(),
                command.reason().strip(), command.changedOn()));
    }

    void cancel(CancelProtectionAction command, LocalDate today) {
        Action action = openAction(command.actionId());
        reasonGiven(command.reason(), "Say why the action is cancelled");
        ProtectionDates.notInFuture(command.cancelledOn(), today, "cancelledOn", "Cancelling an action");
        notBeforeAgreement(action, command.cancelledOn(), "cancelledOn", "cancelled");
        apply(new ProtectionActionCancelled(command.childId(), action.id(), command.cancelledOn(),
                command.reason().strip()));
    }

    /**
     * The core group: the lead social worker, the family and the professionals who carry the plan out between
     * conferences (Working Together to Safeguard Children 2023, chapter 4). Its first meeting falls due within 10
     * working days of the initial conference; that clock is the query side's, and a late meeting is still recorded.
     */
    void meetCoreGroup(RecordCoreGroupMeeting command, LocalDate today) {
        if (coreGroups.containsKey(command.meetingId())) {
            throw new RuleViolation(PlanBetweenConferencesRule.CORE_GROUP_RECORDED_ONCE, "meetingId",
                    "This core group meeting is already recorded for the child");
        }
        OpenPlan open = openPlan("heldOn", "for a core group to take forward");
        ProtectionDates.notInFuture(command.heldOn(), today, "heldOn", "The core group meeting");
        if (command.heldOn().isBefore(open.start())) {
            throw new RuleViolation(PlanBetweenConferencesRule.CORE_GROUP_WHILE_PLAN_OPEN, "heldOn",
                    "A core group meets once the plan has started, on " + spoken(open.start()));
        }
        List<String> agencies = command.attendingAgencies().stream()
                .filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        if (agencies.isEmpty()) {
            throw new RuleViolation(PlanBetweenConferencesRule.CORE_GROUP_NEEDS_ATTENDANCE, "attendingAgencies",
                    "Select the agencies that attended the core group meeting");
        }
        Set<String> seen = new HashSet<>();
        List<CoreGroupMeetingHeld.ActionProgress> progress = new ArrayList<>();
        for (int i = 0; i < command.actionProgress().size(); i++) {
            RecordCoreGroupMeeting.Progress step = command.actionProgress().get(i);
            Action action = actions.get(step.actionId());
            String field = "actionProgress[" + i + "].actionId";
            if (action == null || !action.planId().equals(open.planId()) || action.state() != ActionState.OPEN
                    || agreedOn(action).isAfter(command.heldOn())) {
                throw new RuleViolation(PlanBetweenConferencesRule.PROGRESS_ON_OPEN_ACTIONS, field,
                        "Progress is recorded only for the plan's actions open on the day of the meeting");
            }
            if (!seen.add(step.actionId())) {
                throw new RuleViolation(PlanBetweenConferencesRule.PROGRESS_ON_OPEN_ACTIONS, field,
                        "Record each action's progress once");
            }
            progress.add(new CoreGroupMeetingHeld.ActionProgress(step.actionId(), step.progress()));
        }
        String note = command.progressNote() == null || command.progressNote().isBlank() ? null
                : command.progressNote().strip();
        apply(new CoreGroupMeetingHeld(command.childId(), command.meetingId(), open.planId(), command.heldOn(),
                agencies, progress, note));
    }

    /**
     * The chair's midway check is local practice: between two conferences the chair looks at whether the plan is
     * working and, where it is not, alerts the team manager or whoever the local procedure names.
     */
    void checkMidway(RecordProtectionMidwayCheck command, LocalDate today) {
        OpenPlan open = openPlan("checkedOn", "to check");
        ProtectionDates.notInFuture(command.checkedOn(), today, "checkedOn", "The midway check");
        LocalDate latest = open.latestConferenceOn();
        if (!command.checkedOn().isAfter(latest)) {
            throw new RuleViolation(PlanBetweenConferencesRule.MIDWAY_CHECK_BETWEEN_CONFERENCES, "checkedOn",
                    "A midway check falls between conferences: after the latest, on " + spoken(latest));
        }
        boolean alert = command.alertRaisedTo() != null && !command.alertRaisedTo().isBlank();
        if (alert && command.finding() != PlanMidwayFinding.CONCERNS_NOTED) {
            throw new RuleViolation(PlanBetweenConferencesRule.ALERT_FROM_CONCERNS, "alertRaisedTo",
                    "An alert is raised only from a check that noted concerns");
        }
        apply(new ProtectionMidwayCheckRecorded(command.childId(), open.planId(), command.checkedOn(),
                command.finding(), alert ? command.alertRaisedTo().strip() : null));
    }

    /**
     * A conference of the open plan may have its date corrected only to a day what followed it still fits, by the
     * rules it was recorded under: on or before the due date and the first completion, change or cancellation of
     * each action it agreed, and, for the conference that started the plan, on or before every core group meeting.
     */
    void stillFits(String conferenceId, LocalDate correctedTo) {
        if (plan == null || !plan.conferences().containsKey(conferenceId)) {
            return;
        }
        for (Action action : actions.values()) {
            if (!action.conferenceId().equals(conferenceId)) {
                continue;
            }
            dueNotBeforeConference(action.dueOn(), correctedTo, "correctedTo");
            if (action.firstStepOn() != null && action.firstStepOn().isBefore(correctedTo)) {
                throw new RuleViolation(PlanBetweenConferencesRule.ACTION_NOT_BEFORE_AGREEMENT, "correctedTo",
                        "An action agreed at this conference was completed, changed or cancelled on "
                                + spoken(action.firstStepOn()) + ", before " + spoken(correctedTo));
            }
        }
        boolean startedThePlan = plan.conferences().keySet().iterator().next().equals(conferenceId);
        if (startedThePlan) {
            coreGroups.values().stream().filter(g -> g.getKey().equals(plan.planId()))
                    .map(Map.Entry::getValue).filter(d -> d.isBefore(correctedTo)).findFirst().ifPresent(d -> {
                        throw new RuleViolation(PlanBetweenConferencesRule.CORE_GROUP_WHILE_PLAN_OPEN, "correctedTo",
                                "The core group met on " + spoken(d) + ", before " + spoken(correctedTo)
                                        + ": the plan cannot have started after that");
                    });
        }
    }

    private OpenPlan openPlan(String field, String purpose) {
        if (plan == null) {
            throw new RuleViolation(ProtectionRule.DECISION_NEEDS_OPEN_PLAN, field,
                    "This child has no open child protection plan " + purpose);
        }
        return plan;
    }

    private Action openAction(String actionId) {
        Action action = actions.get(actionId);
        if (action == null) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_MUST_EXIST, "actionId",
                    "No action of a child protection plan is recorded under this reference for this child");
        }
        if (action.state() != ActionState.OPEN) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_MUST_BE_OPEN, "actionId",
                    "This action was " + action.latestStep() + " on " + spoken(action.latestStepOn())
                            + "; only an open action can be completed, changed or cancelled");
        }
        if (plan == null || !plan.planId().equals(action.planId())) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_MUST_BE_OPEN, "actionId",
                    "The plan this action belongs to has ended");
        }
        return action;
    }

    private LocalDate agreedOn(Action action) {
        return plan.conferences().getOrDefault(action.conferenceId(), action.agreedOn());
    }

    private void notBeforeAgreement(Action action, LocalDate on, String field, String verb) {
        LocalDate agreedOn = agreedOn(action);
        if (on.isBefore(agreedOn)) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_NOT_BEFORE_AGREEMENT, field,
                    "This action was agreed at the conference on " + spoken(agreedOn) + "; it cannot be " + verb
                            + " before that");
        }
    }

    private static void textAndOwnerGiven(String text, String owner, String fieldPrefix) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_NEEDS_TEXT_AND_OWNER, fieldPrefix + "action",
                    "Describe the action: what is to be done");
        }
        if (owner == null || owner.isBlank()) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_NEEDS_TEXT_AND_OWNER, fieldPrefix + "owner",
                    "Enter who is responsible for the action");
        }
    }

    private static void dueNotBeforeConference(LocalDate dueOn, LocalDate heldOn, String field) {
        if (dueOn.isBefore(heldOn)) {
            throw new RuleViolation(PlanBetweenConferencesRule.ACTION_DUE_NOT_BEFORE_CONFERENCE, field,
                    "An action cannot be due before the conference that agreed it, on " + spoken(heldOn));
        }
    }

    private static void reasonGiven(String reason, String message) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(PlanBetweenConferencesRule.REASON_REQUIRED, "reason", message);
        }
    }

    // State, changed only by the events.

    @EventSourcingHandler
    void on(ChildProtectionPlanStarted event) {
        Map<String, LocalDate> conferences = new LinkedHashMap<>();
        conferences.put(event.conferenceId(), event.startDate());
        plan = new OpenPlan(event.planId(), event.startDate(), conferences, null);
    }

    @EventSourcingHandler
    void on(ReviewConferenceHeld event) {
        if (plan != null && plan.planId().equals(event.planId())) {
            plan.conferences().put(event.conferenceId(), event.heldOn());
        }
    }

    @EventSourcingHandler
    void on(ConferenceDateCorrected event) {
        if (plan != null && plan.conferences().containsKey(event.conferenceId())) {
            plan.conferences().put(event.conferenceId(), event.correctedTo());
            boolean started = plan.conferences().keySet().iterator().next().equals(event.conferenceId());
            plan = new OpenPlan(plan.planId(), started ? event.correctedTo() : plan.start(), plan.conferences(),
                    plan.lastAgreedConferenceId());
        }
    }

    @EventSourcingHandler
    void on(ChildProtectionPlanEnded event) {
        if (plan != null && plan.planId().equals(event.planId())) {
            plan = null;
        }
    }

    @EventSourcingHandler
    void on(ProtectionPlanAgreed event) {
        if (plan != null) {
            plan = new OpenPlan(plan.planId(), plan.start(), plan.conferences(), event.conferenceId());
        }
    }

    @EventSourcingHandler
    void on(ProtectionActionAgreed event) {
        actions.put(event.actionId(), new Action(event.actionId(), event.planId(), event.conferenceId(),
                event.action(), event.owner(), event.dueOn(), event.agreedOn(), ActionState.OPEN, null, null, null));
    }

    @EventSourcingHandler
    void on(ProtectionActionCompleted event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.stepped(ActionState.COMPLETED, "completed", event.completedOn()));
    }

    @EventSourcingHandler
    void on(ProtectionActionChanged event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.changed(event));
    }

    @EventSourcingHandler
    void on(ProtectionActionCancelled event) {
        actions.computeIfPresent(event.actionId(),
                (id, action) -> action.stepped(ActionState.CANCELLED, "cancelled", event.cancelledOn()));
    }

    @EventSourcingHandler
    void on(CoreGroupMeetingHeld event) {
        coreGroups.put(event.meetingId(), Map.entry(event.planId(), event.heldOn()));
    }

    private enum ActionState { OPEN, COMPLETED, CANCELLED }

    /**
     * The open plan as this member needs it: its conferences' dates in the order they were held (the first started
     * it) and the conference that last agreed its outcomes, if any.
     */
    private record OpenPlan(String planId, LocalDate start, Map<String, LocalDate> conferences,
            String lastAgreedConferenceId) {

        LocalDate lastAgreedOn() {
            return lastAgreedConferenceId == null ? null : conferences.get(lastAgreedConferenceId);
        }

        LocalDate latestConferenceOn() {
            return conferences.values().stream().max(LocalDate::compareTo).orElse(start);
        }
    }

    /**
     * An action as it stands. {@code latestStep} names its latest completion, change or cancellation as a past
     * participle, dated {@code latestStepOn}; both are null while it is untouched.
     */
    private record Action(String id, String planId, String conferenceId, String text, String owner, LocalDate dueOn,
            LocalDate agreedOn, ActionState state, String latestStep, LocalDate latestStepOn, LocalDate firstStepOn) {

        Action stepped(ActionState now, String step, LocalDate on) {
            return new Action(id, planId, conferenceId, text, owner, dueOn, agreedOn, now, step, on, first(on));
        }

        Action changed(ProtectionActionChanged event) {
            return new Action(id, planId, conferenceId, event.action(), event.owner(), event.dueOn(), agreedOn, state,
                    "changed", event.changedOn(), first(event.changedOn()));
        }

        private LocalDate first(LocalDate on) {
            return firstStepOn == null || on.isBefore(firstStepOn) ? on : firstStepOn;
        }
    }
}
