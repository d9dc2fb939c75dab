package org.oversight.events.lookedafter;

import org.oversight.events.fields.FieldRule;

/**
 * The child chaired, or co-chaired with the IRO, a review already recorded. Recorded apart from the review so that
 * reviews recorded before it could be said keep their shape.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param reviewId the review ({@link FieldRule#IDENTIFIER})
 * @param chairing chaired or co-chaired
 * @param iroId    username of the IRO who recorded it ({@link FieldRule#USERNAME})
 */
public record ChildChairedReview(
        String childId,
        String reviewId,
        ChildChairing chairing,
        String iroId) {
}
