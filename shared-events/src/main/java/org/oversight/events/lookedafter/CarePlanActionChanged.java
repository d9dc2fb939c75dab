package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A care plan action was changed after it was agreed: each field carries the action as it now stands, so a
 * reader needs no earlier event to know it; the earlier wording stays in the history.
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId  the action changed ({@link FieldRule#IDENTIFIER})
 * @param action    what is now to be done ({@link FieldRule#FREE_TEXT})
 * @param owner     who is now responsible ({@link FieldRule#SHORT_TEXT})
 * @param dueOn     the date by which it is now to be done
 * @param reason    why it was changed, as given by the person changing it ({@link FieldRule#FREE_TEXT})
 * @param changedOn the date of the change
 */
public record CarePlanActionChanged(
        String childId,
        String actionId,
        String action,
        String owner,
        LocalDate dueOn,
        String reason,
        LocalDate changedOn) {
}
