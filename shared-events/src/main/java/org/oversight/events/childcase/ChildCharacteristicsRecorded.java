package org.oversight.events.childcase;

import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.Sex;
import org.oversight.events.characteristics.UniquePupilNumber;
import org.oversight.events.fields.FieldRule;

/**
 * The child's characteristics were recorded, or corrected: each event carries the whole set as it stands from then
 * on, so that a reader needs only the latest. Every field but the child's id is the child's own personal data and is
 * stored encrypted under the child's key.
 *
 * @param childId           the child's case ({@link FieldRule#IDENTIFIER})
 * @param sex               {@link Sex} as a letter: {@code M}, {@code F} or {@code U} ({@link FieldRule#CODE})
 * @param ethnicity         the DfE ethnicity code ({@link Ethnicity}, {@link FieldRule#CODE})
 * @param uniquePupilNumber the child's unique pupil number ({@link UniquePupilNumber}), or {@code null} when the
 *                          child has none or it is not known ({@link FieldRule#CODE})
 * @param disability        {@code Y} when the child has a disability, {@code N} when not ({@link FieldRule#CODE})
 * @param firstLanguage     the child's first language in words, or {@code null} when not known
 *                          ({@link FieldRule#SHORT_TEXT})
 * @param interpreterNeeded {@code Y} when the child needs an interpreter, {@code N} when not ({@link FieldRule#CODE})
 * @param mother            for a girl, {@code Y} when she is a mother and {@code N} when not; {@code null} for a boy
 *                          or when not known ({@link FieldRule#CODE})
 * @param correctionReason  why an earlier record is corrected, or {@code null} for the first record
 *                          ({@link FieldRule#FREE_TEXT})
 */
public record ChildCharacteristicsRecorded(
        String childId,
        String sex,
        String ethnicity,
        String uniquePupilNumber,
        String disability,
        String firstLanguage,
        String interpreterNeeded,
        String mother,
        String correctionReason) {
}
