package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A review was asked for before its normal due date (reg 33(3)). The request starts a clock of its own, due within
 * the local authority's early-review timescale and met by the next review held; it moves no date of the reg 33
 * schedule (the review that meets it does, as every review does).
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId    the period of care the review belongs to ({@link FieldRule#IDENTIFIER})
 * @param requestedOn the date the early review was asked for
 * @param reason      why
 * @param iroId       username of the IRO who asked for or recorded the request ({@link FieldRule#USERNAME})
 */
public record EarlyReviewRequested(
        String childId,
        String periodId,
        LocalDate requestedOn,
        EarlyReviewReason reason,
        String iroId) {
}
