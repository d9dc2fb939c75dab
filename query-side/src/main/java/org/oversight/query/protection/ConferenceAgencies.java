package org.oversight.query.protection;

import java.util.List;

/**
 * The agencies a conference form offers to tick. Children's social care is named exactly as the command
 * side's quoracy rule expects (social care plus at least two other agencies).
 */
final class ConferenceAgencies {

    static final String CHILDRENS_SOCIAL_CARE = "Children's social care";

    static final List<String> OFFERED = List.of(CHILDRENS_SOCIAL_CARE, "Police", "Health visitor", "School nurse",
            "GP", "Midwife", "School", "Early years setting", "Adult mental health services",
            "Substance misuse services", "Domestic abuse service", "Housing", "Probation");

    private ConferenceAgencies() {
    }
}
