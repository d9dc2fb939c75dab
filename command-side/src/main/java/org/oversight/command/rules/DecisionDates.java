package org.oversight.command.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in the form chairs read them in decision letters: "3 March 2026". */
public final class DecisionDates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DecisionDates() {
    }

    public static String spoken(LocalDate date) {
        return LONG.format(date);
    }
}
