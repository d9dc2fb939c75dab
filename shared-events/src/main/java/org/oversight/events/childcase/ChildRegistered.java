package org.oversight.events.childcase;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A child became known to the oversight service. Exactly one of {@code dateOfBirth} and
 * {@code expectedDateOfDelivery} is present: an unborn child (subject of a pre-birth conference) has only the
 * latter until the birth is recorded.
 *
 * @param childId                the platform's identifier for the child's case ({@link FieldRule#IDENTIFIER})
 * @param localAuthority         code of the local authority responsible for the child ({@link FieldRule#CODE})
 * @param localIdentifier        the local authority's own identifier for the child (SSDA903 {@code CHILD})
 *                               ({@link FieldRule#LOCAL_IDENTIFIER})
 * @param givenName              the child's given name ({@link FieldRule#PERSON_NAME})
 * @param familyName             the child's family name ({@link FieldRule#PERSON_NAME})
 * @param dateOfBirth            date of birth, absent for an unborn child
 * @param expectedDateOfDelivery expected date of delivery, present only for an unborn child
 * @param registeredOn           the date the registration takes effect
 */
public record ChildRegistered(
        String childId,
        String localAuthority,
        String localIdentifier,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        LocalDate expectedDateOfDelivery,
        LocalDate registeredOn) {

    public boolean unborn() {
        return dateOfBirth == null;
    }
}
