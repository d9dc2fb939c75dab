package org.oversight.query.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.query.escalations.FinancialQuarter;

/**
 * The period a report covers: a financial year (April to March, {@code 2025-26}) or one of its quarters
 * ({@code 2025-26-Q1}, as {@link FinancialQuarter} names them), and the one before it, shown beside it.
 */
public record ReportPeriod(String key, String title, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{2})");

    public static ReportPeriod year(int startYear) {
        String key = startYear + "-" + String.format(java.util.Locale.ROOT, "%02d", (startYear + 1) % 100);
        return new ReportPeriod(key, "Financial year " + startYear + "–" + key.substring(5) + " (April " + startYear
                + " to March " + (startYear + 1) + ")", LocalDate.of(startYear, 4, 1),
                LocalDate.of(startYear + 1, 3, 31));
    }

    public static ReportPeriod quarter(FinancialQuarter quarter) {
        return new ReportPeriod(quarter.key(), quarter.title(), quarter.firstDay(), quarter.lastDay());
    }

    /** The year or quarter this key names, or {@code null} when it names neither. */
    public static ReportPeriod parse(String key) {
        if (key == null) {
            return null;
        }
        FinancialQuarter quarter = FinancialQuarter.parse(key);
        if (quarter != null) {
            return quarter(quarter);
        }
        Matcher matcher = YEAR.matcher(key);
        if (!matcher.matches()) {
            return null;
        }
        ReportPeriod year = year(Integer.parseInt(matcher.group(1)));
        return year.key().equals(key) ? year : null;
    }

    /** The financial year a day falls in. */
    public static ReportPeriod yearOf(LocalDate day) {
        return year(FinancialQuarter.of(day).startYear());
    }

    public boolean isQuarter() {
        return key.contains("-Q");
    }

    /** The year or quarter before this one. */
    public ReportPeriod previous() {
        return isQuarter() ? quarter(FinancialQuarter.parse(key).previous()) : year(firstDay.getYear() - 1);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
