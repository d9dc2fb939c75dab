package org.oversight.command.childcase;

import org.oversight.command.rules.Rule;

/** The rules that guard placing and lifting legal holds on a child's record. */
public enum LegalHoldRule implements Rule {
    /** A record holds at most one hold for each reason: a second would be lifted by the first lifting. */
    ONE_HOLD_FOR_EACH_REASON("one-legal-hold-for-each-reason"),
    /** Only a hold that stands can be lifted. */
    LIFT_ONLY_A_STANDING_HOLD("lift-only-a-standing-legal-hold");

    private final String code;

    LegalHoldRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
