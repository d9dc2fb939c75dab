package org.oversight.events.characteristics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The child's sex as the SSDA903 return records it. The return's code changed with the 2024 to 2025 collection:
 * {@code M}, {@code F} and {@code U} (not known or not recorded) from then on, and {@code 1} (male) and {@code 2}
 * (female) before, with no code for not known. Oversight stores the letter and writes each year's code.
 */
public enum Sex {
    MALE("M", "1", "Male"),
    FEMALE("F", "2", "Female"),
    NOT_KNOWN("U", null, "Not known");

    /** The first collection year (its starting April) that uses the letters. */
    public static final int LETTERS_FROM_YEAR = 2024;

    private final String letter;
    private final String numberBefore2024;
    private final String words;

    Sex(String letter, String numberBefore2024, String words) {
        this.letter = letter;
        this.numberBefore2024 = numberBefore2024;
        this.words = words;
    }

    /** The letter stored in the event. */
    public String letter() {
        return letter;
    }

    public String words() {
        return words;
    }

    /**
     * The code for the collection year starting in April of {@code collectionYear}; empty where that year's return
     * has no code for it (not known, before 2024).
     */
    public Optional<String> ssda903Code(int collectionYear) {
        return Optional.ofNullable(collectionYear >= LETTERS_FROM_YEAR ? letter : numberBefore2024);
    }

    /** The sex stored under {@code letter}; empty for anything else (a destroyed field among them). */
    public static Optional<Sex> ofLetter(String letter) {
        return Arrays.stream(values()).filter(s -> s.letter.equals(letter)).findFirst();
    }
}
