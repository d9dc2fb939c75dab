package org.oversight.events.lookedafter;

/**
 * How the child took part in a looked-after review: the SSDA903 {@code REVIEW_CODE}. PN0 is for a child under
 * 4 at the review and PN1 to PN7 for a child of 4 or over (903 rules 440 and 441).
 */
public enum ParticipationCode {
    PN0("Child under 4 at the review"),
    PN1("Attended and spoke for themselves"),
    PN2("Attended; an advocate or the IRO spoke for them"),
    PN3("Attended and conveyed their views non-verbally"),
    PN4("Attended without contributing"),
    PN5("Did not attend; briefed an advocate or the IRO"),
    PN6("Did not attend; conveyed their views another way (text to the chair, letter, phone, video)"),
    PN7("Did not attend and no views were conveyed");

    private final String title;

    ParticipationCode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** PN0 records only that the child was under 4; every other code describes a child of 4 or over. */
    public boolean forChildUnderFour() {
        return this == PN0;
    }
}
