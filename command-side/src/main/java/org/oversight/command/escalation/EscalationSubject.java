package org.oversight.command.escalation;

import org.oversight.command.rules.Rule;
import org.oversight.command.web.Subject;

final class EscalationSubject {

    /** Every step after the raise is recorded on an escalation that exists; an escalation id is raised once. */
    static final Subject ESCALATION = new Subject(
            Identity.ESCALATION_MUST_EXIST, "No escalation is recorded under this reference",
            Identity.ESCALATION_RAISED_ONCE, "An escalation with this reference has already been raised");

    /** The rules about which escalation a command is about, answered by the web layer (404 and 409). */
    enum Identity implements Rule {
        ESCALATION_MUST_EXIST("escalation-must-exist"),
        ESCALATION_RAISED_ONCE("escalation-raised-once");

        private final String code;

        Identity(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    private EscalationSubject() {
    }
}
