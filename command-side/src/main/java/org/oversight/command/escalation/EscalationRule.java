package org.oversight.command.escalation;

import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.command.rules.Rule;

/**
 * The rules that guard the dispute resolution process (IRO Handbook §6.2). Levels and concern categories are
 * the local authority's own ({@link EscalationPolicy}); "before" means strictly before, so two steps may share
 * a day.
 */
public enum EscalationRule implements Rule {
    /** An escalation is raised with a local authority the service covers. */
    LOCAL_AUTHORITY_KNOWN("local-authority-known"),
    /** The chair raising the escalation is a user of the service, so their name can be recorded beside it. */
    RAISED_BY_KNOWN_USER("raised-by-known-user"),
    /** An escalation concerns one child or a sibling group: at least one child. */
    AT_LEAST_ONE_CHILD("escalation-names-a-child"),
    /** Every child is registered with the local authority the escalation is raised with. */
    CHILDREN_OF_THE_AUTHORITY("children-of-the-local-authority"),
    /** A child is named once in a sibling group. */
    EACH_CHILD_NAMED_ONCE("each-child-named-once"),
    /** The concern is recorded under one of the local authority's configured themes. */
    CONCERN_CATEGORY_CONFIGURED("concern-category-configured"),
    /** The chair says what they ask the local authority to do. */
    ASK_STATED("escalation-states-what-is-asked"),
    /** Every level an escalation is raised at or moved to is one of the local authority's configured levels. */
    LEVEL_CONFIGURED("escalation-level-configured"),
    /** A formal escalation starts at a level; an informal alert ("IRO alert") has none until it is moved up. */
    LEVEL_WHEN_FORMAL("level-when-formal"),
    /** Escalations, moves, responses and outcomes are recorded after they happen, not before. */
    DATE_NOT_IN_FUTURE("escalation-date-not-in-future"),
    /** Nothing in an escalation is dated before the day it was raised. */
    NOT_BEFORE_RAISED("not-before-escalation-raised"),
    /**
     * Moves, responses, rejections, resolutions and withdrawals follow one another: none is dated before the
     * previous one. A Cafcass referral runs alongside the process and is not a step in it.
     */
    NOT_BEFORE_PREVIOUS_STEP("not-before-previous-step"),
    /** A resolved or withdrawn escalation is closed: nothing more is recorded on it, a Cafcass referral included. */
    NOTHING_AFTER_CLOSED("nothing-after-escalation-closed"),
    /**
     * An escalation only moves up, to a level strictly higher than the one it is at; an informal alert may be
     * moved to any level, which makes it formal.
     */
    MOVE_TO_HIGHER_LEVEL("move-to-higher-level"),
    /** The chair may skip levels, but says why; the levels skipped are recorded. */
    SKIPPING_LEVELS_NEEDS_REASON("skipping-levels-needs-reason"),
    /** A response is recorded for the level the escalation is at, not one it has left. */
    RESPONSE_AT_CURRENT_LEVEL("response-at-current-level"),
    /** Only a response received at the current level, and not already rejected, can be rejected. */
    REJECTION_NEEDS_RESPONSE("rejection-needs-response"),
    REJECTION_NEEDS_REASON("rejection-needs-reason"),
    /** A resolution says what changed for the child. */
    RESOLUTION_NEEDS_OUTCOME("resolution-needs-outcome-for-child"),
    /** A resolution says whether the chair judges it to be in the child's interest. */
    RESOLUTION_STATES_CHILDS_INTEREST("resolution-states-childs-interest"),
    WITHDRAWAL_NEEDS_REASON("withdrawal-needs-reason"),
    CAFCASS_REFERRAL_NEEDS_REASON("cafcass-referral-needs-reason"),
    /** An escalation is referred to Cafcass at most once. */
    CAFCASS_REFERRAL_ONCE("cafcass-referral-once");

    private final String code;

    EscalationRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
