package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The decisions of a review were sent out (the "decision letter"), ahead of the full record; timeliness is
 * measured against the local authority's own timescale.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param reviewId the review whose decisions were sent ({@link FieldRule#IDENTIFIER})
 * @param sentOn   the date they were sent
 */
public record ReviewDecisionsSent(
        String childId,
        String reviewId,
        LocalDate sentOn) {
}
