package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An open action of the child protection plan was cancelled.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId    the action ({@link FieldRule#IDENTIFIER})
 * @param cancelledOn the date it was cancelled
 * @param reason      why ({@link FieldRule#FREE_TEXT})
 */
public record ProtectionActionCancelled(String childId, String actionId, LocalDate cancelledOn, String reason) {
}
