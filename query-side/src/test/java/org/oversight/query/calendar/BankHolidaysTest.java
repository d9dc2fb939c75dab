package org.oversight.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BankHolidaysTest {

    private static BankHolidays read(String csv) {
        return BankHolidays.fromCsv(new StringReader(csv), "test.csv");
    }

    private static BankHoliday holiday(String date, String title) {
        return new BankHoliday(LocalDate.parse(date), title);
    }

    @Test
    @DisplayName("the shipped list: 13 years (2015-2027) of 8 holidays, plus the Platinum Jubilee, the State Funeral "
            + "and the Coronation = 107")
    void shippedList() {
        BankHolidays shipped = BankHolidays.shipped();

        assertThat(shipped.all()).hasSize(107);
        assertThat(shipped.all().get(0)).isEqualTo(holiday("2015-01-01", "New Year's Day"));
        assertThat(shipped.all().get(106)).isEqualTo(holiday("2027-12-28", "Boxing Day (substitute day)"));
        assertThat(shipped.all()).contains(
                holiday("2022-06-03", "Platinum Jubilee bank holiday"),
                holiday("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
                holiday("2023-05-08", "Bank holiday for the coronation of King Charles III"));
        assertThat(shipped.lastYear()).hasValue(2027);
    }

    @Test
    @DisplayName("a good file: header with a byte-order mark, Windows line ends, a blank line, a quoted title with a "
            + "comma and doubled quotes, dates out of order → sorted by date")
    void readsAGoodFile() {
        BankHolidays holidays = read("\uFEFFdate,title\r\n"
                + "2026-12-28,Boxing Day (substitute day)\r\n"
                + "\r\n"
                + "2026-12-25,\"Christmas Day, \"\"the\"\" day\"\r\n"
                + " 2026-01-01 , New Year's Day \r\n");

        assertThat(holidays.all()).containsExactly(
                holiday("2026-01-01", "New Year's Day"),
                holiday("2026-12-25", "Christmas Day, \"the\" day"),
                holiday("2026-12-28", "Boxing Day (substitute day)"));
    }

    @Test
    @DisplayName("a header alone is an empty list, which has no last year and cannot make a calendar")
    void headerAlone() {
        BankHolidays none = read("date,title\n");

        assertThat(none.all()).isEmpty();
        assertThat(none.lastYear()).isEmpty();
        assertThatThrownBy(none::toCalendar).isInstanceOf(IllegalStateException.class);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("an empty file has no header", "", 1, "expected the header 'date,title'"),
                Arguments.of("a file starting with a holiday has no header",
                        "2026-12-25,Christmas Day\n", 1, "expected the header"),
                Arguments.of("month 13 on line 3", "date,title\n2026-12-25,Christmas Day\n2026-13-01,Nonsense\n", 3,
                        "'2026-13-01' is not a date in the form yyyy-mm-dd"),
                Arguments.of("a British-style date on line 2", "date,title\n25/12/2026,Christmas Day\n", 2,
                        "'25/12/2026' is not a date"),
                Arguments.of("31 February on line 2", "date,title\n2026-02-31,Impossible\n", 2, "'2026-02-31'"),
                Arguments.of("no comma on line 4, counting the blank line 3",
                        "date,title\n2026-12-25,Christmas Day\n\n2026-12-28 Boxing Day\n", 4,
                        "expected 'date,title'"),
                Arguments.of("no title on line 2", "date,title\n2026-12-25,  \n", 2,
                        "the holiday on 2026-12-25 has no title"),
                Arguments.of("an unclosed quote on line 2", "date,title\n2026-12-25,\"Christmas Day\n", 2,
                        "quote is never closed"),
                Arguments.of("the same date again on line 3",
                        "date,title\n2026-12-25,Christmas Day\n2026-12-25,Christmas Day again\n", 3,
                        "2026-12-25 is already listed on line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void namesTheLineOfABadFile(String reason, String csv, int line, String problem) {
        assertThatThrownBy(() -> read(csv))
                .isInstanceOfSatisfying(BankHolidayListException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(line);
                    assertThat(e.source()).isEqualTo("test.csv");
                })
                .hasMessageStartingWith("test.csv, line " + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    @DisplayName("merging an administrator's additions: a new year's holiday is added and moves the last year on; "
            + "an addition on a listed date replaces its title")
    void mergesAdditions() {
        BankHolidays shipped = read("date,title\n2027-12-27,Christmas Day (substitute day)\n2027-12-28,Boxing Day\n");

        BankHolidays merged = shipped.with(List.of(
                holiday("2028-01-03", "New Year's Day (substitute day)"),
                holiday("2027-12-28", "Boxing Day (substitute day)")));

        assertThat(merged.all()).containsExactly(
                holiday("2027-12-27", "Christmas Day (substitute day)"),
                holiday("2027-12-28", "Boxing Day (substitute day)"),
                holiday("2028-01-03", "New Year's Day (substitute day)"));
        assertThat(merged.lastYear()).hasValue(2028);
        assertThat(shipped.lastYear()).as("the original list is unchanged").hasValue(2027);
        assertThat(merged.toCalendar().isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(merged.toCalendar().lastKnownYear()).isEqualTo(2028);
    }

    @Test
    @DisplayName("a list made in code keeps one holiday per date, the later one winning, in date order")
    void ofKeepsOnePerDate() {
        BankHolidays holidays = BankHolidays.of(List.of(
                holiday("2026-12-28", "first title"),
                holiday("2026-12-25", "Christmas Day"),
                holiday("2026-12-28", "Boxing Day (substitute day)")));

        assertThat(holidays.all()).containsExactly(
                holiday("2026-12-25", "Christmas Day"),
                holiday("2026-12-28", "Boxing Day (substitute day)"));
    }
}
