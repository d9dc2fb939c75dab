package org.oversight.command.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.core.convert.converter.Converter;

/**
 * What was typed into the three boxes of a GOV.UK date input ({@code field-day}, {@code field-month},
 * {@code field-year}). The form binding reads the boxes into one of these for a {@code LocalDate} field and
 * {@link ToLocalDate} is the one conversion to a date: a value it refuses is reported against the field.
 */
public record GovukDate(String day, String month, String year) {

    static final String DAY = "-day";
    static final String MONTH = "-month";
    static final String YEAR = "-year";

    /** The boxes of the field as typed, or {@code null} when all three are blank ("not given"). */
    static GovukDate typedIn(java.util.function.Function<String, String> parameter, String field) {
        GovukDate typed = new GovukDate(parameter.apply(field + DAY), parameter.apply(field + MONTH),
                parameter.apply(field + YEAR));
        return isBlank(typed.day) && isBlank(typed.month) && isBlank(typed.year) ? null : typed;
    }

    /** @throws IllegalArgumentException unless the boxes together are a real date in a plausible year */
    public LocalDate toDate() {
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 1900 || y > 2999) {
                throw new IllegalArgumentException("year out of range");
            }
            return LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("not a real date", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Registered with the web conversion service: the only way three boxes become a date. */
    public static final class ToLocalDate implements Converter<GovukDate, LocalDate> {

        @Override
        public LocalDate convert(GovukDate typed) {
            return typed.toDate();
        }
    }
}
