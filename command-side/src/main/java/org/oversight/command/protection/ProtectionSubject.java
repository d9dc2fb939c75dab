package org.oversight.command.protection;

import org.oversight.command.childcase.ChildCaseRule;
import org.oversight.command.web.Subject;

final class ProtectionSubject {

    /** Protection decisions are about a registered child; their journey is created by the first decision. */
    static final Subject JOURNEY = new Subject(
            ChildCaseRule.CHILD_MUST_BE_REGISTERED, "No child is registered under this reference",
            ProtectionRule.CONFERENCE_RECORDED_ONCE, "This decision has already been recorded");

    private ProtectionSubject() {
    }
}
