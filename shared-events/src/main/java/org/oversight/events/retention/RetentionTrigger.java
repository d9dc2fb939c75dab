package org.oversight.events.retention;

/** The day a locally set retention period is counted from. */
public enum RetentionTrigger {
    /** The child's date of birth: "until the 25th birthday" is 25 years from birth. */
    BIRTH("the child's date of birth"),
    /**
     * The day the record's last involvement closed: the end of the last child protection plan, the last day
     * recorded in an enquiry that led to no plan, the registration of a child with nothing else recorded.
     */
    CLOSURE("the day the last involvement closed");

    private final String title;

    RetentionTrigger(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
