package org.oversight.command.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A date as typed into the three boxes of a GOV.UK date input. Blank means "not given"; anything else must be
 * a real date.
 */
public record DateParts(String day, String month, String year) {

    public boolean blank() {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** @throws IllegalArgumentException if some parts are given but together they are not a real date */
    public Optional<LocalDate> toDate() {
        if (blank()) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 1900 || y > 2999) {
                throw new IllegalArgumentException("year out of range");
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim())));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("not a real date", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
