package org.oversight.events.lookedafter;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * A statutory looked-after review was held (reg 33), chaired by the IRO. The care plan actions agreed at it
 * follow as {@link CarePlanActionAgreed} events recorded with it. The next review's due date is derived from
 * {@code heldOn}: 3 months after the first review, 6 months after later ones.
 *
 * @param childId                the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId               the period of care the review belongs to ({@link FieldRule#IDENTIFIER})
 * @param reviewId               identifies this review in the child's history ({@link FieldRule#IDENTIFIER})
 * @param heldOn                 the date the review was held
 * @param participation          how the child took part (the SSDA903 {@code REVIEW_CODE})
 * @param spokeToChildBeforehand whether the IRO spoke to the child before the review
 * @param decisions              the review's decisions, in the order the IRO recorded them
 *                               ({@link FieldRule#FREE_TEXT})
 * @param recommendations        the review's recommendations, in the order the IRO recorded them
 *                               ({@link FieldRule#FREE_TEXT})
 * @param iroId                  username of the IRO who chaired the review ({@link FieldRule#USERNAME})
 * @param iroName                that IRO's display name when the review was recorded
 */
public record LookedAfterReviewHeld(
        String childId,
        String periodId,
        String reviewId,
        LocalDate heldOn,
        ParticipationCode participation,
        boolean spokeToChildBeforehand,
        List<String> decisions,
        List<String> recommendations,
        String iroId,
        String iroName) {

    public LookedAfterReviewHeld {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }
}
