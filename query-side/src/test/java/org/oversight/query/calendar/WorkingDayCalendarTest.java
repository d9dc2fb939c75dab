package org.oversight.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory calendar over the shipped GOV.UK list (2015 to 2027). Every expected date was worked out by
 * hand from the list and a printed calendar, then checked independently; the reasoning is in each case's name.
 */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ordinary Monday 9 Mar 2026 is a working day                                        | 2026-03-09 | true
            Saturday 7 Mar 2026 is not                                                          | 2026-03-07 | false
            Sunday 8 Mar 2026 is not                                                            | 2026-03-08 | false
            Good Friday 18 Apr 2025 is not                                                      | 2025-04-18 | false
            Easter Monday 21 Apr 2025 is not                                                    | 2025-04-21 | false
            Tuesday after Easter, 22 Apr 2025, is                                               | 2025-04-22 | true
            Platinum Jubilee bank holiday Fri 3 Jun 2022 is not                                 | 2022-06-03 | false
            State Funeral of Queen Elizabeth II, Mon 19 Sep 2022, is not                        | 2022-09-19 | false
            the day after the State Funeral, Tue 20 Sep 2022, is                                | 2022-09-20 | true
            Coronation of King Charles III, Mon 8 May 2023, is not                              | 2023-05-08 | false
            Boxing Day 2026 falls on Saturday 26 Dec: not a working day as a weekend            | 2026-12-26 | false
            its substitute Mon 28 Dec 2026 is not a working day either                          | 2026-12-28 | false
            New Year's Day (substitute day) Mon 3 Jan 2022 is not                               | 2022-01-03 | false
            leap day Thu 29 Feb 2024 is an ordinary working day                                 | 2024-02-29 | true
            Mon 3 Jan 2028: 2028's holidays are not yet known, so it counts as a working day    | 2028-01-03 | true
            """)
    void tellsWorkingDaysFromWeekendsAndBankHolidays(String reason, LocalDate day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ICPC: strategy discussion Fri 18 Dec 2026, 15 working days skip Christmas Day (Fri 25 Dec), Boxing Day (Mon 28 Dec substitute) and New Year's Day (Fri 1 Jan) → Wed 13 Jan 2027 | 2026-12-18 | 15 | 2027-01-13
            Thu 23 Dec 2021 + 5: Christmas and Boxing Day on the weekend so substitutes Mon 27 and Tue 28 Dec; New Year's Day (Sat) substitute Mon 3 Jan 2022 → Tue 4 Jan 2022          | 2021-12-23 | 5  | 2022-01-04
            Thu 24 Dec 2020 + 1: Christmas Day Fri 25 Dec, the weekend, Boxing Day substitute Mon 28 Dec → Tue 29 Dec 2020                                                                | 2020-12-24 | 1  | 2020-12-29
            IRO allocated within 5 working days of Wed 24 Dec 2025: Christmas Day, Boxing Day, the weekend and New Year's Day Thu 1 Jan skipped → Mon 5 Jan 2026                       | 2025-12-24 | 5  | 2026-01-05
            Thu 28 Mar 2024 + 1: Good Friday 29 Mar, the weekend, Easter Monday 1 Apr → Tue 2 Apr 2024                                                                                   | 2024-03-28 | 1  | 2024-04-02
            ICPC: strategy discussion Wed 16 Apr 2025, 15 working days skip Good Friday 18 Apr, Easter Monday 21 Apr and early May bank holiday Mon 5 May → Mon 12 May 2025            | 2025-04-16 | 15 | 2025-05-12
            first looked-after review: looked after from Fri 20 Mar 2026, 20 working days skip Good Friday 3 Apr and Easter Monday 6 Apr → Tue 21 Apr 2026                             | 2026-03-20 | 20 | 2026-04-21
            first looked-after review: looked after from Mon 1 Dec 2025, 20 working days skip Christmas Day Thu 25 and Boxing Day Fri 26 Dec → Wed 31 Dec 2025                         | 2025-12-01 | 20 | 2025-12-31
            Wed 1 Jun 2022 + 1: Spring bank holiday Thu 2 Jun and Platinum Jubilee Fri 3 Jun, then the weekend → Mon 6 Jun 2022                                                         | 2022-06-01 | 1  | 2022-06-06
            Fri 16 Sep 2022 + 1: the weekend, then the State Funeral of Queen Elizabeth II Mon 19 Sep → Tue 20 Sep 2022                                                                 | 2022-09-16 | 1  | 2022-09-20
            Fri 28 Apr 2023 + 5: early May bank holiday Mon 1 May and the Coronation Mon 8 May both skipped → Tue 9 May 2023                                                            | 2023-04-28 | 5  | 2023-05-09
            Thu 7 May 2020 + 1: the early May bank holiday moved to Fri 8 May for VE Day → Mon 11 May 2020                                                                               | 2020-05-07 | 1  | 2020-05-11
            start Sat 7 Mar 2026 + 1: the start never counts → Mon 9 Mar 2026                                                                                                            | 2026-03-07 | 1  | 2026-03-09
            start Sun 8 Mar 2026 + 1: the start never counts → Mon 9 Mar 2026                                                                                                            | 2026-03-08 | 1  | 2026-03-09
            start on the Summer bank holiday Mon 25 Aug 2025 + 1: the start never counts → Tue 26 Aug 2025                                                                              | 2025-08-25 | 1  | 2025-08-26
            ICPC: strategy discussion Sat 7 Mar 2026, 15 working days from Mon 9 Mar, no holidays in March → Fri 27 Mar 2026                                                             | 2026-03-07 | 15 | 2026-03-27
            a start on a working day never counts either: Fri 6 Mar 2026 + 15 → Fri 27 Mar 2026, the same as from the Saturday after                                                   | 2026-03-06 | 15 | 2026-03-27
            Wed 28 Feb 2024 + 1: 2024 is a leap year → Thu 29 Feb 2024                                                                                                                    | 2024-02-28 | 1  | 2024-02-29
            Mon 26 Feb 2024 + 5 counts Thu 29 Feb: Tue 27, Wed 28, Thu 29 Feb, Fri 1 Mar → Mon 4 Mar 2024                                                                                | 2024-02-26 | 5  | 2024-03-04
            Mon 28 Feb 2028 + 1: 2028 is a leap year → Tue 29 Feb 2028                                                                                                                    | 2028-02-28 | 1  | 2028-02-29
            CIN validator's census case: S47 started Thu 10 Mar 2022, its 15th working day is the reference date Thu 31 Mar 2022                                                        | 2022-03-10 | 15 | 2022-03-31
            S47 started Fri 11 Mar 2022: its 15th working day is Fri 1 Apr 2022, after the census year                                                                                  | 2022-03-11 | 15 | 2022-04-01
            """)
    void countsTheNthWorkingDayAfterTheStart(String reason, LocalDate start, int n, LocalDate expected) {
        assertThat(CALENDAR.workingDaysAfter(start, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Fri 18 Dec 2026 to Wed 13 Jan 2027: 15, the ICPC due date counted back                          | 2026-12-18 | 2027-01-13 | 15
            Fri 6 Mar to Mon 9 Mar 2026: the weekend does not count, the Monday does                         | 2026-03-06 | 2026-03-09 | 1
            Thu 24 Dec to Tue 29 Dec 2026: Christmas Day, the weekend and Boxing Day substitute skipped       | 2026-12-24 | 2026-12-29 | 1
            Thu 24 Dec to Mon 28 Dec 2026: ends on the Boxing Day substitute, so nothing counts               | 2026-12-24 | 2026-12-28 | 0
            Sat 7 Mar to Sun 8 Mar 2026: a weekend                                                           | 2026-03-07 | 2026-03-08 | 0
            the same day: 0                                                                                  | 2026-03-09 | 2026-03-09 | 0
            to before from: 0, never negative                                                                | 2026-03-20 | 2026-03-09 | 0
            looked-after review due Wed 31 Dec 2025, held Mon 5 Jan 2026: New Year's Day skipped, 2 days late | 2025-12-31 | 2026-01-05 | 2
            all of 2025: 261 weekdays less 8 bank holidays, all on weekdays                                  | 2024-12-31 | 2025-12-31 | 253
            all of leap year 2024, starting on a Monday: 262 weekdays less 8 bank holidays                    | 2023-12-31 | 2024-12-31 | 254
            all of 2022: 260 weekdays less 10 bank holidays (with the Jubilee and the State Funeral)           | 2021-12-31 | 2022-12-31 | 250
            """)
    void countsWorkingDaysAfterFromUpToAndIncludingTo(String reason, LocalDate from, LocalDate to, int expected) {
        assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    @DisplayName("for every start from 2015 to 2027 and the statutory periods, counting back the due date gives the period, "
            + "the due date is a working day and the day before it is one working day short")
    void workingDaysBetweenUndoesWorkingDaysAfter() {
        for (LocalDate start = LocalDate.of(2015, 1, 1); start.isBefore(LocalDate.of(2027, 11, 1));
                start = start.plusDays(1)) {
            for (int n : List.of(1, 5, 15, 20, 45)) {
                LocalDate due = CALENDAR.workingDaysAfter(start, n);
                assertThat(CALENDAR.isWorkingDay(due)).as("%s + %d = %s is a working day", start, n, due).isTrue();
                assertThat(CALENDAR.workingDaysBetween(start, due)).as("back from %s to %s", due, start).isEqualTo(n);
                assertThat(CALENDAR.workingDaysBetween(start, due.minusDays(1))).as("day before %s", due)
                        .isEqualTo(n - 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ICPC held on day 15, Wed 13 Jan 2027, after a strategy discussion on Fri 18 Dec 2026: in time           | 2026-12-18 | 15 | 2027-01-13 | true
            ICPC held on day 16, Thu 14 Jan 2027: late                                                               | 2026-12-18 | 15 | 2027-01-14 | false
            ICPC held on day 14, Tue 12 Jan 2027: in time                                                            | 2026-12-18 | 15 | 2027-01-12 | true
            ICPC held on the day of the strategy discussion itself: in time                                          | 2026-12-18 | 15 | 2026-12-18 | true
            day 15 is Fri 27 Mar 2026 (strategy discussion Fri 6 Mar); held Sat 28 Mar, the day after: late          | 2026-03-06 | 15 | 2026-03-28 | false
            first looked-after review on day 20, Wed 31 Dec 2025 (looked after from Mon 1 Dec): in time              | 2025-12-01 | 20 | 2025-12-31 | true
            first looked-after review on New Year's Day Thu 1 Jan 2026, the bank holiday after day 20: late          | 2025-12-01 | 20 | 2026-01-01 | false
            first looked-after review on Fri 2 Jan 2026, working day 21: late                                        | 2025-12-01 | 20 | 2026-01-02 | false
            """)
    void withinNWorkingDaysIncludesDayN(String reason, LocalDate clockStart, int n, LocalDate happenedOn,
            boolean inTime) {
        assertThat(CALENDAR.dueWithinWorkingDays(clockStart, n).isMetBy(happenedOn)).isEqualTo(inTime);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            31 Aug 2023 + 6 months: February 2024 has 29 days → 29 Feb 2024                                               | 2023-08-31 | 6  | 2024-02-29
            31 Aug 2024 + 6 months: February 2025 has 28 days → 28 Feb 2025                                               | 2024-08-31 | 6  | 2025-02-28
            31 Jan 2024 + 1 month: leap year → 29 Feb 2024                                                                | 2024-01-31 | 1  | 2024-02-29
            31 Jan 2025 + 1 month → 28 Feb 2025                                                                           | 2025-01-31 | 1  | 2025-02-28
            first CP review: ICPC 30 Nov 2023 + 3 months, no 30 Feb → last day of February, 29 Feb 2024                   | 2023-11-30 | 3  | 2024-02-29
            first CP review: ICPC 30 Nov 2024 + 3 months → 28 Feb 2025                                                    | 2024-11-30 | 3  | 2025-02-28
            29 Feb 2024 + 12 months: no 29 Feb in 2025 → 28 Feb 2025                                                      | 2024-02-29 | 12 | 2025-02-28
            29 Feb 2024 + 48 months: 2028 is a leap year → 29 Feb 2028                                                    | 2024-02-29 | 48 | 2028-02-29
            first CP review: ICPC Fri 15 Mar 2024 + 3 months, same day of the month → Sat 15 Jun 2024                     | 2024-03-15 | 3  | 2024-06-15
            15 Mar 2025 + 3 months → Sun 15 Jun 2025: not moved off a weekend                                             | 2025-03-15 | 3  | 2025-06-15
            25 Sep 2025 + 3 months → Christmas Day 25 Dec 2025: not moved off a bank holiday                              | 2025-09-25 | 3  | 2025-12-25
            31 Mar 2025 + 3 months: June has 30 days → 30 Jun 2025                                                        | 2025-03-31 | 3  | 2025-06-30
            second looked-after review at most 3 months after a first on 30 Sep 2025 → 30 Dec 2025, not the month end    | 2025-09-30 | 3  | 2025-12-30
            28 Feb 2025 + 1 month → 28 Mar 2025: the day of the month is kept, not snapped to the month end               | 2025-02-28 | 1  | 2025-03-28
            later looked-after review at most 6 months after 15 Oct 2025, across the year end → 15 Apr 2026               | 2025-10-15 | 6  | 2026-04-15
            31 Dec 2025 + 2 months → 28 Feb 2026                                                                          | 2025-12-31 | 2  | 2026-02-28
            """)
    void countsCalendarMonthsWithTheMonthEndRule(String reason, LocalDate start, int months, LocalDate expected) {
        assertThat(CALENDAR.monthsAfter(start, months)).isEqualTo(expected);
        assertThat(CALENDAR.dueWithinMonths(start, months)).isEqualTo(new DueDate(expected, false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Wed 1 Dec 2027 + 15 → Wed 22 Dec 2027, all inside 2027: not flagged                                                       | 2027-12-01 | 15 | 2027-12-22 | false
            Fri 17 Dec 2027 + 15 skips the 2027 Christmas substitutes Mon 27 and Tue 28 Dec, then counts into unknown 2028 (Mon 3 Jan included) → Tue 11 Jan 2028, flagged | 2027-12-17 | 15 | 2028-01-11 | true
            Fri 31 Dec 2027 + 1 → Mon 3 Jan 2028, flagged                                                                             | 2027-12-31 | 1  | 2028-01-03 | true
            Wed 31 Dec 2014 + 1: the start never counts and New Year's Day 2015 is known → Fri 2 Jan 2015, not flagged                | 2014-12-31 | 1  | 2015-01-02 | false
            Tue 30 Dec 2014 + 1 → Wed 31 Dec 2014, before the list begins: flagged                                                    | 2014-12-30 | 1  | 2014-12-31 | true
            Tue 30 Dec 2014 + 2 counts Wed 31 Dec 2014, before the list begins, then skips New Year's Day → Fri 2 Jan 2015: flagged though the due date's year is known | 2014-12-30 | 2  | 2015-01-02 | true
            """)
    void flagsDueDatesThatReachYearsWithoutKnownHolidays(String reason, LocalDate clockStart, int n,
            LocalDate expected, boolean beyond) {
        assertThat(CALENDAR.dueWithinWorkingDays(clockStart, n)).isEqualTo(new DueDate(expected, beyond));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            first day of the list, 1 Jan 2015                       | 2015-01-01 | true
            last day of the last complete year, 31 Dec 2027         | 2027-12-31 | true
            first day after it, 1 Jan 2028                          | 2028-01-01 | false
            the day before the list begins, 31 Dec 2014             | 2014-12-31 | false
            """)
    void knowsHolidaysFromTheFirstListedYearToTheLastCompleteOne(String reason, LocalDate day, boolean known) {
        assertThat(CALENDAR.knowsHolidaysFor(day)).isEqualTo(known);
    }

    @Test
    @DisplayName("the shipped list is known from 2015 to 2027")
    void shippedListYears() {
        assertThat(CALENDAR.firstKnownYear()).isEqualTo(2015);
        assertThat(CALENDAR.lastKnownYear()).isEqualTo(2027);
    }

    @Test
    @DisplayName("a months due date never carries the flag, even in an unknown year: 31 Aug 2027 + 6 months → 29 Feb 2028")
    void monthsNeverFlagged() {
        assertThat(CALENDAR.dueWithinMonths(LocalDate.of(2027, 8, 31), 6))
                .isEqualTo(new DueDate(LocalDate.of(2028, 2, 29), false));
    }

    @Test
    @DisplayName("the last known year is the one given, even when the list runs further: 2027 flagged when declared complete to 2026")
    void lastKnownYearIsTheOneGiven() {
        WorkingDayCalendar toEnd2026 = new WorkingDayCalendar(
                BankHolidays.shipped().all().stream().map(BankHoliday::date).toList(), 2026);

        assertThat(toEnd2026.knowsHolidaysFor(LocalDate.of(2027, 1, 1))).isFalse();
        // Fri 18 Dec 2026 + 15 → Wed 13 Jan 2027 as before (New Year's Day 2027 is still in the list), but flagged
        assertThat(toEnd2026.dueWithinWorkingDays(LocalDate.of(2026, 12, 18), 15))
                .isEqualTo(new DueDate(LocalDate.of(2027, 1, 13), true));
    }

    @Test
    @DisplayName("with no holidays at all, every weekday works and no year is known: Thu 24 Dec 2026 + 1 → Fri 25 Dec 2026, flagged")
    void emptyListKnowsNothing() {
        WorkingDayCalendar weekendsOnly = new WorkingDayCalendar(List.of(), 2027);

        assertThat(weekendsOnly.dueWithinWorkingDays(LocalDate.of(2026, 12, 24), 1))
                .isEqualTo(new DueDate(LocalDate.of(2026, 12, 25), true));
        assertThat(weekendsOnly.knowsHolidaysFor(LocalDate.of(2027, 6, 1))).isFalse();
    }

    @Test
    @DisplayName("a period of fewer than 1 working day or 1 month is refused")
    void refusesEmptyPeriods() {
        LocalDate start = LocalDate.of(2026, 3, 9);
        assertThatThrownBy(() -> CALENDAR.workingDaysAfter(start, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CALENDAR.dueWithinWorkingDays(start, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CALENDAR.monthsAfter(start, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
