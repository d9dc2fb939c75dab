package org.oversight.events.lookedafter;

/** Where the social worker saw the child on a statutory visit (reg 28(1): wherever the child is living). */
public enum VisitPlace {
    HOME("Where the child lives"),
    SCHOOL("At school or college"),
    FAMILY_TIME("At family time (contact)"),
    OFFICE("At the office"),
    ELSEWHERE("Somewhere else");

    private final String title;

    VisitPlace(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
