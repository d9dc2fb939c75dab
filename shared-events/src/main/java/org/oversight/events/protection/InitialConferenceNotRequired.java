package org.oversight.events.protection;

import java.time.LocalDate;

/**
 * A section 47 enquiry concluded that no initial child protection conference is needed (CIN census
 * {@code ICPCnotRequired}). It closes the enquiry.
 *
 * @param childId   the child's case
 * @param enquiryId the enquiry that concluded
 * @param decidedOn the date of the decision
 * @param reason    why no conference is needed, as recorded
 */
public record InitialConferenceNotRequired(String childId, String enquiryId, LocalDate decidedOn, String reason) {
}
