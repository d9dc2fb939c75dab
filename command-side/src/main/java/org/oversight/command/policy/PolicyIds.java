package org.oversight.command.policy;

import org.oversight.events.StreamIds;

/** A local authority's settings form one stream, named after the authority's code. */
public final class PolicyIds {

    private PolicyIds() {
    }

    public static String policyId(String localAuthority) {
        return StreamIds.POLICY + (localAuthority == null ? "" : localAuthority.strip());
    }
}
