package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The date a conference was recorded as held on was wrong. The original event stays; from this event on the
 * conference counts as held on {@code correctedTo}. A plan's dates move with the conference they come from: when
 * the conference started a plan, the plan's start date becomes {@code correctedTo} (CIN rule 2885); when a review
 * ended a plan, so does the plan's end date.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId the conference whose date is corrected ({@link FieldRule#IDENTIFIER})
 * @param recordedAs   the date as it stood before this correction
 * @param correctedTo  the date the conference was in fact held
 * @param reason       why the record was wrong, as given by the person correcting it ({@link FieldRule#FREE_TEXT})
 */
public record ConferenceDateCorrected(
        String childId,
        String conferenceId,
        LocalDate recordedAs,
        LocalDate correctedTo,
        String reason) {
}
