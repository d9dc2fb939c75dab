package org.oversight.events.lookedafter;

/** The child's part in chairing their own review. */
public enum ChildChairing {
    CHAIRED("The child chaired their review"),
    CO_CHAIRED("The child co-chaired their review with the IRO");

    private final String title;

    ChildChairing(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
