package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The wishes and feelings of a parent, or of someone else with parental responsibility, were sought for the
 * child's next review (reg 36 of SI 2010/959: so far as reasonably practicable, ascertained and taken into
 * account).
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId the period of care the next review belongs to ({@link FieldRule#IDENTIFIER})
 * @param soughtOn the day
 * @param whose    a parent or another person with parental responsibility
 * @param outcome  whether they were ascertained, declined, or could not reasonably be sought
 * @param iroId    username of the IRO who recorded it ({@link FieldRule#USERNAME})
 */
public record ParentsWishesSought(
        String childId,
        String periodId,
        LocalDate soughtOn,
        ParentalResponsibility whose,
        ParentsWishesOutcome outcome,
        String iroId) {
}
