package org.oversight.query.returns.ssda903;

import java.time.LocalDate;

/**
 * An SSDA903 collection year: 1 April to 31 March, named by the year it starts in ({@code 2025} is 1 April 2025 to
 * 31 March 2026).
 */
public record CollectionYear(int startYear) {

    /** The earliest and latest years a return is made for: the service holds nothing older, and none is ahead. */
    public static final int EARLIEST = 2000;

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    /** The year a day falls in. */
    public static CollectionYear of(LocalDate day) {
        return new CollectionYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** As the DfE names it: "2025 to 2026". */
    public String title() {
        return startYear + " to " + (startYear + 1);
    }
}
