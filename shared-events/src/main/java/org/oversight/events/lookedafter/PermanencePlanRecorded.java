package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child's permanence plan was recorded or changed during a period of care.
 *
 * @param childId    the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId   the period of care the plan belongs to ({@link FieldRule#IDENTIFIER})
 * @param recordedOn the date the plan was made
 * @param plan       the plan from {@code recordedOn}
 * @param previous   the plan it replaces in this period, or {@code null} for the period's first plan
 */
public record PermanencePlanRecorded(
        String childId,
        String periodId,
        LocalDate recordedOn,
        PermanencePlan plan,
        PermanencePlan previous) {
}
