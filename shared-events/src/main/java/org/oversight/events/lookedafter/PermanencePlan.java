package org.oversight.events.lookedafter;

/** The plan for where and with whom the child will grow up; inspectors expect one by the second review. */
public enum PermanencePlan {
    RETURN_HOME("Return home to parents or family"),
    ADOPTION("Adoption"),
    SPECIAL_GUARDIANSHIP("Special guardianship"),
    CHILD_ARRANGEMENTS_ORDER("Child arrangements order"),
    LONG_TERM_FOSTERING("Long-term fostering"),
    SUPPORTED_LIVING_OR_INDEPENDENCE("Supported living or independence"),
    RESIDENTIAL_CARE("Residential care"),
    OTHER("Another plan");

    private final String title;

    PermanencePlan(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
