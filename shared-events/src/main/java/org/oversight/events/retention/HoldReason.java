package org.oversight.events.retention;

/** Why a child's record is held beyond its retention period. */
public enum HoldReason {
    INQUIRY("A public or statutory inquiry"),
    LITIGATION("A claim or court proceedings, begun or expected"),
    COMPLAINT("A complaint, or a review by an ombudsman, not yet concluded"),
    POLICE_INVESTIGATION("A police investigation");

    private final String title;

    HoldReason(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
