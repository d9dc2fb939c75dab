package org.oversight.command.protection;

import org.oversight.command.rules.Rule;

/**
 * The rules that guard a child's protection journey: enquiries, conferences, plans and their corrections.
 * Where a rule comes from the DfE's CIN census validation, its number is given; "on or after" and "strictly
 * after" follow the census rule's own wording.
 */
public enum ProtectionRule implements Rule {
    /**
     * A conference is held on a weekday. CIN 8875 says the date of the initial conference must not be a
     * Saturday or Sunday; Oversight holds every conference (review and correction included) to the same rule.
     */
    CONFERENCE_ON_A_WEEKDAY("conference-on-a-weekday"),
    /** Conferences, strategy discussions, decisions and plan ends are recorded after they happen, not before. */
    DATE_NOT_IN_FUTURE("decision-date-not-in-future"),
    /** The chair of a conference is registered with the service and can act as a child protection chair. */
    CHAIR_MUST_BE_CP_CHAIR("conference-chair-must-be-cp-chair"),
    /** An initial conference is an initial, pre-birth or transfer-in conference; a review is recorded as one. */
    CONFERENCE_TYPE_INITIAL("initial-conference-type"),
    /** One conference decides once for each child in a sibling group. */
    EACH_CHILD_DECIDED_ONCE("each-child-decided-once"),
    ENQUIRY_RECORDED_ONCE("enquiry-recorded-once"),
    /** A conference reference is used once in a child's history. */
    CONFERENCE_RECORDED_ONCE("conference-recorded-once"),
    /**
     * An initial or pre-birth conference, and a decision that no conference is needed, each conclude a section 47
     * enquiry that is still open; a transfer-in conference follows another authority's plan and names no enquiry.
     */
    ENQUIRY_MUST_BE_OPEN("enquiry-must-be-open"),
    /** The conference (or the decision that none is needed) is on or after the strategy discussion. */
    NOT_BEFORE_STRATEGY_DISCUSSION("not-before-strategy-discussion"),
    /**
     * A pre-birth conference is only for a child registered before birth (with an expected date of delivery) and
     * held before the birth; a child not yet born has a pre-birth, not an initial, conference.
     */
    PRE_BIRTH_ONLY_BEFORE_BIRTH("pre-birth-conference-only-before-birth"),
    /** Attendance and the way the child's views were conveyed agree; an unborn child conveys none. */
    CHILDS_VIEW_CONSISTENT("childs-view-consistent"),
    /**
     * A plan is made only at a quorate conference: children's social care and at least the local authority's
     * minimum number of other agencies (widely two). An inquorate conference may still decide on no plan.
     */
    PLAN_NEEDS_QUORATE_CONFERENCE("plan-needs-quorate-conference"),
    /** A plan starts under an initial category of abuse; a decision of no plan has none. */
    INITIAL_CATEGORY_WITH_PLAN("initial-category-with-plan"),
    /**
     * CIN 8935: a child has at most one open plan. Oversight also refuses any initial conference while a plan is
     * open: a child on a plan has review conferences.
     */
    ONE_OPEN_PLAN("one-open-plan"),
    /**
     * CIN 8940: plans never overlap. A plan's start may not fall within another plan from its start to its end
     * inclusive, so a new plan starts strictly after the day the previous one ended.
     */
    PLANS_DO_NOT_OVERLAP("plans-do-not-overlap"),
    /** The number of previous plans given is at least the number this child has already had here. */
    PREVIOUS_PLANS_INCLUDE_PLANS_HERE("previous-plans-include-plans-here"),
    /** Reviews and ends happen to an open plan; after a plan ends only a new enquiry or conference is recorded. */
    DECISION_NEEDS_OPEN_PLAN("decision-needs-open-plan"),
    /** CIN 8841: a review conference is strictly after the plan's start: never on the same day or before. */
    REVIEW_AFTER_PLAN_START("review-after-plan-start"),
    /** Review conferences of a plan happen one after another, never two on the same day. */
    REVIEW_AFTER_PREVIOUS_REVIEW("review-after-previous-review"),
    /** A review that ends the plan says why; one that continues it gives no end reason. */
    END_REASON_WHEN_PLAN_ENDS("end-reason-when-plan-ends"),
    /** CIN 8925: a plan's end date is on or after its start date (a plan may end on the day it started). */
    PLAN_END_NOT_BEFORE_START("plan-end-not-before-start"),
    /** A plan ending without a conference ends on or after its latest review conference. */
    PLAN_END_NOT_BEFORE_LAST_REVIEW("plan-end-not-before-last-review"),
    CORRECTION_NEEDS_REASON("correction-needs-reason"),
    /** A correction names a conference or plan recorded in this child's history. */
    CORRECTION_NAMES_EXISTING_RECORD("correction-names-existing-record"),
    /** A correction changes what is recorded; correcting a value to itself is refused. */
    CORRECTION_CHANGES_RECORD("correction-changes-the-record"),
    /**
     * An inquorate review conference cannot end a plan, just as an inquorate conference cannot make one: the
     * decision to end a plan is the whole conference's, and without a quorum the plan continues until a quorate
     * review (local procedures; the quorum is the local authority's, see {@link QuoracyPolicy}).
     */
    INQUORATE_REVIEW_CANNOT_END_PLAN("inquorate-review-cannot-end-plan"),
    /**
     * A plan's end recorded in Oversight gives its reason; "not recorded in the return" belongs to an end imported
     * from a return that has none.
     */
    END_REASON_GIVEN("end-reason-given");

    private final String code;

    ProtectionRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
