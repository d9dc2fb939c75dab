package org.oversight.query.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The reading side's one binding of a GOV.UK date input: the three boxes {@code field-day}, {@code field-month}
 * and {@code field-year} of a filter, or the same day written {@code yyyy-mm-dd} as {@code field} (the form links
 * and the JSON API use). An impossible day (31 February), a part left out or a day outside the window a filter
 * allows is answered as the field's problem, in the shape {@link FormState} carries to the page's error summary and
 * inline error, never as an exception.
 */
public final class DateBoxes {

    /** The rule an impossible or incomplete day breaks. */
    public static final String REAL_DATE_RULE = "date-is-real";

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DateBoxes() {
    }

    /**
     * What was sent for one date filter.
     *
     * @param date {@code null} when nothing was given or what was given is refused
     * @param form what was typed, with the problem if refused, for the page to show again
     */
    public record Typed(LocalDate date, FormState form) {

        public boolean refused() {
            return form.hasErrors();
        }
    }

    /**
     * @param parameter a request's parameters by name
     * @param label     the field's name as the error message says it ("The date to view as at")
     * @param earliest  the first day the filter allows
     * @param latest    the last day the filter allows
     */
    public static Typed read(Function<String, String> parameter, String field, String label, LocalDate earliest,
            LocalDate latest) {
        String day = parameter.apply(field + "-day");
        String month = parameter.apply(field + "-month");
        String year = parameter.apply(field + "-year");
        String iso = parameter.apply(field);
        Map<String, List<String>> typed = new LinkedHashMap<>();
        if (blank(day) && blank(month) && blank(year)) {
            if (blank(iso)) {
                return new Typed(null, new FormState(Map.of(), List.of()));
            }
            try {
                LocalDate date = LocalDate.parse(iso.strip());
                return within(shown(typed, field, date), field, label, date, earliest, latest);
            } catch (DateTimeException e) {
                return refused(typed, field, label + " must be a real date");
            }
        }
        typed.put(field + "-day", List.of(day == null ? "" : day));
        typed.put(field + "-month", List.of(month == null ? "" : month));
        typed.put(field + "-year", List.of(year == null ? "" : year));
        String missing = blank(day) ? "day" : blank(month) ? "month" : blank(year) ? "year" : null;
        if (missing != null) {
            return refused(typed, field, label + " must include a " + missing);
        }
        try {
            LocalDate date = LocalDate.of(number(year), number(month), number(day));
            return within(typed, field, label, date, earliest, latest);
        } catch (NumberFormatException | DateTimeException e) {
            return refused(typed, field, label + " must be a real date");
        }
    }

    /** The boxes filled in with a day, for a first visit. */
    public static Map<String, List<String>> shown(Map<String, List<String>> typed, String field, LocalDate date) {
        typed.put(field + "-day", List.of(String.valueOf(date.getDayOfMonth())));
        typed.put(field + "-month", List.of(String.valueOf(date.getMonthValue())));
        typed.put(field + "-year", List.of(String.valueOf(date.getYear())));
        return typed;
    }

    /** A form showing one day in the boxes of the field, without problems. */
    public static FormState showing(String field, LocalDate date) {
        return new FormState(date == null ? Map.of() : shown(new LinkedHashMap<>(), field, date), List.of());
    }

    /**
     * Reads each date field of a filter form from its boxes into {@code parameters} as {@code yyyy-mm-dd} under the
     * field's own name (the form the filter's criteria and links carry), or leaves the field out when refused.
     *
     * @param labels each field and its name as an error message says it, in the form's order
     * @return what the boxes show and the problems, for the page's error summary and inline errors
     */
    public static FormState intoParameters(Map<String, String> parameters, Map<String, String> labels,
            LocalDate earliest, LocalDate latest) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        labels.forEach((field, label) -> {
            Typed one = read(parameters::get, field, label, earliest, latest);
            typed.putAll(one.form().typed());
            errors.addAll(one.form().errors());
            parameters.remove(field + "-day");
            parameters.remove(field + "-month");
            parameters.remove(field + "-year");
            if (one.date() == null) {
                parameters.remove(field);
            } else {
                parameters.put(field, one.date().toString());
            }
        });
        return new FormState(typed, errors);
    }

    private static Typed within(Map<String, List<String>> typed, String field, String label, LocalDate date,
            LocalDate earliest, LocalDate latest) {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            return refused(typed, field, label + " must be between " + SPOKEN.format(earliest) + " and "
                    + SPOKEN.format(latest));
        }
        return new Typed(date, new FormState(typed, List.of()));
    }

    private static Typed refused(Map<String, List<String>> typed, String field, String message) {
        return new Typed(null, new FormState(typed, List.of(Map.of("field", field, "rule", REAL_DATE_RULE,
                "message", message))));
    }

    private static int number(String value) {
        String digits = value.strip();
        if (digits.length() > 4) {
            throw new NumberFormatException("too long");
        }
        return Integer.parseInt(digits);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
