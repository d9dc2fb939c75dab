package org.oversight.command.protection;

import org.oversight.command.rules.Rule;

/**
 * The rules that guard what a chair records of a conference as it happened: who was invited and who came, the
 * reports, each agency's recommendation and any dissent, an inquorate conference, and a transfer-in notification.
 * What they record is checked against the conference already recorded for the child, never instead of it.
 */
public enum ConferenceRecordRule implements Rule {
    /** Attendance, recommendations and quoracy are recorded for a conference already recorded for the child. */
    CONFERENCE_MUST_BE_RECORDED("conference-must-be-recorded"),
    /** Each of these is recorded once for a conference; what is recorded is not edited in place. */
    RECORDED_ONCE_PER_CONFERENCE("recorded-once-per-conference"),
    /** An agency's representative names the agency; the family, advocates and interpreters name none. */
    AGENCY_NAMED_FOR_AGENCY("agency-named-for-agency-only"),
    /** A name is recorded only for the child, a parent or a carer: professionals are recorded by role. */
    NAME_ONLY_FOR_FAMILY("name-only-for-family"),
    /**
     * Whether a report was shared with the family in time is said for a report received before the conference,
     * and only for one.
     */
    REPORT_SHARED_ONLY_WHEN_RECEIVED("report-shared-only-when-received"),
    /** A child not yet born on the day of the conference did not attend it. */
    UNBORN_CHILD_DID_NOT_ATTEND("unborn-child-did-not-attend"),
    /** A recommendation of a plan names its category of abuse; a recommendation of no plan names none. */
    CATEGORY_WITH_PLAN_RECOMMENDATION("category-with-plan-recommendation"),
    /**
     * The chair's decision recorded with the recommendations is the decision the conference recorded: at an initial
     * conference its outcome and category; at a review, "plan" when the plan continues under its latest category.
     */
    CHAIR_DECISION_MATCHES_CONFERENCE("chair-decision-matches-conference"),
    /**
     * An agency whose recommendation differs from the chair's decision (plan or no plan, or the category of a
     * plan) dissents, and its dissent is recorded with its reason; an agency that agreed gives none.
     */
    DISSENT_GIVES_REASON("dissent-gives-reason"),
    /** An agency makes one recommendation at a conference. */
    ONE_RECOMMENDATION_PER_AGENCY("one-recommendation-per-agency"),
    /** Only a conference recorded as inquorate has an inquorate record. */
    INQUORATE_RECORD_ONLY_FOR_INQUORATE("inquorate-record-only-for-inquorate-conference"),
    /** Why a conference was inquorate is given. */
    INQUORATE_REASON_GIVEN("inquorate-reason-given"),
    /**
     * The chair's decision about an inquorate conference fits what it recorded: a review's plan continues until a
     * quorate review, and an initial conference that went ahead decided on no plan.
     */
    INQUORATE_DECISION_FITS_CONFERENCE("inquorate-decision-fits-conference"),
    /** The other authority's plan started on or before the day its notification was received here. */
    OTHER_PLAN_BEFORE_NOTIFICATION("other-plan-before-notification"),
    /** A transfer-in notification is recorded once. */
    NOTIFICATION_RECORDED_ONCE("notification-recorded-once");

    private final String code;

    ConferenceRecordRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
