package org.oversight.events.lookedafter;

/** What the IRO found when checking the care plan's progress between reviews (a local practice). */
public enum MidwayFinding {
    PLAN_ON_TRACK("The care plan is on track"),
    CONCERNS_NOTED("Concerns noted about the care plan's progress");

    private final String title;

    MidwayFinding(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
