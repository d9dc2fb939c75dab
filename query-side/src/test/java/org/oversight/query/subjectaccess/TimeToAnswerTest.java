package org.oversight.query.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.query.calendar.WorkingDayCalendar;

/** UK GDPR article 12(3), counted as the Information Commissioner's guidance counts it; each date worked by hand. */
class TimeToAnswerTest {

    /** England and Wales bank holidays of 2026 used below: Christmas Day, and Boxing Day's substitute (Monday). */
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(List.of(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), 2026);

    @Test
    void aRequestReceivedOnTheThirdOfSeptemberIsAnsweredByTheThirdOfOctober() {
        // Thursday 3 September 2026 -> Saturday 3 October 2026 -> Monday 5 October 2026
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 9, 3), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 10, 5));
        // Tuesday 3 March 2026 -> Friday 3 April 2026 is Good Friday -> Easter Monday -> Tuesday 7 April 2026
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 3, 3), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 4, 7));
        // Friday 16 October 2026 -> Monday 16 November 2026, a working day
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 10, 16), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void theThirtyFirstOfJanuaryRunsToTheLastDayOfFebruary() {
        // 28 February 2026 is a Saturday: the next working day is Monday 2 March
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 1, 31), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        // 2024 is a leap year: Thursday 29 February 2024
        assertThat(TimeToAnswer.due(LocalDate.of(2024, 1, 31), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2024, 2, 29));
        // 31 March 2026 -> 30 April 2026 (April has no 31st), a Thursday
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 3, 31), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void christmasAndBoxingDaysSubstituteAreNotWorkingDays() {
        // 25 November 2026 -> Friday 25 December (Christmas Day), Saturday, Sunday, Monday 28 December (Boxing
        // Day's substitute) -> Tuesday 29 December 2026
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 11, 25), false, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void anExtensionAllowsThreeMonthsFromReceipt() {
        // 30 November 2025 + 3 months -> 28 February 2026 (no 30 February), a Saturday -> Monday 2 March 2026
        assertThat(TimeToAnswer.due(LocalDate.of(2025, 11, 30), true, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        // 15 January 2026 + 3 months -> Wednesday 15 April 2026
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 1, 15), true, CALENDAR).date())
                .isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void aDueDateInAYearWhoseBankHolidaysAreNotKnownSaysSo() {
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 12, 15), true, CALENDAR).beyondKnownHolidays()).isTrue();
        assertThat(TimeToAnswer.due(LocalDate.of(2026, 9, 3), false, CALENDAR).beyondKnownHolidays()).isFalse();
    }
}
