package org.oversight.command.childcase;

import org.oversight.command.rules.Rule;

/** The rules that guard recording a child's characteristics, each as the returns that read them need it. */
public enum CharacteristicsRule implements Rule {
    /** The SSDA903 header's sex: male, female or not known ({@code M}, {@code F}, {@code U}). */
    SEX_FROM_THE_LIST("sex-from-the-list"),
    /** The DfE ethnicity codes (SSDA903 validation 103). */
    ETHNICITY_FROM_THE_DFE_LIST("ethnicity-from-the-dfe-list"),
    /** A unique pupil number has the DfE's shape and check letter (SSDA903 validation 168). */
    UNIQUE_PUPIL_NUMBER_CHECKS("unique-pupil-number-checks"),
    /** Disability, interpreter and motherhood are answered yes ({@code Y}) or no ({@code N}). */
    YES_OR_NO("answer-yes-or-no"),
    /** The SSDA903 header asks whether the child is a mother only of a girl. */
    MOTHER_ONLY_OF_A_GIRL("mother-only-of-a-girl"),
    /** The characteristics of a child registered before birth are recorded once the birth is. */
    RECORDED_AFTER_BIRTH("characteristics-after-birth"),
    /** Correcting recorded characteristics says why, as every correction does. */
    CORRECTION_GIVES_ITS_REASON("correction-gives-its-reason"),
    /** A correction changes at least one answer. */
    CORRECTION_CHANGES_AN_ANSWER("correction-changes-an-answer"),
    /** Nothing more is recorded about a child whose record was destroyed. */
    NOTHING_AFTER_DESTRUCTION("nothing-after-destruction");

    private final String code;

    CharacteristicsRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
