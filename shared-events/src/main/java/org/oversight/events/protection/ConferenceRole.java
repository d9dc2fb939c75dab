package org.oversight.events.protection;

/**
 * The part a person plays at a child protection conference. People are recorded by role, never by account: the
 * family and the agencies are not users of the service.
 */
public enum ConferenceRole {
    CHILD("The child", true),
    PARENT("A parent", true),
    CARER("A carer", true),
    AGENCY("An agency", false),
    ADVOCATE("An advocate", false),
    INTERPRETER("An interpreter", false);

    private final String title;
    private final boolean family;

    ConferenceRole(String title, boolean family) {
        this.title = title;
        this.family = family;
    }

    public String title() {
        return title;
    }

    /** The child and the adults caring for them: a name given for them is personal content. */
    public boolean family() {
        return family;
    }
}
