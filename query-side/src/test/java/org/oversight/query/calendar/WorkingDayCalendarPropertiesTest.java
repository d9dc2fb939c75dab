package org.oversight.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calendar counts working days by arithmetic on weeks and a binary search over the bank holidays, so that a
 * far-off date costs no more than a near one. These tests hold it to the plain definition, one day at a time,
 * over random dates (a fixed seed, so a failure repeats) around and beyond the years whose holidays are known.
 */
class WorkingDayCalendarPropertiesTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final long FIRST = LocalDate.of(2010, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(2032, 12, 31).toEpochDay();

    /** The definition: every working day after {@code from}, up to and including {@code to}, counted. */
    private static int countedOneByOne(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The definition: step a day at a time until the n-th working day after the start. */
    private static LocalDate steppedOneByOne(WorkingDayCalendar calendar, LocalDate start, int n) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    static Stream<Long> seeds() {
        return new Random(20261202L).longs(40).boxed();
    }

    private static LocalDate anyDay(Random random) {
        return LocalDate.ofEpochDay(FIRST + (long) (random.nextDouble() * (LAST - FIRST)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void workingDaysBetweenCountsWhatTheDefinitionCounts(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            LocalDate from = anyDay(random);
            LocalDate to = random.nextInt(4) == 0 ? anyDay(random) : from.plusDays(random.nextInt(120) - 10);
            assertThat(CALENDAR.workingDaysBetween(from, to)).as("%s to %s", from, to)
                    .isEqualTo(countedOneByOne(CALENDAR, from, to));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theNthWorkingDayAfterIsTheOneTheDefinitionReaches(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            LocalDate start = anyDay(random);
            int n = 1 + random.nextInt(i % 5 == 0 ? 2000 : 80);
            assertThat(CALENDAR.workingDaysAfter(start, n)).as("%s + %d", start, n)
                    .isEqualTo(steppedOneByOne(CALENDAR, start, n));
            assertThat(CALENDAR.workingDaysBetween(start, CALENDAR.workingDaysAfter(start, n))).isEqualTo(n);
        }
    }

    @Test
    void everyStartInTheChristmasRunsAgreesWithTheDefinition() {
        // Christmas, Boxing Day and New Year fall close together and move to substitute days: the hardest case
        for (int year = 2014; year <= 2028; year++) {
            for (LocalDate start = LocalDate.of(year, 12, 15); start.isBefore(LocalDate.of(year + 1, 1, 8));
                    start = start.plusDays(1)) {
                for (int n : List.of(1, 2, 3, 5, 10, 15, 20)) {
                    assertThat(CALENDAR.workingDaysAfter(start, n)).as("%s + %d", start, n)
                            .isEqualTo(steppedOneByOne(CALENDAR, start, n));
                }
            }
        }
    }

    @Test
    void runsOfHolidaysOnConsecutiveWeekdaysAreSteppedOver() {
        // a calendar where whole weeks are holidays makes the first guess fall short several times over
        LocalDate start = LocalDate.of(2026, 3, 4);
        List<LocalDate> holidays = IntStream.range(1, 60).mapToObj(start::plusDays)
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && d.getDayOfMonth() % 3 != 0).toList();
        WorkingDayCalendar dense = new WorkingDayCalendar(holidays, 2027);
        for (int n = 1; n <= 40; n++) {
            assertThat(dense.workingDaysAfter(start, n)).as("+ %d", n).isEqualTo(steppedOneByOne(dense, start, n));
            assertThat(dense.workingDaysBetween(start, start.plusDays(n * 2L)))
                    .isEqualTo(countedOneByOne(dense, start, start.plusDays(n * 2L)));
        }
    }

    @Test
    void aSpanOfMillionsOfYearsIsCountedWithoutVisitingItsDays() {
        // beyond the known holiday years every weekday is a working day: whole weeks hold exactly five
        LocalDate monday = LocalDate.of(3000, 1, 6);
        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        long weeks = 50_000_000L;
        assertThat(CALENDAR.workingDaysBetween(monday, monday.plusWeeks(weeks))).isEqualTo(weeks * 5);
        assertThat(CALENDAR.workingDaysAfter(monday, 250_000_000)).isEqualTo(monday.plusWeeks(weeks));
    }
}
