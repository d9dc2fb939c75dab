package org.oversight.query.escalations;

/** Whether an escalation is still running. A Cafcass referral does not close it. */
public enum EscalationStatus {
    OPEN("Open"),
    RESOLVED("Resolved"),
    WITHDRAWN("Withdrawn");

    private final String title;

    EscalationStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
