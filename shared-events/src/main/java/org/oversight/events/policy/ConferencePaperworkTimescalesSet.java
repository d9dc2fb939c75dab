package org.oversight.events.policy;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An administrator set a local authority's timescales for a child protection conference's papers. Working
 * Together leaves them to the local safeguarding partners: the outcome letter to the parents and the decisions to
 * the agencies commonly within 1 working day of the conference, the full minutes within 15 or 20. Kept apart from
 * {@link PolicySettingsChanged} so that these timescales change on their own. Until the first is recorded the
 * authority works to {@link #DEFAULT_DECISIONS_WORKING_DAYS} and {@link #DEFAULT_MINUTES_WORKING_DAYS}.
 *
 * @param localAuthority         the authority ({@link FieldRule#CODE})
 * @param effectiveFrom          the first conference date the timescales apply to
 * @param decisionsWorkingDays   working days after the conference to send the outcome letter and the decisions
 * @param minutesWorkingDays     working days after the conference to send the minutes
 * @param reason                 why ({@link FieldRule#FREE_TEXT})
 */
public record ConferencePaperworkTimescalesSet(
        String localAuthority,
        LocalDate effectiveFrom,
        int decisionsWorkingDays,
        int minutesWorkingDays,
        String reason) {

    public static final int DEFAULT_DECISIONS_WORKING_DAYS = 1;
    public static final int DEFAULT_MINUTES_WORKING_DAYS = 15;
}
