package org.oversight.command.childcase;

import org.oversight.command.rules.Rule;

/** The rules that guard registering a child and allocating their chairs. */
public enum ChildCaseRule implements Rule {
    /** A child has a date of birth, or (unborn) an expected date of delivery: exactly one of the two. */
    BIRTH_OR_EXPECTED_DELIVERY("birth-or-expected-delivery-date"),
    DATE_OF_BIRTH_NOT_IN_FUTURE("date-of-birth-not-in-future"),
    /** Oversight covers children: the person must be under 18 when registered. */
    MUST_BE_A_CHILD("must-be-under-18"),
    /** A pregnancy lasts about 40 weeks; an expected date of delivery further ahead than 42 is a mistake. */
    EXPECTED_DELIVERY_WITHIN_42_WEEKS("expected-delivery-within-42-weeks"),
    /**
     * An unborn child is registered no more than four weeks after the expected date of delivery: a baby may come
     * late and the birth be recorded later, but a date further back (such as 1900) is a mistake.
     */
    EXPECTED_DELIVERY_NOT_LONG_PAST("expected-delivery-not-long-past"),
    LOCAL_AUTHORITY_KNOWN("local-authority-known"),
    /** One case per child: the same local authority identifier cannot be registered twice. */
    CHILD_REGISTERED_ONCE("child-registered-once"),
    CHILD_MUST_BE_REGISTERED("child-must-be-registered"),
    CHAIR_MUST_BE_KNOWN("chair-must-be-known"),
    CHAIR_MUST_HOLD_ROLE("chair-must-hold-role"),
    /** A chair is allocated only to a child of a local authority they work for, with an enabled account. */
    CHAIR_WORKS_FOR_CHILDS_AUTHORITY("chair-works-for-childs-authority"),
    ALLOCATION_NOT_IN_FUTURE("allocation-not-in-future"),
    /** A reallocation starts on or after the allocation it replaces: allocations never overlap. */
    REALLOCATION_AFTER_CURRENT("reallocation-after-current-allocation"),
    ALREADY_ALLOCATED("chair-already-allocated"),
    /** A birth is recorded only for a child registered before birth, with an expected date of delivery. */
    BIRTH_ONLY_FOR_UNBORN_CHILD("birth-only-for-unborn-child"),
    BIRTH_RECORDED_ONCE("birth-recorded-once"),
    /** Nobody restricts a record away from themselves: the person restricting it is always among those named. */
    RESTRICTION_NAMES_ITS_RESTRICTER("restriction-names-its-restricter"),
    /** Only people who work for the child's local authority can be named: nobody else could see the record anyway. */
    NAMED_PEOPLE_WORK_FOR_THE_AUTHORITY("named-people-work-for-the-authority"),
    /** Naming again exactly the people already named records nothing new. */
    RESTRICTION_CHANGES_WHO_IS_NAMED("restriction-changes-who-is-named"),
    /** Only a restricted record can have its restriction lifted. */
    LIFT_ONLY_A_RESTRICTION("lift-only-a-restriction"),
    /** A transfer goes to another authority the service covers. */
    TRANSFER_TO_ANOTHER_AUTHORITY("transfer-to-another-authority"),
    /** A transfer takes effect no earlier than the child's registration and no later than today. */
    TRANSFER_DATE_WITHIN_THE_RECORD("transfer-date-within-the-record"),
    /** A record is destroyed once: nothing of it is left to destroy again. */
    DESTROYED_ONCE("record-destroyed-once"),
    /** A record under a legal hold (an inquiry, litigation, a complaint) is kept until every hold is lifted. */
    NOT_DESTROYED_UNDER_LEGAL_HOLD("record-not-destroyed-under-legal-hold"),
    /** A record is destroyed only once its authority's retention schedule says it may be, never before. */
    NOT_DESTROYED_BEFORE_DUE("record-not-destroyed-before-it-is-due"),
    /** A record is destroyed under the rule of its own type in the schedule, so the destruction says why truly. */
    DESTROYED_UNDER_ITS_OWN_RULE("record-destroyed-under-its-own-rule"),
    /** Nothing more is recorded about a child whose record is destroyed. */
    NOTHING_AFTER_DESTRUCTION("nothing-recorded-after-destruction"),
    /**
     * A record whose events hold personal content stored before it was encrypted is not destroyed by destroying
     * a key: that content would stay readable, and the destruction record would say otherwise.
     */
    NOT_DESTROYED_WHILE_STORED_IN_PLAIN("record-not-destroyed-while-stored-in-plain");

    private final String code;

    ChildCaseRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
