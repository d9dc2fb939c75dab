package org.oversight.command.policy;

/** A local authority's settings form one stream, named after the authority's code. */
public final class PolicyIds {

    private PolicyIds() {
    }

    public static String policyId(String localAuthority) {
        return "policy-" + (localAuthority == null ? "" : localAuthority.strip());
    }
}
