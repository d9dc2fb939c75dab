package org.oversight.query.characteristics;

import java.time.LocalDate;
import java.util.Optional;
import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.Sex;

/**
 * One child's characteristics as last recorded, in the codes of
 * {@link org.oversight.events.childcase.ChildCharacteristicsRecorded}. A field whose key was destroyed reads as the
 * service's "(destroyed)" mark and matches no code: the typed views below are then empty.
 *
 * @param uniquePupilNumber the number, or {@code null} when none is recorded
 * @param firstLanguage     the first language in words, or {@code null}
 * @param mother            {@code Y}, {@code N}, or {@code null} (a boy, or not known)
 * @param recordedOn        the day the latest record or correction was made
 * @param corrections       how many times the first record has been corrected
 * @param mothersChildBornOn when a child who is a mother gave birth to her own child (SSDA903 {@code MC_DOB}), or
 *                           {@code null} when not recorded
 */
public record Characteristics(String childId, String localAuthority, String sex, String ethnicity,
        String uniquePupilNumber, String disability, String firstLanguage, String interpreterNeeded, String mother,
        LocalDate recordedOn, int corrections, LocalDate mothersChildBornOn) {

    public Optional<Sex> sexAsRecorded() {
        return Sex.ofLetter(sex);
    }

    public Optional<Ethnicity> ethnicityAsRecorded() {
        return Ethnicity.ofCode(ethnicity);
    }

    /** Whether the child has a disability; empty when the answer is not readable. */
    public Optional<Boolean> hasDisability() {
        return yesNo(disability);
    }

    public Optional<Boolean> needsInterpreter() {
        return yesNo(interpreterNeeded);
    }

    /** Whether the child (a girl) is a mother; empty for a boy or when not known. */
    public Optional<Boolean> childIsAMother() {
        return yesNo(mother);
    }

    private static Optional<Boolean> yesNo(String answer) {
        return "Y".equals(answer) ? Optional.of(true) : "N".equals(answer) ? Optional.of(false) : Optional.empty();
    }
}
