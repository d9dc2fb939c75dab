package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A care plan action will not be done: it no longer counts as outstanding or overdue.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId    the action cancelled ({@link FieldRule#IDENTIFIER})
 * @param cancelledOn the date it was cancelled
 * @param reason      why, as given by the person cancelling it ({@link FieldRule#FREE_TEXT})
 */
public record CarePlanActionCancelled(
        String childId,
        String actionId,
        LocalDate cancelledOn,
        String reason) {
}
