package org.oversight.query.escalations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of England's financial year, the year local authorities' IRO annual reports and quarterly returns
 * run on: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March of the
 * following calendar year. So 31 March 2025 is in Q4 2024–25 and 1 April 2025 in Q1 2025–26, while 31 December
 * and 1 January fall in Q3 and Q4 of the same financial year.
 *
 * @param startYear the calendar year the financial year starts in (2025 for 2025–26)
 * @param quarter   1 to 4
 */
public record FinancialQuarter(int startYear, int quarter) implements Comparable<FinancialQuarter> {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-\\d{2}-Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4, was " + quarter);
        }
    }

    public static FinancialQuarter of(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 4 ? new FinancialQuarter(day.getYear(), (month - 4) / 3 + 1)
                : new FinancialQuarter(day.getYear() - 1, 4);
    }

    /** The quarter with this {@link #key()}, or {@code null} when it is not one. */
    public static FinancialQuarter parse(String key) {
        Matcher matcher = key == null ? null : KEY.matcher(key);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        FinancialQuarter quarter = new FinancialQuarter(Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)));
        return quarter.key().equals(key) ? quarter : null;
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public FinancialQuarter next() {
        return quarter == 4 ? new FinancialQuarter(startYear + 1, 1) : new FinancialQuarter(startYear, quarter + 1);
    }

    public FinancialQuarter previous() {
        return quarter == 1 ? new FinancialQuarter(startYear - 1, 4) : new FinancialQuarter(startYear, quarter - 1);
    }

    /** For addresses and CSV: {@code 2025-26-Q1}. */
    @JsonProperty("key")
    public String key() {
        return startYear + "-" + twoDigits(startYear + 1) + "-Q" + quarter;
    }

    /** Short, for the chart's axis: {@code Q1 2025–26}. */
    public String label() {
        return "Q" + quarter + " " + startYear + "–" + twoDigits(startYear + 1);
    }

    /** In full, for tables: {@code Q1 2025–26 (April to June 2025)}. */
    @JsonProperty("title")
    public String title() {
        LocalDate first = firstDay();
        LocalDate last = lastDay();
        return label() + " (" + first.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " to "
                + last.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + last.getYear() + ")";
    }

    @Override
    public int compareTo(FinancialQuarter other) {
        return Comparator.comparingInt(FinancialQuarter::startYear).thenComparingInt(FinancialQuarter::quarter)
                .compare(this, other);
    }

    private static String twoDigits(int year) {
        return String.format(Locale.ROOT, "%02d", year % 100);
    }
}
