package org.oversight.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each bound on what a read may ask for, on its own day (or number) and one beyond. */
class ReadBoundsTest {

    /** A leap day, so that "five years ahead" lands on a day that year does not have. */
    private static final LocalDate TODAY = LocalDate.of(2028, 2, 29);

    @Test
    void anAsAtDayFromTheFirstOfJanuary1990IsAnsweredAndTheDayBeforeIsNot() {
        assertThat(ReadBounds.asAt(LocalDate.of(1990, 1, 1), TODAY, "asAt")).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThatThrownBy(() -> ReadBounds.asAt(LocalDate.of(1989, 12, 31), TODAY, "asAt"))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        refused -> assertThat(refused.rule()).isEqualTo("as-at-within-window"));
    }

    @Test
    void anAsAtDayUpToFiveYearsAheadIsAnsweredAndTheDayAfterIsNot() {
        LocalDate fiveYearsAhead = LocalDate.of(2033, 2, 28);
        assertThat(ReadBounds.asAt(fiveYearsAhead, TODAY, "asAt")).isEqualTo(fiveYearsAhead);
        assertThatThrownBy(() -> ReadBounds.asAt(fiveYearsAhead.plusDays(1), TODAY, "asAt"))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> ReadBounds.asAt(LocalDate.MAX, TODAY, "asAt")).isInstanceOf(InvalidRequest.class);
        assertThat(ReadBounds.asAt(null, TODAY, "asAt")).isNull();
    }

    @Test
    void pagesRunFromTheFirstToTheLimit() {
        assertThat(ReadBounds.page(0)).isEqualTo(1);
        assertThat(ReadBounds.page(-5)).isEqualTo(1);
        assertThat(ReadBounds.page(ReadBounds.MAX_PAGE)).isEqualTo(10_000);
        assertThatThrownBy(() -> ReadBounds.page(ReadBounds.MAX_PAGE + 1))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        refused -> assertThat(refused.rule()).isEqualTo("page-within-range"));
        assertThatThrownBy(() -> ReadBounds.page(Integer.MAX_VALUE)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void aReasonForReadingIsFreeTextOrNothing() {
        assertThat(ReadBounds.reason("  Court bundle ")).isEqualTo("Court bundle");
        assertThat(ReadBounds.reason("   ")).isNull();
        assertThatThrownBy(() -> ReadBounds.reason("Court\u0000bundle"))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        refused -> assertThat(refused.rule()).isEqualTo("free-text-control-character"));
        assertThatThrownBy(() -> ReadBounds.reason("x".repeat(2001))).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void aParameterIsTextWithoutControlCharactersOrBrokenSurrogates() {
        assertThat(ReadParameters.isText("Court bundle, line one\nline two\t\u00E9 \uD83D\uDE00")).isTrue();
        assertThat(ReadParameters.isText("a\u0000b")).isFalse();
        assertThat(ReadParameters.isText("a\u0085b")).isFalse();
        assertThat(ReadParameters.isText("a\uD83D")).isFalse();
        assertThat(ReadParameters.isText("\uDE00a")).isFalse();
    }
}
