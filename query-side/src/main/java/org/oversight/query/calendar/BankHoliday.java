package org.oversight.query.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One England and Wales bank holiday, as GOV.UK names it (e.g. "Boxing Day (substitute day)").
 *
 * @param date  the day that is not a working day
 * @param title what the day is, for pages that explain why a due date moved
 */
public record BankHoliday(LocalDate date, String title) {

    public BankHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A bank holiday needs a title: " + date);
        }
    }
}
