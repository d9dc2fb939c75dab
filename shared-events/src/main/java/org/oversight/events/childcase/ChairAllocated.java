package org.oversight.events.childcase;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A chair was allocated to a child in one role. When the child already had someone in that role this is a
 * reallocation: {@code previousChairId} names who held it, so changes of IRO can be counted from events alone.
 *
 * @param childId         the child's case ({@link FieldRule#IDENTIFIER})
 * @param role            which chairing role the allocation is for
 * @param chairId         username of the chair now allocated ({@link FieldRule#USERNAME})
 * @param chairName       the chair's display name when allocated
 * @param allocatedFrom   the date the allocation takes effect
 * @param previousChairId username of the chair replaced, or {@code null} for a first allocation
 *                        ({@link FieldRule#IDENTIFIER})
 */
public record ChairAllocated(
        String childId,
        ChairRole role,
        String chairId,
        String chairName,
        LocalDate allocatedFrom,
        String previousChairId) {

    public boolean reallocation() {
        return previousChairId != null;
    }
}
