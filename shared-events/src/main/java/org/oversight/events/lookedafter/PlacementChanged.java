package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child moved placement inside a period of care (a new SSDA903 episode with reason {@code P} or {@code T}).
 * The period continues: the review clock does not restart, though an early review may be called (reg 30).
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId  the period of care the move belongs to ({@link FieldRule#IDENTIFIER})
 * @param changedOn the date the child moved
 * @param from      the placement type code before the move, or {@code null} when none was recorded
 * @param to        the placement type code from {@code changedOn}
 */
public record PlacementChanged(
        String childId,
        String periodId,
        LocalDate changedOn,
        String from,
        String to) {
}
