package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The IRO checked the care plan's progress between two reviews (a local practice, counted in annual IRO reports
 * as "midway reviews").
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId  the period of care checked ({@link FieldRule#IDENTIFIER})
 * @param checkedOn the date of the check
 * @param finding   what the IRO found
 * @param iroId     username of the IRO ({@link FieldRule#USERNAME})
 */
public record MidwayCheckRecorded(
        String childId,
        String periodId,
        LocalDate checkedOn,
        MidwayFinding finding,
        String iroId) {
}
