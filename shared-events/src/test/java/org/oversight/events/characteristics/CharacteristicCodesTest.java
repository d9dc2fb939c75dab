package org.oversight.events.characteristics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The code lists the returns accept, as the DfE writes them. */
class CharacteristicCodesTest {

    @Test
    void theEthnicityCodesAreTheDfesTwenty() {
        assertThat(Arrays.stream(Ethnicity.values()).map(Ethnicity::code)).containsExactlyInAnyOrder(
                "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
                "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
        assertThat(Ethnicity.ofCode("WBRI")).contains(Ethnicity.WBRI);
        assertThat(Ethnicity.ofCode("wbri")).as("the DfE's codes are upper case").isEmpty();
        assertThat(Ethnicity.ofCode("White British")).isEmpty();
        assertThat(Ethnicity.ofCode(null)).isEmpty();
    }

    @Test
    void sexIsWrittenAsANumberBeforeTheTwentyTwentyFourCollectionAndAsALetterFromIt() {
        assertThat(Sex.MALE.ssda903Code(2023)).contains("1");
        assertThat(Sex.FEMALE.ssda903Code(2023)).contains("2");
        assertThat(Sex.NOT_KNOWN.ssda903Code(2023)).as("no code for not known before 2024").isEmpty();
        assertThat(Sex.MALE.ssda903Code(2024)).contains("M");
        assertThat(Sex.FEMALE.ssda903Code(2024)).contains("F");
        assertThat(Sex.NOT_KNOWN.ssda903Code(2025)).contains("U");
        assertThat(Sex.ofLetter("F")).contains(Sex.FEMALE);
        assertThat(Sex.ofLetter("(destroyed)")).isEmpty();
    }
}
