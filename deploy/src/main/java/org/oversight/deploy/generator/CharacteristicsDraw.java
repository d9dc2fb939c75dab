package org.oversight.deploy.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.oversight.command.childcase.RecordCharacteristics;
import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.UniquePupilNumber;

/**
 * A child's characteristics drawn in shares like those the national looked-after and child protection statistics
 * report: somewhat more boys than girls, about three in four children White, one in ten of mixed heritage, one in
 * fifteen Black and one in twenty-five Asian, a few with ethnicity refused or not yet obtained; one child in eleven
 * with a disability; English the first language of most; a unique pupil number for nearly every child of school age
 * and for few younger ones. The generator and the embedded demo each draw these from a random of their own, so that
 * everything they drew before is as it was.
 */
public final class CharacteristicsDraw {

    private static final Ethnicity[] ETHNICITIES = Ethnicity.values();
    /** Shares in a thousand, in the order of {@link Ethnicity#values()}. */
    private static final int[] ETHNICITY_SHARES = {
            630, 10, 10, 60, 10, // WBRI, WIRI, WIRT, WOTH, WROM
            35, 15, 15, 35, // MWBC, MWBA, MWAS, MOTH
            10, 12, 8, 10, // AIND, APKN, ABAN, AOTH
            15, 35, 20, 3, 37, // BCRB, BAFR, BOTH, CHNE, OOTH
            10, 20}; // REFU, NOBT
    private static final List<String> OTHER_LANGUAGES = List.of("Polish", "Urdu", "Arabic", "Romanian", "Somali",
            "Bengali", "Portuguese", "Pashto", "Tigrinya", "Kurdish");

    private CharacteristicsDraw() {
    }

    /** The characteristics of a child born on {@code dateOfBirth}, as recorded on {@code on}. */
    public static RecordCharacteristics draw(Random random, String childId, LocalDate dateOfBirth, LocalDate on) {
        int sexRoll = random.nextInt(100);
        String sex = sexRoll < 55 ? "M" : sexRoll < 99 ? "F" : "U";
        Ethnicity ethnicity = ethnicity(random.nextInt(1000));
        boolean schoolAge = !on.isBefore(dateOfBirth.plusYears(4));
        String upn = random.nextInt(100) < (schoolAge ? 92 : 10) ? upn(random, dateOfBirth) : null;
        String disability = random.nextInt(100) < 9 ? "Y" : "N";
        boolean english = random.nextInt(100) < 84;
        String language = english ? "English" : random.nextInt(100) < 8 ? null
                : OTHER_LANGUAGES.get(random.nextInt(OTHER_LANGUAGES.size()));
        String interpreter = !english && random.nextInt(100) < 35 ? "Y" : "N";
        String mother = null;
        if (sex.equals("F") && !on.isBefore(dateOfBirth.plusYears(12))) {
            mother = random.nextInt(100) < 3 ? "Y" : "N";
        }
        return RecordCharacteristics.of(childId, sex, ethnicity.code(), upn, disability, language, interpreter, mother,
                null);
    }

    private static Ethnicity ethnicity(int roll) {
        int sum = 0;
        for (int i = 0; i < ETHNICITIES.length; i++) {
            sum += ETHNICITY_SHARES[i];
            if (roll < sum) {
                return ETHNICITIES[i];
            }
        }
        return Ethnicity.NOBT;
    }

    /**
     * A number with the DfE's shape and a right check letter: an invented authority number (800 to 999), school,
     * the year the child turned four, and a serial.
     */
    static String upn(Random random, LocalDate dateOfBirth) {
        String lastTwelve = "%03d%04d%02d%03d".formatted(800 + random.nextInt(200), 2000 + random.nextInt(8000),
                (dateOfBirth.getYear() + 4) % 100, random.nextInt(1000));
        return UniquePupilNumber.checkLetter(lastTwelve) + lastTwelve;
    }
}
