package org.oversight.events.lookedafter;

/**
 * The child's participation in a review was recorded under the wrong code. The original event stays; from this
 * event on the review counts with {@code correctedTo}.
 *
 * @param childId     the child's case
 * @param reviewId    the review whose participation code is corrected
 * @param recordedAs  the code as it stood before this correction
 * @param correctedTo the code that describes how the child took part
 * @param reason      why the record was wrong, as given by the person correcting it
 */
public record ParticipationCorrected(
        String childId,
        String reviewId,
        ParticipationCode recordedAs,
        ParticipationCode correctedTo,
        String reason) {
}
