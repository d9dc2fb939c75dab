package org.oversight.events.protection;

/**
 * The papers that follow a child protection conference. The outcome letter to the parents and the decisions sent
 * to the agencies go out within a day or so; the full minutes (to the agencies) and the minutes abridged for the
 * parents, with third parties' information withheld, follow within the local authority's longer timescale.
 */
public enum ConferencePaper {
    OUTCOME_LETTER("Outcome letter to the parents", true),
    AGENCY_DECISIONS("Decisions sent to the agencies", true),
    MINUTES("Full minutes", false),
    PARENTS_MINUTES("Minutes for the parents (abridged)", false);

    private final String title;
    private final boolean decisions;

    ConferencePaper(String title, boolean decisions) {
        this.title = title;
        this.decisions = decisions;
    }

    public String title() {
        return title;
    }

    /** Whether the paper carries the decisions alone, on the short timescale; otherwise it is the minutes. */
    public boolean decisions() {
        return decisions;
    }
}
