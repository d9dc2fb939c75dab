package org.oversight.events.protection;

/** What a chair decided about a conference that was not quorate. */
public enum InquorateDecision {
    /** The conference is to be reconvened with enough agencies; nothing was decided about a plan. */
    RECONVENE("The conference is to be reconvened"),
    /** A review went ahead: the plan continues until a quorate review (it cannot end at this one). */
    PLAN_CONTINUES_UNTIL_QUORATE_REVIEW("The plan continues until a quorate review"),
    /** An initial conference went ahead and decided that no plan was needed, which needs no quorum. */
    PROCEEDED_NO_PLAN("The conference went ahead and decided on no plan");

    private final String title;

    InquorateDecision(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
