package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child was told about advocacy and how to complain, or an advocate was offered, asked for, appointed or
 * declined (sections 26 and 26A of the Children Act 1989).
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId the period of care it happened in ({@link FieldRule#IDENTIFIER})
 * @param step     which step
 * @param on       the day it happened
 * @param iroId    username of the IRO who recorded it ({@link FieldRule#USERNAME})
 */
public record AdvocacyRecorded(
        String childId,
        String periodId,
        AdvocacyStep step,
        LocalDate on,
        String iroId) {
}
