package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The IRO visited or was in contact with the child between reviews (reported as "children visited by their IRO
 * in the last six months" and, for inspection, Annex A List 8's date of last IRO visit or contact).
 *
 * @param childId    the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId   the period of care during which the visit happened ({@link FieldRule#IDENTIFIER})
 * @param visitedOn  the date of the visit or contact
 * @param faceToFace whether the IRO saw the child in person, rather than by call or message
 * @param iroId      username of the IRO ({@link FieldRule#USERNAME})
 */
public record IroVisitRecorded(
        String childId,
        String periodId,
        LocalDate visitedOn,
        boolean faceToFace,
        String iroId) {
}
