package org.oversight.query.escalations;

/** What happened to an escalation, one kind per escalation event. */
public enum StepKind {
    RAISED("Raised"),
    MOVED_UP("Moved up"),
    RESPONSE_RECEIVED("Response received"),
    RESPONSE_REJECTED("Response rejected"),
    RESOLVED("Resolved"),
    WITHDRAWN("Withdrawn"),
    REFERRED_TO_CAFCASS("Referred to Cafcass");

    private final String title;

    StepKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
