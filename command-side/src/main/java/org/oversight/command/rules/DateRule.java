package org.oversight.command.rules;

/**
 * The bounds every dated decision about a child meets, whichever part of the domain records it: a date a chair
 * types can be wrong by centuries, and such a date would be taken at its word by every clock derived from it.
 * Applied through {@link DecisionDates}.
 */
public enum DateRule implements Rule {
    /**
     * A decision about a child is dated no earlier than the child's life in the service allows: the date of
     * birth, or for a child registered before birth {@value DecisionDates#PRE_BIRTH_DAYS} days (42 weeks, a
     * full pregnancy) before the expected date of delivery, when pre-birth work can begin.
     */
    NOT_BEFORE_CHILD("date-not-before-child");

    private final String code;

    DateRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
