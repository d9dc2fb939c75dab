package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The record of a review was sent out; timeliness is measured against the local authority's own timescale.
 *
 * @param childId              the child's case ({@link FieldRule#IDENTIFIER})
 * @param reviewId             the review whose record was distributed ({@link FieldRule#IDENTIFIER})
 * @param distributedOn        the date it was sent
 * @param childFriendlyVersion whether a version written for the child went with it
 */
public record ReviewRecordDistributed(
        String childId,
        String reviewId,
        LocalDate distributedOn,
        boolean childFriendlyVersion) {
}
