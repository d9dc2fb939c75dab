package org.oversight.command.subjectaccess;

import org.oversight.command.rules.Rule;

/** The rules that guard a subject access request, from its receipt to the release of the copy. */
public enum SubjectAccessRule implements Rule {
    /**
     * A request is about a registered child; the same code as the child case's rule, since it is the same rule
     * seen from here (the case is where a subject access request is recorded).
     */
    CHILD_MUST_BE_REGISTERED("child-must-be-registered"),
    /** A request is recorded once it has arrived: never dated in the future. */
    RECEIVED_NOT_IN_FUTURE("request-received-not-in-future"),
    /** One request, one record: the same request cannot be recorded twice. */
    REQUEST_RECORDED_ONCE("request-recorded-once"),
    /** Extensions, preparations and releases are of a request recorded on this child's record. */
    REQUEST_MUST_EXIST("subject-access-request-must-exist"),
    /** Once the copy is released the request is answered: nothing more is decided about it. */
    REQUEST_STILL_OPEN("request-still-open"),
    /** UK GDPR article 12(3): the time may be extended by two further months, once. */
    EXTENDED_ONCE("extended-once"),
    /**
     * UK GDPR article 12(3): the requester is told of an extension, with the reasons, within one month of receipt;
     * not before the request arrived and not in the future.
     */
    EXTENSION_TOLD_WITHIN_A_MONTH("extension-told-within-a-month"),
    /** A copy is prepared on or after the day the request was received, and not in the future. */
    PREPARED_WITHIN_THE_REQUEST("prepared-within-the-request"),
    /** Every piece of other people's information withheld from a copy says why. */
    WITHHELD_WITH_A_REASON("withheld-with-a-reason"),
    /** Each piece of information is decided once in a preparation. */
    ITEM_DECIDED_ONCE("item-decided-once"),
    /** A copy is released only once it has been prepared. */
    RELEASED_AFTER_PREPARATION("released-after-preparation"),
    /** A copy is released on or after the day it was last prepared, and not in the future. */
    RELEASE_DATE_AFTER_PREPARATION("release-date-after-preparation");

    private final String code;

    SubjectAccessRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
