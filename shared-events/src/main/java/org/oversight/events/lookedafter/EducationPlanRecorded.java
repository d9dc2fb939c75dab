package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child's personal education plan (PEP) was put in place or reviewed: the first in a period of care puts it in
 * place, each later one reviews it. The PEP is part of the care plan (reg 5(b)(ii) of SI 2010/959); its timescales
 * come from the statutory guidance and the authority's own practice and are worked out where they are read.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId the period of care during which the plan was made or reviewed ({@link FieldRule#IDENTIFIER})
 * @param heldOn   the day of the PEP meeting that made or reviewed it
 * @param iroId    username of the IRO who recorded it ({@link FieldRule#USERNAME})
 */
public record EducationPlanRecorded(
        String childId,
        String periodId,
        LocalDate heldOn,
        String iroId) {
}
