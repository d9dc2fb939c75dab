package org.oversight.events.subjectaccess;

/**
 * How the person asking for a child's record stands to the child. Only the child or a person with parental
 * responsibility for them asks through this route; anyone else's request is not a subject access request about
 * the child.
 */
public enum RequesterRelationship {
    CHILD("The child themself"),
    PARENT("A parent with parental responsibility"),
    SPECIAL_GUARDIAN("A special guardian"),
    OTHER_PARENTAL_RESPONSIBILITY("Another person with parental responsibility");

    private final String title;

    RequesterRelationship(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
