package org.oversight.events.retention;

import org.oversight.events.fields.FieldRule;

/**
 * The hold placed on a child's record for {@code reason} was lifted: once no hold is left, the record is judged
 * by its retention period again.
 *
 * @param childId the child's case ({@link FieldRule#IDENTIFIER})
 * @param reason  the reason of the hold lifted
 * @param note    why it is lifted, for example that the proceedings ended ({@link FieldRule#FREE_TEXT})
 */
public record LegalHoldLifted(String childId, HoldReason reason, String note) {
}
