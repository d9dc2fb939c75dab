package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child protection chair checked the plan's progress between two conferences (local practice; Working
 * Together leaves the chair's oversight between conferences to local procedures) and may have raised an alert.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param planId       the plan checked ({@link FieldRule#IDENTIFIER})
 * @param checkedOn    the date of the check
 * @param finding      what the chair found
 * @param alertRaisedTo to whom the chair raised an alert about the plan (a role or a person, as typed;
 *                      {@link FieldRule#SHORT_TEXT}); {@code null} when no alert was raised
 */
public record ProtectionMidwayCheckRecorded(
        String childId,
        String planId,
        LocalDate checkedOn,
        PlanMidwayFinding finding,
        String alertRaisedTo) {
}
