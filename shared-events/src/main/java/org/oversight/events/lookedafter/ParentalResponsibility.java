package org.oversight.events.lookedafter;

/** Whose wishes and feelings were sought for a review: a parent, or someone else with parental responsibility. */
public enum ParentalResponsibility {
    PARENT("A parent"),
    OTHER_WITH_PARENTAL_RESPONSIBILITY("Someone else with parental responsibility");

    private final String title;

    ParentalResponsibility(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
