package org.oversight.command.lookedafter;

import org.oversight.command.rules.Rule;

/**
 * The rules of the child's health assessments, dental checks and personal education plan as the IRO records them.
 * The rules every dated fact of the journey shares (an open period, not in the future, not before the period
 * started) are {@link LookedAfterRule}s.
 */
public enum HealthAndEducationRule implements Rule {
    /** A period of care has one initial health assessment (reg 7(1) of SI 2010/959); later ones are reviews. */
    INITIAL_ASSESSMENT_ONCE("initial-health-assessment-once"),
    /**
     * Reg 7(2): an assessment made within the three months before the placement, with its written report, stands
     * as the initial assessment, so one may be dated up to three calendar months before the period started (on
     * that day is accepted; a start on the 31st looks back to the last day of a shorter month), never earlier.
     */
    INITIAL_ASSESSMENT_WITHIN_THREE_MONTHS("initial-health-assessment-within-three-months-of-start"),
    /**
     * The review assessments of reg 7(3) review what the initial one found: none is dated before the period's
     * initial assessment, and an initial assessment is not dated after a review already recorded (same day accepted).
     */
    ASSESSMENTS_IN_ORDER("health-assessments-in-order");

    private final String code;

    HealthAndEducationRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
