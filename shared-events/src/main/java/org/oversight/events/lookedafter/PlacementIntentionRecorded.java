package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * What the child's current placement is intended to be, as decided on a day: whether it is intended to last until
 * the child is 18. Reg 28(2)(c) of the Care Planning, Placement and Case Review (England) Regulations 2010 sets
 * the social worker's visits after the first year of a placement by it: at intervals of not more than three months
 * where the placement is intended to last until 18, of not more than six weeks in any other case. A later
 * decision replaces an earlier one for the same placement; a new placement starts undecided.
 *
 * @param childId            the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId           the period of care ({@link FieldRule#IDENTIFIER})
 * @param placementStartedOn the day the placement the decision is about started
 * @param decidedOn          the day of the decision
 * @param untilEighteen      whether the placement is intended to last until the child is 18
 */
public record PlacementIntentionRecorded(
        String childId,
        String periodId,
        LocalDate placementStartedOn,
        LocalDate decidedOn,
        boolean untilEighteen) {
}
