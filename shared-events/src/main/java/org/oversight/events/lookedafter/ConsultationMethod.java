package org.oversight.events.lookedafter;

/** How the IRO spoke to the child, or heard from them, before a review. */
public enum ConsultationMethod {
    IN_PERSON("In person"),
    VIDEO_CALL("Video call"),
    PHONE("Phone"),
    WRITTEN("In writing (letter, message or consultation form)"),
    THROUGH_ADVOCATE("Through an advocate"),
    OTHER("Another way");

    private final String title;

    ConsultationMethod(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
