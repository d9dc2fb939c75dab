package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages say them: "3 March 2026". */
final class Dates {

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    static String spoken(LocalDate date) {
        return SPOKEN.format(date);
    }
}
