package org.oversight.command.lookedafter;

import org.oversight.command.childcase.ChildCaseRule;
import org.oversight.command.web.Subject;

final class LookedAfterSubject {

    /**
     * Looked-after decisions are about a registered child; their journey is created by the first period of care,
     * so two first periods started at the same moment meet as a duplicate.
     */
    static final Subject JOURNEY = new Subject(
            ChildCaseRule.CHILD_MUST_BE_REGISTERED, "No child is registered under this reference",
            LookedAfterRule.IDENTIFIER_NOT_REUSED, "This has already been recorded; reload the page to see it");

    private LookedAfterSubject() {
    }
}
