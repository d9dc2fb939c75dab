package org.oversight.events.lookedafter;

/**
 * The SSDA903 legal status code ({@code LS}) under which a child is looked after. Titles are short forms of
 * the DfE's descriptions, for screens and reports; the code is what the return carries.
 */
public enum LegalStatus {
    C1("Interim care order"),
    C2("Full care order"),
    /** Made under the Adoption Act 1976; no new freeing orders since 30 December 2005 (903 rule 445). */
    D1("Freeing order"),
    E1("Placement order (authority to place for adoption)"),
    J1("Remanded to local authority or youth detention accommodation"),
    J2("In local authority accommodation under the Police and Criminal Evidence Act 1984"),
    J3("Youth rehabilitation order with a residence or intensive fostering requirement"),
    L1("In police protection and local authority accommodation"),
    L2("Emergency protection order"),
    L3("Child assessment order, in local authority accommodation"),
    V2("Accommodated under section 20 (a single period)"),
    /** A planned series of short breaks (respite), recorded stay by stay. */
    V3("Series of short breaks, each stay recorded"),
    /** A planned series of short breaks (respite), recorded as the agreement rather than stay by stay. */
    V4("Series of short breaks, recorded as an agreement");

    private final String title;

    LegalStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * Whether this status covers only a planned series of short breaks. Such a period is reviewed on the schedule
     * of reg 48(3)(d) of SI 2010/959 rather than reg 33's; 903 rule 399 keeps those reviews out of the SSDA903
     * return only.
     */
    public boolean isShortBreak() {
        return this == V3 || this == V4;
    }
}
