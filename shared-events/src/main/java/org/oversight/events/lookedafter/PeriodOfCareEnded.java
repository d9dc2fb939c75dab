package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child stopped being looked after: the period of care ended ({@code DEC} and {@code REC} of its last
 * episode). No further reviews fall due for this period.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId the period that ended ({@link FieldRule#IDENTIFIER})
 * @param endedOn  the date the child stopped being looked after
 * @param reason   why the period ended
 */
public record PeriodOfCareEnded(
        String childId,
        String periodId,
        LocalDate endedOn,
        ReasonPeriodEnded reason) {
}
