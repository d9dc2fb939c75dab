package org.oversight.query.clocks.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;

/** The urgency bands a caseload is ranked by, counted in working days by the England and Wales calendar. */
class UrgencyTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    @ParameterizedTest(name = "today {0}, due {1}: {2}")
    @CsvSource({
            // due yesterday: overdue; due today: still in time, 0 working days left
            "2026-03-02, 2026-03-01, OVERDUE",
            "2026-03-02, 2026-03-02, DUE_WITHIN_5_WORKING_DAYS",
            // Mon 2 Mar: the 5th working day after is Mon 9 Mar; the weekend before the 6th still has 5 left
            "2026-03-02, 2026-03-09, DUE_WITHIN_5_WORKING_DAYS",
            "2026-03-02, 2026-03-10, DUE_WITHIN_20_WORKING_DAYS",
            // Thu 2 Apr 2026 over Easter: Good Friday and Easter Monday do not count, so Tue 7 Apr is day 1,
            // Mon 13 Apr day 5 and Tue 14 Apr day 6
            "2026-04-02, 2026-04-09, DUE_WITHIN_5_WORKING_DAYS",
            "2026-04-02, 2026-04-13, DUE_WITHIN_5_WORKING_DAYS",
            "2026-04-02, 2026-04-14, DUE_WITHIN_20_WORKING_DAYS",
            // 20 working days from Mon 2 Mar is Mon 30 Mar; Tue 31 Mar is day 21
            "2026-03-02, 2026-03-30, DUE_WITHIN_20_WORKING_DAYS",
            "2026-03-02, 2026-03-31, ON_TRACK",
            // over Christmas 2026: 25 Dec (Fri) and 28 Dec (Mon, Boxing Day substitute) do not count
            "2026-12-23, 2026-12-31, DUE_WITHIN_5_WORKING_DAYS",
            "2026-12-23, 2027-01-04, DUE_WITHIN_5_WORKING_DAYS",
            "2026-12-23, 2027-01-05, DUE_WITHIN_20_WORKING_DAYS"})
    void bandsCountWorkingDaysFromTheDayAfterToday(LocalDate today, LocalDate due, Urgency expected) {
        assertThat(Urgency.of(due, today, CALENDAR)).isEqualTo(expected);
    }

    @Test
    void nothingDueIsItsOwnBand() {
        assertThat(Urgency.of(null, LocalDate.of(2026, 3, 2), CALENDAR)).isEqualTo(Urgency.NOTHING_DUE);
    }

    @Test
    @DisplayName("the date ranges the service view queries agree with the bands for every today and due date in two "
            + "years, bank holidays, month ends and the leap day of 2028 included")
    void theBandsDateRangesAgreeWithTheBandsThemselves() {
        for (LocalDate today = LocalDate.of(2026, 12, 1); today.isBefore(LocalDate.of(2028, 12, 1));
                today = today.plusDays(3)) {
            for (int ahead = -3; ahead < 45; ahead++) {
                LocalDate due = today.plusDays(ahead);
                Urgency byRange = due.isAfter(Urgency.DUE_WITHIN_20_WORKING_DAYS.lastDueDate(today, CALENDAR))
                        ? Urgency.ON_TRACK
                        : due.isAfter(Urgency.DUE_WITHIN_5_WORKING_DAYS.lastDueDate(today, CALENDAR))
                                ? Urgency.DUE_WITHIN_20_WORKING_DAYS
                                : due.isAfter(Urgency.OVERDUE.lastDueDate(today, CALENDAR))
                                        ? Urgency.DUE_WITHIN_5_WORKING_DAYS : Urgency.OVERDUE;
                assertThat(byRange).as("today %s, due %s", today, due).isEqualTo(Urgency.of(due, today, CALENDAR));
            }
        }
    }

    @Test
    @DisplayName("the scale worked out once for a day ranks every due date as the bands themselves do, for every "
            + "today in two years, bank holidays, month ends and the leap day of 2028 included")
    void theScaleForADayAgreesWithTheBands() {
        for (LocalDate today = LocalDate.of(2026, 12, 1); today.isBefore(LocalDate.of(2028, 12, 1));
                today = today.plusDays(1)) {
            Urgency.Scale scale = Urgency.on(today, CALENDAR);
            for (int ahead = -5; ahead < 60; ahead++) {
                LocalDate due = today.plusDays(ahead);
                assertThat(scale.of(due)).as("today %s, due %s", today, due).isEqualTo(Urgency.of(due, today, CALENDAR));
            }
            assertThat(scale.of(null)).isEqualTo(Urgency.NOTHING_DUE);
        }
    }
}
