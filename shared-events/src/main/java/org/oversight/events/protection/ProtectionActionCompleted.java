package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An action of the child protection plan was done.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId    the action ({@link FieldRule#IDENTIFIER})
 * @param completedOn the date it was done
 */
public record ProtectionActionCompleted(String childId, String actionId, LocalDate completedOn) {
}
