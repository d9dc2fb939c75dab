package org.oversight.command.policy;

import org.oversight.command.rules.Rule;

/** The rules that keep a local authority's timescales sensible and their history honest. */
public enum PolicyRule implements Rule {
    /** Settings are recorded for a local authority the service covers. */
    LOCAL_AUTHORITY_KNOWN("local-authority-known"),
    /**
     * New settings take effect today or later: a clock is judged by the settings in force when it started, so
     * backdating would silently change judgements already made.
     */
    EFFECTIVE_FROM_NOT_IN_PAST("settings-effective-from-not-in-past"),
    /** Versions follow one another: a change takes effect no earlier than the change before it. */
    EFFECTIVE_IN_ORDER("settings-effective-in-order"),
    /** Each timescale lies within the range the platform can judge sensibly (see the messages). */
    WITHIN_RANGE("setting-within-range"),
    /** Response times are set only for the authority's own escalation levels. */
    LEVEL_CONFIGURED("escalation-level-configured"),
    /** A change changes something. */
    SOMETHING_CHANGES("settings-must-change"),
    /** A meeting type an authority adds has a code and a title no other type it keeps has. */
    MEETING_TYPE_UNIQUE("meeting-type-unique"),
    /** Each service a child's letter names can be reached: by phone, on the web or both. */
    CONTACT_REACHABLE("contact-reachable"),
    /** The date an authority's core groups are recorded from is today or earlier: a later one would hide clocks now running. */
    CORE_GROUPS_RECORDED_FROM_NOT_IN_FUTURE("core-groups-recorded-from-not-in-future");

    private final String code;

    PolicyRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
