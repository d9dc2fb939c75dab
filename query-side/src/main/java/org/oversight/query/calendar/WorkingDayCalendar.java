package org.oversight.query.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The statutory calendar the clocks are measured against: which days are working days, and how "within N
 * working days" and "within N months" turn into a due date. Pure and immutable, so one instance can be shared
 * by every projection and thread; {@link StatutoryCalendar} builds a new one when the bank-holiday list changes.
 *
 * <h2>Conventions (each is tested in {@code WorkingDayCalendarTest})</h2>
 *
 * <ol>
 *   <li><b>Working day.</b> Monday to Friday, except bank holidays in England and Wales (the GOV.UK list,
 *       including substitute days and one-off holidays such as the State Funeral on 19 September 2022).</li>
 *   <li><b>The day the clock starts never counts</b>, whatever kind of day it is. Day 1 is the first working day
 *       after it, so a strategy discussion on a Friday, Saturday or Sunday gives the same day 1 (the Monday,
 *       when that is a working day). See {@link #workingDaysAfter}.</li>
 *   <li><b>"Within N working days of X" includes day N.</b> The due date is the N-th working day after X, and
 *       something held on that day is in time; the day after it is late, even when that day is a weekend or a
 *       bank holiday ({@link DueDate#isMetBy}). Statute and guidance say "within", which in ordinary reading
 *       includes the last day of the period, and reading it the other way would quietly shorten every
 *       statutory period by a day.</li>
 *   <li><b>Calendar months</b> keep the day of the month; when the target month is too short the due date is
 *       that month's last day (31 August + 6 months = 28 February, or 29 February in a leap year). A date that
 *       is not a month end stays put (28 February + 1 month = 28 March, not 31 March). A months due date is not
 *       moved off a weekend or bank holiday: the period is in calendar months, not working days, and moving it
 *       either way would change the statutory period. See {@link #monthsAfter}.</li>
 *   <li><b>Unknown years.</b> Bank holidays are known from the first year in the list up to and including
 *       {@link #lastKnownYear()}. A working-day count that reaches outside those years treats every weekday
 *       there as a working day and says so in {@link DueDate#beyondKnownHolidays()}; callers show a warning.</li>
 * </ol>
 *
 * <h2>Checked against the CIN census validator</h2>
 *
 * <p>Reference: the public repository {@code data-to-insight/csc-validator-be-cin} (the CIN census validator
 * used by local authorities), read at commit {@code 1bf6f22}; files {@code cin_validator/utils.py},
 * {@code cin_validator/england_holidates.py}, {@code cin_validator/rules/cin2022_23/rule_8675Q.py} and
 * {@code rule_8870Q.py}. What it showed:
 *
 * <ul>
 *   <li>The validator does not compute {@code InitialCPCtarget} (N00109) itself; the local authority returns
 *       it. Its only check on the field (rule 8870Q) queries a target date that falls on a Saturday or Sunday;
 *       it does not check bank holidays there.</li>
 *   <li>Its working days are Monday to Friday less England and Wales bank holidays, taken from the GOV.UK list
 *       into a generated file, the same source as ours.</li>
 *   <li>Its helper for "N working days" is a business-day offset of N&nbsp;&minus;&nbsp;1, with a comment that
 *       the plain offset would leave out the end date.</li>
 *   <li>Rule 8675Q queries an S47 enquiry with no ICPC date (and the ICPC not marked as not required) whose
 *       start is before the census reference date minus that 15-working-day offset. For the census ending
 *       Thursday 31 March 2022 the cut-off is Friday 11 March 2022: an enquiry that started on Thursday
 *       10 March is queried, and its 15th working day after the start, by our count, is 31 March itself;
 *       one that started on Friday 11 March is not, and its 15th working day is 1 April, after the census.
 *       So the validator treats an ICPC as overdue only once the 15th working day after the start (start day
 *       not counted) has passed with no conference, which is conventions 2 and 3 above. Had it counted the
 *       start day, or required the conference before day 15, the 11 March enquiry would have been queried.
 *       (This holds when the reference date is itself a working day, as 31 March 2022 was.)</li>
 * </ul>
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> bankHolidays;
    /**
     * The bank holidays that fall on a weekday, as epoch days in ascending order. Only these take a working day
     * away (a holiday on a weekend is replaced by a substitute day, which is in the list itself), and sorted they
     * let every count be a difference of two binary searches, whatever the distance between the dates: a date
     * far in the future asked for by a client costs the same as tomorrow.
     */
    private final long[] weekdayHolidays;
    private final int firstKnownYear;
    private final int lastKnownYear;

    /**
     * @param bankHolidays  England and Wales bank holidays, in any order; duplicates are harmless
     * @param lastKnownYear the last year whose bank holidays are all in {@code bankHolidays}. Holidays are
     *                      known from the year of the earliest one given; with none given, no year is known.
     */
    public WorkingDayCalendar(Collection<LocalDate> bankHolidays, int lastKnownYear) {
        this.bankHolidays = Set.copyOf(Objects.requireNonNull(bankHolidays, "bankHolidays"));
        this.lastKnownYear = lastKnownYear;
        this.firstKnownYear = this.bankHolidays.stream()
                .mapToInt(LocalDate::getYear)
                .min()
                .orElse(lastKnownYear + 1);
        this.weekdayHolidays = this.bankHolidays.stream()
                .filter(WorkingDayCalendar::isWeekday)
                .mapToLong(LocalDate::toEpochDay)
                .sorted()
                .toArray();
    }

    /**
     * A short text that changes whenever the bank holidays or the last known year change, so that anything worked
     * out under one calendar can tell it was worked out under another.
     */
    public String fingerprint() {
        return lastKnownYear + ":" + bankHolidays.stream().sorted().map(LocalDate::toString)
                .reduce(new StringBuilder(), (b, d) -> b.append(d).append(','), StringBuilder::append)
                .toString().hashCode();
    }

    /** Whether {@code day} is a working day: a weekday that is not an England and Wales bank holiday. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /**
     * The {@code n}-th working day after {@code start}. {@code start} itself never counts, even when it is a
     * working day; day 1 is the first working day after it. The answer is always a working day.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public LocalDate workingDaysAfter(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("A number of working days must be at least 1, was " + n);
        }
        // First guess: the n-th weekday, as if there were no bank holidays. Every weekday holiday up to the guess
        // pushes the answer on by one working day, so step on by the number still missing; each step can only
        // meet the few holidays lying in the days it adds, so this ends after a handful of steps.
        LocalDate day = weekdaysAfter(start, n);
        int counted = workingDaysBetween(start, day);
        while (counted < n) {
            day = weekdaysAfter(day, n - counted);
            counted = workingDaysBetween(start, day);
        }
        return day;
    }

    /**
     * How many working days there are after {@code from}, up to and including {@code to}; 0 when {@code to} is
     * not after {@code from}. The inverse of {@link #workingDaysAfter}: {@code workingDaysBetween(s,
     * workingDaysAfter(s, n)) == n}. Used for "how many working days late", where being on the due date is 0.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        long weekdays = weekdaysUpTo(to.toEpochDay()) - weekdaysUpTo(from.toEpochDay());
        long holidays = holidaysUpTo(to.toEpochDay()) - holidaysUpTo(from.toEpochDay());
        return Math.toIntExact(weekdays - holidays);
    }

    private static boolean isWeekday(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    /**
     * How many Mondays to Fridays there are from a fixed Monday long ago up to and including {@code epochDay}.
     * Only differences of two such counts mean anything.
     */
    private static long weekdaysUpTo(long epochDay) {
        // 1 January 1970 (epoch day 0) was a Thursday: shifting by 3 makes each week start on a Monday.
        long shifted = epochDay + 3;
        long weeks = Math.floorDiv(shifted, 7);
        long dayOfWeek = Math.floorMod(shifted, 7);
        return weeks * 5 + Math.min(dayOfWeek + 1, 5);
    }

    /** How many weekday bank holidays fall on or before {@code epochDay}. */
    private long holidaysUpTo(long epochDay) {
        int found = Arrays.binarySearch(weekdayHolidays, epochDay);
        return found >= 0 ? found + 1 : -(found + 1);
    }

    /** The {@code n}-th Monday-to-Friday after {@code start} (start never counts), ignoring bank holidays. */
    private static LocalDate weekdaysAfter(LocalDate start, int n) {
        // A weekend start counts from the Friday before it: the next weekday is the same Monday either way.
        LocalDate from = switch (start.getDayOfWeek()) {
            case SATURDAY -> start.minusDays(1);
            case SUNDAY -> start.minusDays(2);
            default -> start;
        };
        int weekday = from.getDayOfWeek().getValue() - 1;
        long weeks = (n - 1L) / 5;
        int rest = (n - 1) % 5 + 1;
        long days = weeks * 7 + rest + (weekday + rest > 4 ? 2 : 0);
        return from.plusDays(days);
    }

    /**
     * The due date for something that must happen "within {@code n} working days" of {@code clockStart}: the
     * {@code n}-th working day after it, inclusive (held on that day is in time). Flagged when any day counted
     * lies in a year whose bank holidays are not known.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public DueDate dueWithinWorkingDays(LocalDate clockStart, int n) {
        LocalDate due = workingDaysAfter(clockStart, n);
        // The known years are one unbroken run, so every day counted, from the day after the start to the due
        // date, is known exactly when both ends are.
        boolean beyond = !knowsHolidaysFor(clockStart.plusDays(1)) || !knowsHolidaysFor(due);
        return new DueDate(due, beyond);
    }

    /**
     * {@code start} plus {@code months} calendar months: the same day of the month, or the last day of the
     * target month when it has no such day. 31 August + 6 months is 28 February (29 in a leap year); 31 January
     * + 1 month is the last day of February; 29 February 2024 + 12 months is 28 February 2025; 15 March + 3
     * months is 15 June. Not moved off weekends or bank holidays.
     *
     * @throws IllegalArgumentException when {@code months} is less than 1
     */
    public LocalDate monthsAfter(LocalDate start, int months) {
        Objects.requireNonNull(start, "start");
        if (months < 1) {
            throw new IllegalArgumentException("A number of months must be at least 1, was " + months);
        }
        // LocalDate.plusMonths keeps the day of the month and clamps it to the target month's length, which is
        // exactly the month-end rule above.
        return start.plusMonths(months);
    }

    /**
     * The due date for something that must happen "within {@code months} months" of {@code clockStart}, or
     * "at most {@code months} months" after it: {@link #monthsAfter}, inclusive. Never flagged, since calendar
     * months do not depend on bank holidays.
     */
    public DueDate dueWithinMonths(LocalDate clockStart, int months) {
        return new DueDate(monthsAfter(clockStart, months), false);
    }

    /** Whether the bank holidays of {@code day}'s year are known, so whether it is a working day is certain. */
    public boolean knowsHolidaysFor(LocalDate day) {
        int year = Objects.requireNonNull(day, "day").getYear();
        return year >= firstKnownYear && year <= lastKnownYear;
    }

    /** The first year whose bank holidays are known (the year of the earliest one in the list). */
    public int firstKnownYear() {
        return firstKnownYear;
    }

    /** The last year whose bank holidays are known to be complete. */
    public int lastKnownYear() {
        return lastKnownYear;
    }

    /**
     * The bank holidays that fall on a weekday, in ascending order: the days a count of working days in SQL
     * takes away from the weekdays, as {@link #workingDaysBetween} does.
     */
    public List<LocalDate> weekdayBankHolidays() {
        return Arrays.stream(weekdayHolidays).mapToObj(LocalDate::ofEpochDay).toList();
    }
}
