package org.oversight.events.lookedafter;

import org.oversight.events.fields.FieldRule;

/**
 * The child's participation in a review was recorded under the wrong code. The original event stays; from this
 * event on the review counts with {@code correctedTo}.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param reviewId    the review whose participation code is corrected ({@link FieldRule#IDENTIFIER})
 * @param recordedAs  the code as it stood before this correction
 * @param correctedTo the code that describes how the child took part
 * @param reason      why the record was wrong, as given by the person correcting it ({@link FieldRule#FREE_TEXT})
 */
public record ParticipationCorrected(
        String childId,
        String reviewId,
        ParticipationCode recordedAs,
        ParticipationCode correctedTo,
        String reason) {
}
