package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A section 47 enquiry concluded that no initial child protection conference is needed (CIN census
 * {@code ICPCnotRequired}). It closes the enquiry.
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param enquiryId the enquiry that concluded ({@link FieldRule#IDENTIFIER})
 * @param decidedOn the date of the decision
 * @param reason    why no conference is needed, as recorded ({@link FieldRule#FREE_TEXT})
 */
public record InitialConferenceNotRequired(String childId, String enquiryId, LocalDate decidedOn, String reason) {
}
