package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child stopped being the subject of a plan: at a review conference (which {@code conferenceId} names, and
 * whose date is the end date) or without one, for instance when the child moved to another authority or
 * turned 18.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param planId       the plan that ended ({@link FieldRule#IDENTIFIER})
 * @param endDate      the date the plan ended (CIN {@code CPPendDate})
 * @param reason       why it ended
 * @param conferenceId the review conference that ended it, or {@code null} when it ended without one
 *                     ({@link FieldRule#IDENTIFIER})
 */
public record ChildProtectionPlanEnded(
        String childId,
        String planId,
        LocalDate endDate,
        PlanEndReason reason,
        String conferenceId) {

    public boolean endedAtConference() {
        return conferenceId != null;
    }
}
