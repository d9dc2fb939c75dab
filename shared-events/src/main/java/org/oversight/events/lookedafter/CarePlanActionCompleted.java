package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A care plan action was done. Whether it was done on time is derived from the action's due date.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId    the action completed ({@link FieldRule#IDENTIFIER})
 * @param completedOn the date it was done
 */
public record CarePlanActionCompleted(
        String childId,
        String actionId,
        LocalDate completedOn) {
}
