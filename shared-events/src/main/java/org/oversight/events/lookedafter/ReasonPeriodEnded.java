package org.oversight.events.lookedafter;

/**
 * Why a period of care ended: the SSDA903 reason episode ceased ({@code REC}) codes that close a period.
 * {@code X1} ("episode ceases and a new one begins the same day") is deliberately not a member: it records a
 * change inside a period, which Oversight records as a legal status or placement change, not as an end.
 * Titles are short forms of the DfE's descriptions.
 */
public enum ReasonPeriodEnded {
    E11("Adopted, the adoption application unopposed"),
    E12("Adopted, the court having dispensed with consent"),
    E2("Died"),
    E3("Care taken over by another local authority in the UK"),
    E4A("Returned home to a parent or other person with parental responsibility, as part of care planning"),
    E4B("Returned home to a parent or other person with parental responsibility, not as part of care planning"),
    E13("Left care to live with a parent, relative or other person without parental responsibility"),
    E41("Child arrangements order (before 22 April 2014, residence order) naming who the child lives with"),
    E45("Special guardianship order to former foster carers who are relatives or friends"),
    E46("Special guardianship order to former foster carers who are not relatives or friends"),
    E47("Special guardianship order to other carers who are relatives or friends"),
    E48("Special guardianship order to other carers who are not relatives or friends"),
    E5("Moved to independent living with formal advice and support"),
    E6("Moved to independent living without formal advice and support"),
    E7("Moved to residential care funded by adult social care"),
    E9("Sentenced to custody"),
    E14("Accommodation on remand ended"),
    E15("Age assessment found the young person to be 18 or over"),
    E16("Moved abroad"),
    E17("Aged 18 or over and stayed with their carers, including staying put"),
    E8("Stopped being looked after for another reason");

    private final String title;

    ReasonPeriodEnded(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
