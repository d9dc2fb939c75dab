package org.oversight.command.protection;

import org.oversight.events.protection.ConferenceAgencies;

/**
 * The widely used rule: children's social care and at least two other agencies, in every local authority.
 * A deployment with local-authority settings declares its own {@link QuoracyPolicy} bean instead.
 */
public final class DefaultQuoracyPolicy implements QuoracyPolicy {

    public static final int OTHER_AGENCIES = ConferenceAgencies.DEFAULT_MINIMUM_OTHER_AGENCIES;

    @Override
    public int minimumOtherAgencies(String localAuthority) {
        return OTHER_AGENCIES;
    }
}
