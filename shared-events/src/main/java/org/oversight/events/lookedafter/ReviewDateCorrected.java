package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The date a review was recorded as held on was wrong. The original event stays; from this event on the review
 * counts as held on {@code correctedTo}, and every due date derived from it moves with it.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param reviewId    the review whose date is corrected ({@link FieldRule#IDENTIFIER})
 * @param recordedAs  the date as it stood before this correction
 * @param correctedTo the date the review was in fact held
 * @param reason      why the record was wrong, as given by the person correcting it ({@link FieldRule#FREE_TEXT})
 */
public record ReviewDateCorrected(
        String childId,
        String reviewId,
        LocalDate recordedAs,
        LocalDate correctedTo,
        String reason) {
}
