package org.oversight.events.protection;

/** The kinds of child protection conference a chair holds. */
public enum ConferenceType {
    /** The initial child protection conference (ICPC) that follows a section 47 enquiry. */
    INITIAL("Initial child protection conference"),
    /** An initial conference about an unborn child, following a pre-birth section 47 enquiry. */
    PRE_BIRTH("Pre-birth conference"),
    /** An initial conference for a child who arrives on another authority's plan; no enquiry here precedes it. */
    TRANSFER_IN("Transfer-in conference"),
    /** A review of a child's plan: it continues or ends. */
    REVIEW("Review conference");

    private final String title;

    ConferenceType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** True for the conferences that decide whether a plan starts (all but {@link #REVIEW}). */
    public boolean initial() {
        return this != REVIEW;
    }
}
