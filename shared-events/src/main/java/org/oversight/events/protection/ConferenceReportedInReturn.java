package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A child protection conference known only from a statutory return (the CIN census), brought in with the
 * authority's history. The return gives the conference's date and what it decided for the plan, never who
 * attended, so its quoracy is not known: it counts as held for every clock, as neither quorate nor inquorate in
 * any figure of quoracy, and is labelled as reported wherever it is shown. An initial conference that made a plan
 * is followed by {@link ChildProtectionPlanStarted} naming it, in the same unit of work.
 *
 * @param childId        the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId   identifies the conference in the child's history ({@link FieldRule#IDENTIFIER})
 * @param review         a review conference of the plan {@code planId}; otherwise an initial conference
 * @param heldOn         the date of the conference (CIN {@code DateOfInitialCPC}, {@code CPPstartDate} or
 *                       {@code CPPreviewDate})
 * @param enquiryId      the section 47 enquiry an initial conference concluded, when the return links them;
 *                       {@code null} otherwise ({@link FieldRule#IDENTIFIER})
 * @param planId         the plan an initial conference made or a review reviewed; {@code null} for an initial
 *                       conference that made none ({@link FieldRule#IDENTIFIER})
 * @param latestCategory the plan's category of abuse after a review; {@code null} for an initial conference
 * @param reportedIn     the return it was reported in, as a reader names it ("the 2024 census")
 *                       ({@link FieldRule#SHORT_TEXT})
 */
public record ConferenceReportedInReturn(
        String childId,
        String conferenceId,
        boolean review,
        LocalDate heldOn,
        String enquiryId,
        String planId,
        CategoryOfAbuse latestCategory,
        String reportedIn) {
}
