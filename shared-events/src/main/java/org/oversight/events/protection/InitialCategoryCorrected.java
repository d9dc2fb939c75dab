package org.oversight.events.protection;

import org.oversight.events.fields.FieldRule;

/**
 * The initial category of abuse of a plan was entered wrongly. This is a data-entry correction, not a change
 * of category (the initial category never changes; the latest may change at a review). Until a review has
 * been held the latest category is the initial one, so before the first review this corrects both.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param planId      the plan whose initial category is corrected ({@link FieldRule#IDENTIFIER})
 * @param recordedAs  the category as it stood before this correction
 * @param correctedTo the category decided at the conference
 * @param reason      why the record was wrong, as given by the person correcting it ({@link FieldRule#FREE_TEXT})
 */
public record InitialCategoryCorrected(
        String childId,
        String planId,
        CategoryOfAbuse recordedAs,
        CategoryOfAbuse correctedTo,
        String reason) {
}
