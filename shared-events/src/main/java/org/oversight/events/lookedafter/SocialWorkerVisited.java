package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child's social worker visited them: a statutory visit under reg 28 of the Care Planning, Placement and Case
 * Review (England) Regulations 2010 (reg 48(3)(c) for short breaks). Annex A List 8 reports the date of the last
 * social work visit. Whether the child was seen alone answers reg 29: on each visit the worker speaks to the
 * child in private unless the child refuses, it is inappropriate given their age and understanding, or the worker
 * is unable to.
 *
 * @param childId   the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId  the period of care the visit belongs to ({@link FieldRule#IDENTIFIER})
 * @param visitedOn the day of the visit
 * @param seenAlone whether the worker saw the child on their own
 * @param place     where the child was seen
 */
public record SocialWorkerVisited(
        String childId,
        String periodId,
        LocalDate visitedOn,
        boolean seenAlone,
        VisitPlace place) {
}
