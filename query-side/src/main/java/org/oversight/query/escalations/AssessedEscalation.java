package org.oversight.query.escalations;

/** An escalation with how it stands against its clocks on the day asked about: what lists and counts use. */
public record AssessedEscalation(EscalationSummary escalation, Timeliness timeliness) {

    public EscalationProgress progress() {
        return escalation.progress();
    }
}
