package org.oversight.command.lookedafter;

import org.oversight.command.rules.Rule;

/**
 * The rules of the child's social worker and their statutory visits, beside the journey's own
 * {@link LookedAfterRule}s (a period open, a date not in the future, not before the period started, a change that
 * changes something), which they share.
 */
public enum SocialWorkRule implements Rule {
    /**
     * Allocations and unallocations follow one another: each is dated on or after the latest already recorded, so
     * who was allocated on any day has one answer.
     */
    ALLOCATIONS_IN_ORDER("social-worker-changes-in-date-order"),
    /** Only an allocated social worker can stop being allocated. */
    WORKER_MUST_BE_ALLOCATED("social-worker-must-be-allocated"),
    /** One statutory visit a day counts for the visits clock; a second on the same day is a resubmission. */
    ONE_VISIT_A_DAY("one-social-worker-visit-a-day"),
    /** What a placement is intended to be is decided on or after the day it started. */
    INTENTION_NOT_BEFORE_PLACEMENT("intention-not-before-placement-started"),
    /** A new decision about the placement's intention is not dated before the decision it replaces. */
    INTENTIONS_IN_ORDER("placement-intentions-in-date-order");

    private final String code;

    SocialWorkRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
