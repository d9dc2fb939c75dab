package org.oversight.query.policy;

import java.util.List;
import org.oversight.events.protection.ConferenceAgencies;

/**
 * The quoracy rule a local authority's child protection conferences are held to, as an administrator reads it:
 * the agency that must attend, how many others besides it, and the agencies a conference form offers. Quoracy is
 * local policy, decided on the command side by its {@code QuoracyPolicy}; a deployment that declares its own
 * policy there declares the matching bean of this type here, so the settings pages say what is enforced.
 */
public interface ConferenceQuoracy {

    /** The rule for one local authority. */
    Rule rule(String localAuthority);

    /**
     * @param requiredAgency       the agency without which no conference is quorate
     * @param minimumOtherAgencies how many other agencies must attend besides it
     * @param agenciesOffered      the agencies a conference form offers, the required one first
     */
    record Rule(String localAuthority, String requiredAgency, int minimumOtherAgencies,
            List<String> agenciesOffered) {
    }

    /** The widely used rule, the same in every authority: children's social care and two other agencies. */
    ConferenceQuoracy DEFAULT = localAuthority -> new Rule(localAuthority, ConferenceAgencies.CHILDRENS_SOCIAL_CARE,
            ConferenceAgencies.DEFAULT_MINIMUM_OTHER_AGENCIES, ConferenceAgencies.DEFAULT);
}
