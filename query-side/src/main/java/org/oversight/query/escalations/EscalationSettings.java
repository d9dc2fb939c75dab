package org.oversight.query.escalations;

/**
 * The local settings the escalation clocks read.
 *
 * @param responseWorkingDays working days each formal level has to respond (see {@link EscalationsConfiguration})
 */
public record EscalationSettings(int responseWorkingDays) {

    public EscalationSettings {
        if (responseWorkingDays < 1) {
            throw new IllegalArgumentException(
                    "oversight.escalations.response-working-days must be at least 1, was " + responseWorkingDays);
        }
    }
}
