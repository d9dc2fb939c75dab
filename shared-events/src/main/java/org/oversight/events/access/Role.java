package org.oversight.events.access;

/**
 * What a person does in the service. A person may hold several roles; each role is granted within the local
 * authorities the person belongs to, never beyond them.
 */
public enum Role {
    /** An IRO or child protection conference chair: records decisions for the children allocated to them. */
    CHAIR("Chair"),
    /** Allocates chairs, arranges cover and sees the team's caseload. */
    TEAM_MANAGER("Team manager"),
    /** A QA lead or service manager: the authority's figures and escalations. */
    QA_LEAD("QA lead"),
    /** Reads children's records and histories within the authorities audited; never writes. */
    AUDITOR("Auditor"),
    /** Runs returns, exports and imports and handles the projections' dead letters for the authority. */
    DATA_OFFICER("Data officer"),
    /** Accounts and settings; a child's record only to answer a subject access request about it. */
    ADMIN("Administrator"),
    /** Aggregate figures across the authorities granted: never a child. */
    REGIONAL_VIEWER("Regional viewer");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    /** The role as a person would name it. */
    public String title() {
        return title;
    }
}
