package org.oversight.events.characteristics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The DfE check letter, worked by hand for each number below (weights 2 to 13, remainder of 23). */
class UniquePupilNumberTest {

    @Test
    void aSingleOneInTheLastPlaceWeighsThirteenAndGivesP() {
        // 1 x 13 = 13; the 14th letter of ABCDEFGHJKLMNPQRTUVWXYZ (counting from 0) is P
        assertThat(UniquePupilNumber.checkLetter("000000000001")).isEqualTo('P');
        assertThat(UniquePupilNumber.valid("P000000000001")).isTrue();
    }

    @Test
    void aNumberIssuedByAnAuthorityWorkedByHand() {
        // 8x2 + 2x3 + 0x4 + 3x5 + 0x6 + 0x7 + 0x8 + 2x9 + 5x10 + 0x11 + 0x12 + 1x13 = 118; 118 = 5 x 23 + 3: D
        assertThat(UniquePupilNumber.checkLetter("820300025001")).isEqualTo('D');
        assertThat(UniquePupilNumber.valid("D820300025001")).isTrue();
    }

    @Test
    void aTemporaryNumberCountsItsLastLetterByItsPlaceInTheAlphabet() {
        // as above with A (0) for the last 1: 105 = 4 x 23 + 13: P
        assertThat(UniquePupilNumber.valid("P82030002500A")).isTrue();
        // C counts 2: 105 + 26 = 131 = 5 x 23 + 16: T
        assertThat(UniquePupilNumber.valid("T82030002500C")).isTrue();
    }

    @Test
    void aWrongCheckLetterIsRefused() {
        assertThat(UniquePupilNumber.valid("E820300025001")).isFalse();
        assertThat(UniquePupilNumber.valid("Q000000000001")).isFalse();
        assertThat(UniquePupilNumber.valid("P82030002500C")).isFalse();
    }

    @Test
    void aNumberOfTheWrongShapeIsRefused() {
        assertThat(UniquePupilNumber.valid(null)).isFalse();
        assertThat(UniquePupilNumber.valid("")).isFalse();
        assertThat(UniquePupilNumber.valid("D82030002500")).as("twelve characters").isFalse();
        assertThat(UniquePupilNumber.valid("D8203000250011")).as("fourteen characters").isFalse();
        assertThat(UniquePupilNumber.valid("d820300025001")).as("lower case").isFalse();
        assertThat(UniquePupilNumber.valid("D8203000A5001")).as("a letter inside the number").isFalse();
        // I, O and S are never used, so that none is read as a digit
        assertThat(UniquePupilNumber.valid("P00000000000O")).isFalse();
        assertThat(UniquePupilNumber.valid("I000000000001")).isFalse();
    }

    @Test
    void theCheckLetterNeedsTwelveCharacters() {
        assertThatThrownBy(() -> UniquePupilNumber.checkLetter("0001")).isInstanceOf(IllegalArgumentException.class);
    }
}
