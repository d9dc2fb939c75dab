package org.oversight.events.protection;

import org.oversight.events.fields.FieldRule;

/**
 * Why a conference about this child was not quorate, and what the chair decided about it.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId the conference, recorded as inquorate ({@link FieldRule#IDENTIFIER})
 * @param reason       why agencies were missing, as the chair put it ({@link FieldRule#FREE_TEXT}); personal
 * @param decision     what the chair decided
 * @param recordedBy   username of the chair who recorded it ({@link FieldRule#USERNAME})
 */
public record InquorateConferenceRecorded(
        String childId,
        String conferenceId,
        String reason,
        InquorateDecision decision,
        String recordedBy) {
}
