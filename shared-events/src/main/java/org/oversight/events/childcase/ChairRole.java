package org.oversight.events.childcase;

/** The two independent chairing roles a child can have a person allocated to, possibly the same person. */
public enum ChairRole {
    /** Independent Reviewing Officer: chairs a looked-after child's statutory reviews. */
    IRO("Independent Reviewing Officer"),
    /** Child Protection Conference Chair: chairs initial, review and pre-birth conferences. */
    CP_CHAIR("Child protection chair");

    private final String title;

    ChairRole(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
