package org.oversight.events.lookedafter;

import java.time.LocalDate;

/**
 * The child moved placement inside a period of care (a new SSDA903 episode with reason {@code P} or {@code T}).
 * The period continues: the review clock does not restart, though an early review may be called (reg 30).
 *
 * @param childId   the child's case
 * @param periodId  the period of care the move belongs to
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
