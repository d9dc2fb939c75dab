package org.oversight.events.lookedafter;

import java.time.LocalDate;

/**
 * The IRO checked the care plan's progress between two reviews (a local practice, counted in annual IRO reports
 * as "midway reviews").
 *
 * @param childId   the child's case
 * @param periodId  the period of care checked
 * @param checkedOn the date of the check
 * @param finding   what the IRO found
 * @param iroId     username of the IRO
 */
public record MidwayCheckRecorded(
        String childId,
        String periodId,
        LocalDate checkedOn,
        MidwayFinding finding,
        String iroId) {
}
