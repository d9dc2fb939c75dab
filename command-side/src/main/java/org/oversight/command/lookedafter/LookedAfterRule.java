package org.oversight.command.lookedafter;

import org.oversight.command.rules.Rule;

/**
 * The rules that guard a child's looked-after journey: periods of care, changes inside them, the IRO's reviews
 * and monitoring, care plan actions and corrections. Where a rule comes from the DfE's SSDA903 validation (as
 * implemented in data-to-insight/csc-validator-be-903, rules for 2022/23 onwards), its number is given, and
 * "on or after" versus "strictly after" follows that rule's own comparison.
 */
public enum LookedAfterRule implements Rule {
    /** Only a child who has been born can be looked after: an unborn child has no period of care. */
    CHILD_MUST_BE_BORN("child-must-be-born"),
    /** 903 rule 302 flags a first episode starting before the date of birth; starting on it is accepted. */
    PERIOD_NOT_BEFORE_BIRTH("period-not-before-birth"),
    /** 903 rule 352 flags a start on or after the 18th birthday: a period starts at latest the day before it. */
    PERIOD_STARTS_BEFORE_EIGHTEEN("period-starts-before-18th-birthday"),
    /** Periods, changes, reviews, visits and every other dated fact are recorded after they happen, not before. */
    DATE_NOT_IN_FUTURE("date-not-in-future"),
    /** 903 rule 142: a new period cannot start while the child's previous one has not ended. */
    ONE_OPEN_PERIOD("one-open-period"),
    /**
     * 903 rule 431 flags a new period (reason for new episode {@code S}) starting on or before the day the previous
     * episode ended, so a new period starts strictly after the previous period's end. (Rule 501 lets episodes
     * inside one period meet on the same day; a same-day restart is a change of legal status or placement.)
     */
    NEW_PERIOD_AFTER_PREVIOUS_ENDED("new-period-after-previous-ended"),
    /** A period or review identifier names one thing in the child's history; a resubmitted form is refused. */
    IDENTIFIER_NOT_REUSED("identifier-not-reused"),
    /**
     * Changes of legal status or placement, the end, reviews, consultations, visits, midway checks, early review
     * requests and permanence plans belong to the child's open period of care.
     */
    NEEDS_OPEN_PERIOD("needs-open-period"),
    /** Nothing that belongs to a period is dated before the period started (it may be dated on that day). */
    NOT_BEFORE_PERIOD_START("not-before-period-start"),
    /**
     * Episodes follow one another (903 rule 501: a new episode does not start before the previous one ended), so
     * a change of legal status or placement is not dated before the latest change already recorded; the same day
     * is accepted.
     */
    CHANGES_IN_ORDER("changes-in-date-order"),
    /** A new permanence plan is not dated before the plan it replaces; the same day is accepted. */
    PERMANENCE_PLANS_IN_ORDER("permanence-plans-in-date-order"),
    /** A change must change something: the same legal status, placement, permanence plan or action is refused. */
    MUST_DIFFER_FROM_CURRENT("must-differ-from-current"),
    /**
     * 903 rule 356 flags an episode whose {@code DEC} is before its {@code DECOM}; an equal date passes it, so a
     * period may end on the day it started. Rule 355 separately flags an episode whose two dates are equal ("appears
     * to have lasted for less than 24 hours") for the local authority to look at; Oversight accepts such an end,
     * because a child can be looked after for less than a day and the end must still be recordable.
     */
    END_NOT_BEFORE_START("period-end-not-before-start"),
    /**
     * A period does not end before its latest change of legal status or placement (that episode would cease before
     * it started, 903 rule 356) or before its latest review (reviews happen while the child is looked after).
     */
    END_NOT_BEFORE_LATEST_RECORD("period-end-not-before-latest-change-or-review"),
    /** Reviews of a period happen one after another, never two on the same day. */
    REVIEWS_IN_ORDER("reviews-in-date-order"),
    /**
     * 903 rules 440 and 441: PN0 is for a child under 4 at the review, PN1 to PN7 for a child of 4 or over.
     *
     * <p>As the DfE's validator implements them (checked in data-to-insight/csc-validator-be-903,
     * {@code rule_440.py} and {@code rule_441.py}, unchanged from 2022/23 to 2026/27), the 4th birthday is the
     * date of birth plus four calendar years (pandas {@code DateOffset(years=4)}); 440 flags PN0 only when the
     * review is strictly after that day and 441 flags PN1 to PN7 only when the review is strictly before it. On
     * the 4th birthday itself neither fires, so either code is accepted, and Oversight accepts both too. For a
     * child born on 29 February the four-year offset lands on 29 February (four years on is a leap year), except
     * across a century that is not a leap year (born 29 February 2096, 4th birthday 28 February 2100), where both
     * pandas and {@link java.time.LocalDate#plusYears(long)} fall back to 28 February.
     */
    PARTICIPATION_MATCHES_AGE("participation-code-matches-age"),
    /** Whoever is recorded as the IRO is registered with the service and can act as an IRO. */
    IRO_MUST_BE_REGISTERED_IRO("iro-must-be-registered-iro"),
    /** A SMART action says what is to be done and who is responsible. */
    ACTION_NEEDS_TEXT_AND_OWNER("action-needs-text-and-owner"),
    /** An action cannot be due before the review that agreed it (due on the review's day is accepted). */
    ACTION_DUE_NOT_BEFORE_REVIEW("action-due-not-before-review"),
    ACTION_MUST_EXIST("action-must-exist"),
    /** Only an action still open can be completed, changed or cancelled. */
    ACTION_MUST_BE_OPEN("action-must-be-open"),
    /** An action is completed, changed or cancelled on or after the day it was agreed. */
    ACTION_NOT_BEFORE_AGREEMENT("action-not-before-agreement"),
    /** Changing or cancelling an agreed action says why. */
    REASON_REQUIRED("reason-required"),
    /** A distribution or correction names a review recorded in this child's history. */
    REVIEW_MUST_EXIST("review-must-exist"),
    /** A review's record is distributed on or after the day the review was held. */
    DISTRIBUTION_NOT_BEFORE_REVIEW("distribution-not-before-review"),
    /** A review's record is distributed once; a second distribution is refused. */
    DISTRIBUTED_ONCE("record-distributed-once"),
    /** A review's decisions are sent on or after the day the review was held. */
    DECISIONS_NOT_BEFORE_REVIEW("decisions-not-before-review"),
    /** A review's decisions are sent once; a second sending is refused. */
    DECISIONS_SENT_ONCE("decisions-sent-once"),
    CORRECTION_NEEDS_REASON("correction-needs-reason"),
    /** A correction changes what is recorded; correcting a value to itself is refused. */
    CORRECTION_CHANGES_RECORD("correction-changes-the-record"),
    /** A corrected review date stays inside its period: not after the day an ended period ended. */
    NOT_AFTER_PERIOD_END("not-after-period-end");

    private final String code;

    LookedAfterRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
