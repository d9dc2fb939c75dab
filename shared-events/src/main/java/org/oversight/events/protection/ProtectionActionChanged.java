package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An open action of the child protection plan was changed: its wording, who is responsible or when it is due.
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId  the action ({@link FieldRule#IDENTIFIER})
 * @param action    what is now to be done ({@link FieldRule#FREE_TEXT})
 * @param owner     who is now responsible ({@link FieldRule#SHORT_TEXT})
 * @param dueOn     the date it is now due
 * @param reason    why it changed ({@link FieldRule#FREE_TEXT})
 * @param changedOn the date of the change
 */
public record ProtectionActionChanged(
        String childId,
        String actionId,
        String action,
        String owner,
        LocalDate dueOn,
        String reason,
        LocalDate changedOn) {
}
