package org.oversight.query.retention;

import java.time.LocalDate;
import java.time.Month;

/**
 * The day a number of whole years after a date falls. A date of 29 February has no anniversary in a year that is
 * not a leap year; it then falls on 1 March. For a period "until the 75th anniversary" that is the later of the
 * two readings (28 February or 1 March), so that no record is destroyed before any reading of the law allows; for
 * a period of years "beginning with" 29 February it is the day after the period ends on 28 February, the last
 * day of the month (the corresponding-date rule).
 */
final class Anniversary {

    private Anniversary() {
    }

    static LocalDate of(LocalDate date, int years) {
        LocalDate shifted = date.plusYears(years);
        if (date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29 && shifted.getDayOfMonth() == 28) {
            return shifted.plusDays(1);
        }
        return shifted;
    }
}
