package org.oversight.events.protection;

/** What an initial conference decided for one child. */
public enum ConferenceOutcome {
    /** The child becomes the subject of a child protection plan from the conference date. */
    PLAN,
    /** The conference decided that no plan is needed. */
    NO_PLAN
}
