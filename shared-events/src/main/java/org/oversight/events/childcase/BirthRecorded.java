package org.oversight.events.childcase;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A child registered before birth (with an expected date of delivery) was born. The registration's expected
 * date stays as it was, so pre-birth timeliness can still be measured against it.
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param dateOfBirth the date the child was born
 */
public record BirthRecorded(String childId, LocalDate dateOfBirth) {
}
