package org.oversight.command.protection;

import org.oversight.command.rules.Rule;

/** The rules for a conference's papers: its outcome letter, the decisions to the agencies and its minutes. */
public enum PaperworkRule implements Rule {
    /** A paper, or the chair's minutes, is about a conference recorded in this child's history. */
    PAPER_NAMES_CONFERENCE("paper-names-a-recorded-conference"),
    /** A paper is sent on or after the day of its conference, and not before it is recorded as sent. */
    PAPER_SENT_AFTER_CONFERENCE("paper-sent-after-the-conference"),
    /** Each paper of a conference is sent once: a second copy is not a second sending. */
    PAPER_SENT_ONCE("paper-sent-once"),
    /** The minutes (full or abridged) are made from the chair's summary and analysis, so those are written first. */
    MINUTES_WRITTEN_BEFORE_SENT("minutes-written-before-they-are-sent"),
    /** The chair's summary is the heart of every paper; each passage of analysis says something. */
    NARRATIVE_HAS_SUMMARY("narrative-has-a-summary"),
    /** What the minutes said when they went out stands: minutes once sent are not rewritten. */
    MINUTES_FIXED_ONCE_SENT("minutes-fixed-once-sent");

    private final String code;

    PaperworkRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
