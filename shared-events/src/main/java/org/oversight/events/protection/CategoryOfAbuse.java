package org.oversight.events.protection;

/** The CIN census code set for the category of abuse under which a child is subject to a plan. */
public enum CategoryOfAbuse {
    NEG("Neglect"),
    PHY("Physical abuse"),
    SAB("Sexual abuse"),
    EMO("Emotional abuse"),
    /** Accepted by the census, but the DfE does not recommend it: a plan should name the main category. */
    MUL("Multiple");

    private final String title;

    CategoryOfAbuse(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
