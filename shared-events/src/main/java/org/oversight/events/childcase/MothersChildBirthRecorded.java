package org.oversight.events.childcase;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The date a child who is a mother gave birth to her own child was recorded, or corrected: what the SSDA903
 * header calls {@code MC_DOB}, the date of birth of the mother's child. Whether she is a mother at all is one of
 * her characteristics ({@link ChildCharacteristicsRecorded#mother()}); this is recorded only once that says she is.
 * The latest record is the date from then on. Both fields but the child's id are her own personal data, stored
 * encrypted under her key.
 *
 * @param childId            the mother's case, the looked-after child ({@link FieldRule#IDENTIFIER})
 * @param mothersChildBornOn the day her child was born
 * @param correctionReason   why an earlier record is corrected, or {@code null} for the first record
 *                           ({@link FieldRule#FREE_TEXT})
 */
public record MothersChildBirthRecorded(String childId, LocalDate mothersChildBornOn, String correctionReason) {
}
