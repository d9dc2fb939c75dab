package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child's legal status changed inside a period of care (a new SSDA903 episode with reason {@code L}, or
 * {@code B}/{@code U} together with a placement change). The period continues: the review clock does not restart.
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId  the period of care the change belongs to ({@link FieldRule#IDENTIFIER})
 * @param changedOn the date the new legal status took effect
 * @param from      the legal status before the change
 * @param to        the legal status from {@code changedOn}
 */
public record LegalStatusChanged(
        String childId,
        String periodId,
        LocalDate changedOn,
        LegalStatus from,
        LegalStatus to) {
}
