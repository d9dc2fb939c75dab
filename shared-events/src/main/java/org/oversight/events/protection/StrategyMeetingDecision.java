package org.oversight.events.protection;

/** What a strategy meeting decided about a child. */
public enum StrategyMeetingDecision {
    SECTION_47_ENQUIRY("A section 47 enquiry"),
    NO_FURTHER_ACTION("No further action"),
    OTHER("Other action (for example a further strategy meeting or an assessment under section 17)");

    private final String title;

    StrategyMeetingDecision(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
