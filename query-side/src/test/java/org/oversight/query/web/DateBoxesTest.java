package org.oversight.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading side's GOV.UK date input: three boxes or a written day, an impossible day a field's problem. */
class DateBoxesTest {

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2031, 12, 31);

    private static DateBoxes.Typed read(Map<String, String> parameters) {
        return DateBoxes.read(parameters::get, "asAt", "The date to view as at", EARLIEST, LATEST);
    }

    @Test
    void threeBoxesMakeADay() {
        DateBoxes.Typed typed = read(Map.of("asAt-day", "29", "asAt-month", "2", "asAt-year", "2024"));

        assertThat(typed.refused()).isFalse();
        assertThat(typed.date()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void theThirtyFirstOfFebruaryIsTheFieldsProblemNotAnError() {
        DateBoxes.Typed typed = read(Map.of("asAt-day", "31", "asAt-month", "2", "asAt-year", "2025"));

        assertThat(typed.refused()).isTrue();
        assertThat(typed.date()).isNull();
        assertThat(typed.form().error("asAt")).isEqualTo("The date to view as at must be a real date");
        // what was typed is shown again in the boxes
        assertThat(typed.form().value("asAt-day")).isEqualTo("31");
        assertThat(read(Map.of("asAt-day", "29", "asAt-month", "2", "asAt-year", "2025")).refused()).isTrue();
    }

    @Test
    void aMissingPartIsNamed() {
        assertThat(read(Map.of("asAt-day", "3", "asAt-year", "2025")).form().error("asAt"))
                .isEqualTo("The date to view as at must include a month");
        assertThat(read(Map.of("asAt-day", "x", "asAt-month", "2", "asAt-year", "2025")).refused()).isTrue();
        assertThat(read(Map.of("asAt-day", "1", "asAt-month", "2", "asAt-year", "20255")).refused()).isTrue();
    }

    @Test
    void aDayOutsideTheWindowIsRefusedWithTheWindowInWords() {
        assertThat(read(Map.of("asAt-day", "31", "asAt-month", "12", "asAt-year", "1989")).form().error("asAt"))
                .isEqualTo("The date to view as at must be between 1 January 1990 and 31 December 2031");
        assertThat(read(Map.of("asAt-day", "1", "asAt-month", "1", "asAt-year", "1990")).date())
                .isEqualTo(EARLIEST);
    }

    @Test
    void aWrittenDayFromALinkStillWorksAndNothingGivenIsNoDay() {
        assertThat(read(Map.of("asAt", "2024-03-01")).date()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(read(Map.of("asAt", "2024-02-30")).refused()).isTrue();
        DateBoxes.Typed nothing = read(Map.of());
        assertThat(nothing.date()).isNull();
        assertThat(nothing.refused()).isFalse();
    }
}
