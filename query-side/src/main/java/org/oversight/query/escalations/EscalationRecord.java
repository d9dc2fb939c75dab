package org.oversight.query.escalations;

import java.util.List;

/**
 * One escalation in full, for its own page and the API: what it is, what was asked, every step and how it
 * stands against its clocks today.
 */
public record EscalationRecord(EscalationSummary summary, String asked, List<EscalationStep> steps,
        Timeliness timeliness) {

    public EscalationRecord {
        steps = List.copyOf(steps);
    }
}
