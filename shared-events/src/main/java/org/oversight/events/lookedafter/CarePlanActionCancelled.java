package org.oversight.events.lookedafter;

import java.time.LocalDate;

/**
 * A care plan action will not be done: it no longer counts as outstanding or overdue.
 *
 * @param childId     the child's case
 * @param actionId    the action cancelled
 * @param cancelledOn the date it was cancelled
 * @param reason      why, as given by the person cancelling it
 */
public record CarePlanActionCancelled(
        String childId,
        String actionId,
        LocalDate cancelledOn,
        String reason) {
}
