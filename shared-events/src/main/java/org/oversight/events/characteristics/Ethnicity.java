package org.oversight.events.characteristics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The DfE's ethnicity codes, as the SSDA903 header ({@code ETHNIC}) and the CIN census accept them, with the
 * words a form shows. {@code REFU} and {@code NOBT} say that the child or family declined or that it was not
 * obtained: they are answers, not gaps.
 */
public enum Ethnicity {
    WBRI("White British"),
    WIRI("White Irish"),
    WIRT("Traveller of Irish heritage"),
    WOTH("Any other White background"),
    WROM("Gypsy or Roma"),
    MWBC("White and Black Caribbean"),
    MWBA("White and Black African"),
    MWAS("White and Asian"),
    MOTH("Any other mixed background"),
    AIND("Indian"),
    APKN("Pakistani"),
    ABAN("Bangladeshi"),
    AOTH("Any other Asian background"),
    BCRB("Black Caribbean"),
    BAFR("Black African"),
    BOTH("Any other Black background"),
    CHNE("Chinese"),
    OOTH("Any other ethnic group"),
    REFU("Refused"),
    NOBT("Information not yet obtained");

    private final String words;

    Ethnicity(String words) {
        this.words = words;
    }

    public String code() {
        return name();
    }

    public String words() {
        return words;
    }

    /** The ethnicity with this code, exactly as the DfE writes it (upper case); empty for anything else. */
    public static Optional<Ethnicity> ofCode(String code) {
        return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
    }
}
