package org.oversight.events.protection;

import java.util.List;

/**
 * The agencies a child protection conference records as attending. Children's social care has one name, kept here:
 * the command side's quoracy rule looks for it in an attendance and the conference form offers and ticks it, so
 * the two cannot drift apart (a label edited in one place only would make every conference inquorate).
 */
public final class ConferenceAgencies {

    /** The agency that stands for children's social care in a conference's attendance. */
    public static final String CHILDRENS_SOCIAL_CARE = "Children's social care";

    /** The agencies a conference form offers by default, children's social care first. */
    public static final List<String> DEFAULT = List.of(CHILDRENS_SOCIAL_CARE, "Police", "Health visitor",
            "School nurse", "GP", "Midwife", "School", "Early years setting", "Adult mental health services",
            "Substance misuse services", "Domestic abuse service", "Housing", "Probation");

    /**
     * The widely used quoracy rule's number of agencies besides children's social care (two): what the command
     * side's default policy enforces and what the settings pages show, from this one place.
     */
    public static final int DEFAULT_MINIMUM_OTHER_AGENCIES = 2;

    private ConferenceAgencies() {
    }
}
