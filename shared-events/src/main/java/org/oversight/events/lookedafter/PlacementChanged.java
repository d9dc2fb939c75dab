package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child moved placement inside a period of care (a new SSDA903 episode with reason {@code P} or {@code T},
 * told apart by {@code carerChanged}).
 * The period continues: the review clock does not restart, though an early review may be called (reg 30).
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId  the period of care the move belongs to ({@link FieldRule#IDENTIFIER})
 * @param changedOn the date the child moved
 * @param from      the placement type code before the move, or {@code null} when none was recorded
 * @param to        the placement type code from {@code changedOn}
 * @param carerChanged whether the child moved to another carer ({@code P}) or stayed with the same one in a new
 *                  placement ({@code T}); {@code null} for a move recorded before the question was asked
 *                  (revision 2)
 */
public record PlacementChanged(
        String childId,
        String periodId,
        LocalDate changedOn,
        String from,
        String to,
        Boolean carerChanged) {

    /** A move whose change of carer is not said. */
    public PlacementChanged(String childId, String periodId, LocalDate changedOn, String from, String to) {
        this(childId, periodId, changedOn, from, to, null);
    }
}
