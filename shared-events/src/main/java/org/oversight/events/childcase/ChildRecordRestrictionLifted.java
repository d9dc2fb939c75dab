package org.oversight.events.childcase;

/**
 * The restriction on a child's record was lifted: the record is seen again by whoever the access rules allow.
 *
 * @param childId the child's case
 * @param reason  why, in the words of the person lifting it
 */
public record ChildRecordRestrictionLifted(
        String childId,
        String reason) {
}
