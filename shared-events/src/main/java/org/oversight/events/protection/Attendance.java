package org.oversight.events.protection;

/** How much of a conference someone invited to it attended. */
public enum Attendance {
    ALL("attended all of it"),
    PART("attended part of it"),
    NONE("did not attend");

    private final String words;

    Attendance(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
