package org.oversight.events.lookedafter;

import java.time.LocalDate;

/**
 * A care plan action was done. Whether it was done on time is derived from the action's due date.
 *
 * @param childId     the child's case
 * @param actionId    the action completed
 * @param completedOn the date it was done
 */
public record CarePlanActionCompleted(
        String childId,
        String actionId,
        LocalDate completedOn) {
}
