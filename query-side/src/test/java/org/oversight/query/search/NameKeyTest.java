package org.oversight.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void accentsCaseHyphensApostrophesAndSpacesMakeNoDifference() {
        assertThat(NameKey.of("Zoë O'Brien-Smith")).isEqualTo("zoeobriensmith");
        assertThat(NameKey.of("zoe obrien smith")).isEqualTo("zoeobriensmith");
        assertThat(NameKey.of("  ZOE  O\u2019BRIEN \u2013 SMITH ")).isEqualTo("zoeobriensmith");
    }

    @Test
    void lettersWrittenWithMarksThatDoNotDecomposeAreWrittenPlainly() {
        assertThat(NameKey.of("Søren Łukasz")).isEqualTo("sorenlukasz");
        assertThat(NameKey.of("Æthelflæd Strauß")).isEqualTo("aethelflaedstrauss");
    }

    @Test
    void namesInOtherScriptsKeepTheirLetters() {
        assertThat(NameKey.of("Даша Ким")).isEqualTo("дашаким");
        assertThat(NameKey.of("Siân")).isEqualTo("sian");
    }

    @Test
    void nothingButMarksIsNoName() {
        assertThat(NameKey.of(" - ' ")).isEmpty();
        assertThat(NameKey.of(null)).isEmpty();
    }
}
