package org.oversight.events.protection;

/** Why a child stopped being the subject of a child protection plan. */
public enum PlanEndReason {
    NO_LONGER_AT_RISK("No longer at continuing risk of significant harm"),
    TRANSFERRED_TO_ANOTHER_AUTHORITY("Transferred to another local authority"),
    BECAME_LOOKED_AFTER("Became looked after"),
    REACHED_18("Reached 18"),
    DIED("Died"),
    OTHER("Other"),
    /** The return the plan's end was imported from does not say why it ended (the CIN census has no reason). */
    NOT_RECORDED("Not recorded in the return");

    private final String title;

    PlanEndReason(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
