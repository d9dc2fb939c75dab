package org.oversight.events.access;

/**
 * Everything a person can ask of the service, as the access rules name it. Every endpoint declares exactly one
 * with {@link Access}; the rules for each are in {@link AccessPolicy}.
 */
public enum Operation {
    /** Read a child's record: page, summary, timeline, history, as-at views, integrity, exports, escalations. */
    READ_CHILD(true),
    /** Record a decision about a child, or open the form for one. */
    RECORD_FOR_CHILD(true),
    /** Allocate a chair to a child. */
    ALLOCATE_CHAIR(true),
    /** Restrict a child's record to named people, or lift the restriction. */
    RESTRICT_RECORD(true),
    /** Record a subject access request about a child's record, its extension, the copy's preparation and release. */
    RECORD_SUBJECT_ACCESS(true),
    /** Read the subject access requests about a child's record and the copies prepared for them. */
    READ_SUBJECT_ACCESS(true),
    /** Pass the responsibility for a child to another local authority. */
    TRANSFER_CHILD(true),
    /** Destroy a child's record at the end of its retention, or open the form for it. */
    DESTROY_RECORD(true),
    /** Read a child's retention and the legal holds on their record; place or lift a hold. */
    HOLD_RECORD(true),
    /** Read a child protection conference's outcome letter and minutes (full or abridged for the parents). */
    READ_CONFERENCE_PAPERS(true),
    /** Register a child with an authority the person works for. */
    REGISTER_CHILD(false),
    /** Find a child by name, date of birth or identifier, within what the person may see. */
    SEARCH_CHILDREN(false),
    /** A chair's own caseload (or, for a manager, a chair's caseload in their team). */
    READ_CASELOAD(false),
    /** A team's caseload. */
    READ_TEAM_CASELOAD(false),
    /** The service view: everything overdue today in the person's authorities. */
    READ_SERVICE(false),
    /** The escalation dashboard, lists and their exports for the person's authorities. */
    READ_ESCALATION_FIGURES(false),
    /** Aggregate figures across authorities: counts only, never a child. */
    READ_REGIONAL_FIGURES(false),
    /** An authority's local timescales. */
    READ_SETTINGS(false),
    /** Change an authority's local timescales. */
    CHANGE_SETTINGS(false),
    /** Who read which child, when and why. */
    READ_READ_LOG(false),
    /** Where the chain anchor stands. */
    READ_ANCHOR(false),
    /** Anchor every stream's head now. */
    ANCHOR_CHAIN(false),
    /** The records of the person's authorities due for destruction under the retention schedule. */
    READ_RETENTION(false),
    /** The projections' dead letters: list and retry. */
    OPERATE_PROJECTIONS(false),
    /** People, roles, authorities and teams. */
    MANAGE_PEOPLE(false),
    /** Pages every signed-in person has: the start page. */
    SIGNED_IN(false),
    /** Open to everyone, signed in or not: the sign-in page. */
    PUBLIC(false),
    /** Find a child whose subject access requests the person answers, within what they may answer. */
    SEARCH_SUBJECT_ACCESS(false),
    /** Read a child's characteristics (sex, ethnicity, unique pupil number, disability, language). */
    READ_CHARACTERISTICS(true),
    /** Make an authority's statutory returns and inspection lists (CIN census, Annex A), each child in them a read. */
    EXPORT_RETURNS(false),
    /** Bring an authority's history in from its statutory returns (SSDA903, CIN census), and read the reports. */
    IMPORT_HISTORY(false),
    /** The IRO report's figures for the person's authorities, without the children behind them. */
    READ_REPORT_FIGURES(false);

    private final boolean aboutAChild;

    Operation(boolean aboutAChild) {
        this.aboutAChild = aboutAChild;
    }

    /** Whether the answer depends on how the person stands to a particular child. */
    public boolean aboutAChild() {
        return aboutAChild;
    }
}
