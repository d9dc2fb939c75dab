package org.oversight.events.lookedafter;

import java.time.LocalDate;

/**
 * The child stopped being looked after: the period of care ended ({@code DEC} and {@code REC} of its last
 * episode). No further reviews fall due for this period.
 *
 * @param childId  the child's case
 * @param periodId the period that ended
 * @param endedOn  the date the child stopped being looked after
 * @param reason   why the period ended
 */
public record PeriodOfCareEnded(
        String childId,
        String periodId,
        LocalDate endedOn,
        ReasonPeriodEnded reason) {
}
