package org.oversight.command.protection;

import org.oversight.command.rules.Rule;

/**
 * The rules of a child protection plan's life between conferences (its outcomes, SMART actions and contingency
 * plan, the core group and the chair's midway check) and of the strategy meetings a chair chairs.
 */
public enum PlanBetweenConferencesRule implements Rule {
    /** The plan's outcomes and actions are agreed at a conference of the open plan: the one that started it or a review. */
    AGREED_AT_A_CONFERENCE_OF_THE_PLAN("plan-agreed-at-its-conference"),
    /** Each conference agrees the plan once; a later conference, never an earlier one, changes what was agreed. */
    AGREED_ONCE_AND_IN_ORDER("plan-agreed-once-and-in-order"),
    /** A plan states at least one outcome for the child and a contingency plan, and its first agreement an action. */
    PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY("plan-needs-outcomes-actions-and-contingency"),
    /** Every action says what is to be done and who is responsible. */
    ACTION_NEEDS_TEXT_AND_OWNER("protection-action-needs-text-and-owner"),
    /** An action is not due before the conference that agreed it. */
    ACTION_DUE_NOT_BEFORE_CONFERENCE("protection-action-due-not-before-conference"),
    ACTION_MUST_EXIST("protection-action-must-exist"),
    /** Only an open action is completed, changed or cancelled; the plan it belongs to is still open. */
    ACTION_MUST_BE_OPEN("protection-action-must-be-open"),
    /** An action is completed, changed or cancelled on or after the conference that agreed it. */
    ACTION_NOT_BEFORE_AGREEMENT("protection-action-not-before-agreement"),
    /** A change to an action changes its wording, owner or due date. */
    ACTION_CHANGE_MUST_DIFFER("protection-action-change-must-differ"),
    /** Changing or cancelling an action says why. */
    REASON_REQUIRED("protection-action-reason-required"),
    /** A core group meets while the plan is open, on or after the conference that started it. */
    CORE_GROUP_WHILE_PLAN_OPEN("core-group-while-plan-open"),
    /** A core group meeting reference is used once in a child's history. */
    CORE_GROUP_RECORDED_ONCE("core-group-recorded-once"),
    /** A core group meeting records at least one attending agency. */
    CORE_GROUP_NEEDS_ATTENDANCE("core-group-needs-attendance"),
    /** Progress is recorded for the plan's own open actions, each at most once. */
    PROGRESS_ON_OPEN_ACTIONS("core-group-progress-on-open-actions"),
    /** The chair's midway check falls between conferences of the open plan: after the latest of them. */
    MIDWAY_CHECK_BETWEEN_CONFERENCES("protection-midway-check-between-conferences"),
    /** An alert is raised from a midway check that noted concerns, and says to whom. */
    ALERT_FROM_CONCERNS("protection-midway-alert-from-concerns"),
    /** A strategy meeting reference is used once in a child's history. */
    STRATEGY_MEETING_RECORDED_ONCE("strategy-meeting-recorded-once"),
    /**
     * A strategy meeting includes children's social care, the police and health (Working Together to Safeguard
     * Children 2023, chapter 4: the strategy discussion, which a meeting is one form of, involves at least these
     * three).
     */
    STRATEGY_MEETING_AGENCIES("strategy-meeting-agencies");

    private final String code;

    PlanBetweenConferencesRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
