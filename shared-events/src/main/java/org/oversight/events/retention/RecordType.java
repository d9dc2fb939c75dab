package org.oversight.events.retention;

/**
 * The kinds of child's record a retention schedule distinguishes, from the most to the least a child's record can
 * hold: a child is of the first type whose facts are recorded for them (a child who was ever looked after is kept
 * as a looked-after child's record, whatever else is recorded).
 */
public enum RecordType {
    /**
     * A looked-after child's case record: kept until the 75th anniversary of the child's birth or, if the child
     * dies before 18, for 15 years beginning with the day of death (reg 50 of the Care Planning, Placement and
     * Case Review (England) Regulations 2010, SI 2010/959). Set by law, so no authority can change it.
     */
    LOOKED_AFTER(true, "A looked-after child's case record"),
    /** A child who was subject to a child protection plan and never looked after: the authority sets the period. */
    CHILD_PROTECTION_PLAN(false, "A child subject to a child protection plan, never looked after"),
    /** A child protection (section 47) enquiry that led to no plan: the authority sets the period. */
    CHILD_PROTECTION_ENQUIRY(false, "A child protection enquiry that led to no plan"),
    /** A child registered with no enquiry, plan or period of care recorded: the authority sets the period. */
    REGISTRATION_ONLY(false, "A child registered with no enquiry, plan or care recorded");

    private final boolean statutory;
    private final String title;

    RecordType(boolean statutory, String title) {
        this.statutory = statutory;
        this.title = title;
    }

    /** Whether the law sets the period, so that no local schedule may change it. */
    public boolean statutory() {
        return statutory;
    }

    public String title() {
        return title;
    }
}
