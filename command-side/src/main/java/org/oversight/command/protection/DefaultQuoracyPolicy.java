package org.oversight.command.protection;

/**
 * The widely used rule: children's social care and at least two other agencies, in every local authority.
 * A deployment with local-authority settings declares its own {@link QuoracyPolicy} bean instead.
 */
public final class DefaultQuoracyPolicy implements QuoracyPolicy {

    public static final int OTHER_AGENCIES = 2;

    @Override
    public int minimumOtherAgencies(String localAuthority) {
        return OTHER_AGENCIES;
    }
}
