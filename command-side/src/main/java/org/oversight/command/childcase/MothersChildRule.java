package org.oversight.command.childcase;

import org.oversight.command.rules.Rule;

/** The rules that guard recording when a looked-after mother's own child was born (SSDA903 {@code MC_DOB}). */
public enum MothersChildRule implements Rule {
    /** Recorded only for a child whose characteristics say she is a mother (SSDA903 validation 174 and 611). */
    ONLY_FOR_A_MOTHER("mothers-child-only-for-a-mother"),
    /** A birth that has happened: not after today. */
    NOT_IN_THE_FUTURE("mothers-child-born-not-in-future"),
    /**
     * Not before the mother was {@value MothersChild#YOUNGEST_MOTHER} (and so never before her own birth, SSDA903
     * validation 621): the DfE queries a mother younger than that (SSDA903 validation 620).
     */
    NOT_BEFORE_THE_MOTHER_COULD_BE_ONE("mothers-child-born-after-mother-aged-11"),
    /** Correcting the date says why, as every correction does. */
    CORRECTION_GIVES_ITS_REASON("correction-gives-its-reason"),
    /** A correction changes the date. */
    CORRECTION_CHANGES_THE_DATE("correction-changes-the-date"),
    /** Nothing more is recorded about a child whose record was destroyed. */
    NOTHING_AFTER_DESTRUCTION("nothing-after-destruction");

    private final String code;

    MothersChildRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
