package org.oversight.events.protection;

/** What the chair found when checking a child protection plan between conferences (a local practice). */
public enum PlanMidwayFinding {
    PLAN_ON_TRACK("The plan is on track"),
    CONCERNS_NOTED("Concerns noted about the plan's progress");

    private final String title;

    PlanMidwayFinding(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
