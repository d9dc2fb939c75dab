package org.oversight.events.retention;

import org.oversight.events.fields.FieldRule;

/**
 * A data officer or administrator placed a legal hold on a child's record: it is not destroyed, whatever its
 * retention period says, until every hold on it is lifted. Who placed it, and when, is in the event's metadata.
 *
 * @param childId the child's case ({@link FieldRule#IDENTIFIER})
 * @param reason  why the record is held; a record holds at most one hold for each reason
 * @param note    what the hold is for, for example the inquiry's name ({@link FieldRule#FREE_TEXT})
 */
public record LegalHoldPlaced(String childId, HoldReason reason, String note) {
}
