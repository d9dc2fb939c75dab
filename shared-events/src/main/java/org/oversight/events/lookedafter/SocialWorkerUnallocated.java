package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The looked-after child's social worker stopped being allocated (left, moved on, long-term absence) and nobody
 * took their place. From that day until the next {@link SocialWorkerAllocated} the child has no allocated
 * social worker, which the timeline shows as drift.
 *
 * @param childId       the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId      the period of care open when it was recorded ({@link FieldRule#IDENTIFIER})
 * @param unallocatedOn the first day without an allocated social worker
 * @param worker        the worker who was allocated until then ({@link FieldRule#PERSON_NAME})
 */
public record SocialWorkerUnallocated(
        String childId,
        String periodId,
        LocalDate unallocatedOn,
        String worker) {
}
