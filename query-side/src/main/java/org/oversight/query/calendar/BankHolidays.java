package org.oversight.query.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.TreeMap;

/**
 * A list of England and Wales bank holidays, one per date, in date order.
 *
 * <p>The list ships with the application as {@value #SHIPPED}, a copy of the GOV.UK data, in CSV: a header
 * line {@code date,title}, then one holiday a line, the date in ISO form ({@code 2026-12-28,Boxing Day
 * (substitute day)}). A title containing a comma may be quoted in the usual CSV way. Blank lines are ignored.
 * Administrators add holidays without a release in the {@code bank_holiday} table; {@link StatutoryCalendar}
 * merges the two with {@link #with}.
 */
public final class BankHolidays {

    /** The classpath location of the list shipped with the application. */
    public static final String SHIPPED = "calendar/bank-holidays-england-and-wales.csv";

    private static final String HEADER = "date,title";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<BankHoliday> holidays;

    private BankHolidays(Map<LocalDate, BankHoliday> byDate) {
        this.holidays = List.copyOf(new TreeMap<>(byDate).values());
    }

    /** The given holidays; where two share a date, the later one in the collection is kept. */
    public static BankHolidays of(Collection<BankHoliday> holidays) {
        Map<LocalDate, BankHoliday> byDate = new HashMap<>();
        for (BankHoliday holiday : holidays) {
            byDate.put(holiday.date(), holiday);
        }
        return new BankHolidays(byDate);
    }

    /** The list shipped with the application, {@value #SHIPPED}. */
    public static BankHolidays shipped() {
        InputStream in = BankHolidays.class.getClassLoader().getResourceAsStream(SHIPPED);
        if (in == null) {
            throw new IllegalStateException("The bank-holiday list " + SHIPPED + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromCsv(reader, SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SHIPPED, e);
        }
    }

    /**
     * Reads a list in the CSV form described above. Does not close {@code reader}.
     *
     * @param source names the list in error messages, e.g. its file name
     * @throws BankHolidayListException naming the line, for a missing or wrong header, a line without a comma,
     *                                  a date that is not ISO {@code yyyy-mm-dd}, an empty title, unbalanced
     *                                  quotes, or a date listed twice
     */
    public static BankHolidays fromCsv(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        BufferedReader lines = new BufferedReader(reader);
        Map<LocalDate, BankHoliday> byDate = new HashMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        try {
            String header = lines.readLine();
            if (header == null || !stripByteOrderMark(header).trim().equalsIgnoreCase(HEADER)) {
                throw new BankHolidayListException(source, 1, "expected the header '" + HEADER + "'");
            }
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                BankHoliday holiday = parseLine(line, source, lineNumber);
                Integer earlier = lineOf.putIfAbsent(holiday.date(), lineNumber);
                if (earlier != null) {
                    throw new BankHolidayListException(source, lineNumber,
                            holiday.date() + " is already listed on line " + earlier);
                }
                byDate.put(holiday.date(), holiday);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source, e);
        }
        return new BankHolidays(byDate);
    }

    /**
     * This list with {@code additions} merged in. Where an addition has the same date as a holiday already
     * listed, the addition's title is kept, so an administrator can correct a title as well as add a day.
     */
    public BankHolidays with(Collection<BankHoliday> additions) {
        Map<LocalDate, BankHoliday> byDate = new HashMap<>();
        for (BankHoliday holiday : holidays) {
            byDate.put(holiday.date(), holiday);
        }
        for (BankHoliday addition : additions) {
            byDate.put(addition.date(), addition);
        }
        return new BankHolidays(byDate);
    }

    /** Every holiday, in date order, one per date. */
    public List<BankHoliday> all() {
        return holidays;
    }

    /** The latest year with a holiday in the list; empty when the list is. */
    public OptionalInt lastYear() {
        return holidays.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(holidays.get(holidays.size() - 1).date().getYear());
    }

    /**
     * England and Wales have eight bank holidays every year; a year with fewer listed is taken as incomplete
     * (for instance when an administrator has added only a one-off occasion for a future year).
     */
    static final int REGULAR_HOLIDAYS_PER_YEAR = 8;

    /**
     * The latest year whose list looks complete: at least {@value #REGULAR_HOLIDAYS_PER_YEAR} holidays. A list in
     * which no year has that many (a short list in a test) falls back to its latest year.
     */
    public OptionalInt lastCompleteYear() {
        Map<Integer, Long> perYear = holidays.stream()
                .collect(Collectors.groupingBy(h -> h.date().getYear(), Collectors.counting()));
        OptionalInt complete = perYear.entrySet().stream()
                .filter(e -> e.getValue() >= REGULAR_HOLIDAYS_PER_YEAR)
                .mapToInt(Map.Entry::getKey)
                .max();
        return complete.isPresent() ? complete : lastYear();
    }

    /**
     * A working-day calendar over this list, known up to its {@linkplain #lastCompleteYear() last complete year}.
     *
     * @throws IllegalStateException when the list is empty, since no year would then be known
     */
    public WorkingDayCalendar toCalendar() {
        int lastKnownYear = lastCompleteYear().orElseThrow(
                () -> new IllegalStateException("An empty bank-holiday list cannot make a calendar"));
        return new WorkingDayCalendar(holidays.stream().map(BankHoliday::date).toList(), lastKnownYear);
    }

    private static BankHoliday parseLine(String line, String source, int lineNumber) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            throw new BankHolidayListException(source, lineNumber, "expected 'date,title' but found '" + line + "'");
        }
        String dateText = line.substring(0, comma).trim();
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new BankHolidayListException(source, lineNumber,
                    "'" + dateText + "' is not a date in the form yyyy-mm-dd");
        }
        String title = unquote(line.substring(comma + 1).trim(), source, lineNumber);
        if (title.isBlank()) {
            throw new BankHolidayListException(source, lineNumber, "the holiday on " + date + " has no title");
        }
        return new BankHoliday(date, title);
    }

    private static String unquote(String field, String source, int lineNumber) {
        if (!field.startsWith("\"")) {
            return field;
        }
        if (field.length() < 2 || !field.endsWith("\"")) {
            throw new BankHolidayListException(source, lineNumber, "the title's opening quote is never closed");
        }
        return field.substring(1, field.length() - 1).replace("\"\"", "\"").trim();
    }

    private static String stripByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }
}
