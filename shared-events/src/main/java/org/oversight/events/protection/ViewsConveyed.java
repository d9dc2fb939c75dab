package org.oversight.events.protection;

/** How the child's wishes and feelings reached a conference: the basis of the participation figures. */
public enum ViewsConveyed {
    ATTENDED_SPOKE_FOR_SELF("Attended and spoke for themselves"),
    ATTENDED_WITH_ADVOCATE("Attended; an advocate or the chair spoke for them"),
    THROUGH_ADVOCATE("Did not attend; briefed an advocate who conveyed their views"),
    IN_WRITING_OR_OTHER_MEDIA("Did not attend; conveyed views in writing or another way"),
    /** Whether or not the child attended, no views of theirs reached the conference. */
    NOT_CONVEYED("No views conveyed"),
    /** The child is too young to give a view, or not yet born (always so at a pre-birth conference). */
    TOO_YOUNG_OR_UNBORN("Too young, or not yet born");

    private final String title;

    ViewsConveyed(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** True when the child's views reached the conference by any means. */
    public boolean participated() {
        return this != NOT_CONVEYED && this != TOO_YOUNG_OR_UNBORN;
    }
}
