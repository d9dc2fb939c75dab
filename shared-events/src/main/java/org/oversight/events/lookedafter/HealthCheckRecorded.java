package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A health assessment or dental check of the child took place, recorded for the IRO to monitor the health plan
 * between reviews. The check starts the clock for the next one; the clocks are worked out where they are read.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId the period of care during which the check took place ({@link FieldRule#IDENTIFIER})
 * @param check    which check it was
 * @param heldOn   the day it took place
 * @param iroId    username of the IRO who recorded it ({@link FieldRule#USERNAME})
 */
public record HealthCheckRecorded(
        String childId,
        String periodId,
        HealthCheck check,
        LocalDate heldOn,
        String iroId) {
}
