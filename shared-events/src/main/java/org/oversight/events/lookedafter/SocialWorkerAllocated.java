package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A social worker was allocated to the looked-after child, from a day, replacing whoever was allocated before.
 * The social worker is the responsible authority's representative ("R") who visits the child under reg 28 of the
 * Care Planning, Placement and Case Review (England) Regulations 2010; Annex A List 8 reports the allocated team
 * and worker. Social workers are not people of this service, so the worker is named as the IRO was told.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId    the period of care open when the allocation was recorded ({@link FieldRule#IDENTIFIER})
 * @param allocatedOn the first day the worker is allocated
 * @param worker      the social worker's name ({@link FieldRule#PERSON_NAME})
 * @param team        their team, or {@code null} when not given ({@link FieldRule#SHORT_TEXT})
 */
public record SocialWorkerAllocated(
        String childId,
        String periodId,
        LocalDate allocatedOn,
        String worker,
        String team) {
}
