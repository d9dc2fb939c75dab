package org.oversight.events.lookedafter;

/** Why a review is brought forward before its normal due date (reg 33(3); a placement change under reg 30). */
public enum EarlyReviewReason {
    IRO_REQUEST("The IRO asked for it"),
    PLACEMENT_CHANGE("The placement is changing or has changed"),
    OTHER_SIGNIFICANT_CHANGE("Another significant change in the child's circumstances");

    private final String title;

    EarlyReviewReason(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
