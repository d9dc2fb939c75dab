package org.oversight.command.childcase;

import org.oversight.command.web.Subject;

final class ChildCaseSubject {

    static final Subject CHILD = new Subject(
            ChildCaseRule.CHILD_MUST_BE_REGISTERED, "No child is registered under this reference",
            ChildCaseRule.CHILD_REGISTERED_ONCE,
            "A child with this identifier is already registered in this local authority");

    private ChildCaseSubject() {
    }
}
