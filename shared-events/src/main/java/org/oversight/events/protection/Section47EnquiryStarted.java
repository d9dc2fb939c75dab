package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A section 47 enquiry was initiated at a strategy discussion. The discussion's date starts the clock for the
 * initial child protection conference (within 15 working days; the CIN census {@code InitialCPCtarget}).
 *
 * @param childId              the child's case ({@link FieldRule#IDENTIFIER})
 * @param enquiryId            identifies this enquiry within the child's protection history
 *                             ({@link FieldRule#IDENTIFIER})
 * @param strategyDiscussionOn the date of the strategy discussion at which the enquiry was initiated
 */
public record Section47EnquiryStarted(String childId, String enquiryId, LocalDate strategyDiscussionOn) {
}
