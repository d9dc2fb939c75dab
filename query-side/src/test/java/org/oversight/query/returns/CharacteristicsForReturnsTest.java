package org.oversight.query.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CharacteristicsForReturnsTest {

    @Test
    void theReturnsReadTheCodesAsRecorded() {
        var recorded = new org.oversight.query.characteristics.Characteristics("c-1", "NORTH", "F", "WBRI", "D820300025001", "Y", "English", "N", "N",
                LocalDate.of(2026, 5, 1), 0, null);

        var forReturns = CharacteristicsForReturns.forReturns(recorded);

        assertThat(forReturns.sex()).isEqualTo("F");
        assertThat(forReturns.ethnicity()).isEqualTo("WBRI");
        assertThat(forReturns.disabled()).isTrue();
        assertThat(forReturns.upn()).isEqualTo("D820300025001");
    }

    @Test
    void aPupilNumberWithTheWrongCheckLetterIsNotReturned() {
        var recorded = new org.oversight.query.characteristics.Characteristics("c-3", "NORTH", "M", "WIRI", "E820300025001", "N", "English", "N", null,
                LocalDate.of(2026, 5, 1), 0, null);

        assertThat(CharacteristicsForReturns.forReturns(recorded).upn()).isNull();
        assertThat(CharacteristicsForReturns.forReturns(recorded).disabled()).isFalse();
    }

    @Test
    void whatNoLongerReadsAsACodeIsLeftUnknown() {
        var destroyed = new org.oversight.query.characteristics.Characteristics("c-2", "NORTH", "(destroyed)", "(destroyed)", "(destroyed)", "(destroyed)",
                "(destroyed)", "(destroyed)", "(destroyed)", LocalDate.of(2026, 5, 1), 0, null);

        var forReturns = CharacteristicsForReturns.forReturns(destroyed);

        assertThat(forReturns.sex()).isNull();
        assertThat(forReturns.ethnicity()).isNull();
        assertThat(forReturns.upn()).isNull();
        assertThat(forReturns.disabled()).isNull();
    }
}
