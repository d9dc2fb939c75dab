package org.oversight.query.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar the application uses: the bank holidays shipped in {@value BankHolidays#SHIPPED}
 * merged with those administrators have added to the {@code bank_holiday} table, the latest year across both
 * taken as the last year whose holidays are complete.
 *
 * <p>Read from the database on first use, not at start-up, so the table exists by then whatever order the
 * application starts in; {@link #reload()} rereads it, so an administrator's addition takes effect without a
 * restart. A failed reload leaves the previous calendar in use.
 *
 * <p>The clock methods here delegate to {@link WorkingDayCalendar} and log a WARN the first time a date in a
 * year without known bank holidays is asked about (once per year until the next reload), so someone adds
 * that year's list before the due dates drift. The warning names only years, never a child or a case.
 *
 * <p>A year counts as known once the merged list holds its eight regular holidays, so a single one-off added
 * for a future year does not silence the warning for the rest of that year.
 */
@Component
public class StatutoryCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(StatutoryCalendar.class);

    private final JdbcClient jdbc;
    private final BankHolidays shipped = BankHolidays.shipped();
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();
    private volatile WorkingDayCalendar current;

    public StatutoryCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar in use, read from the shipped list and the database on first use. */
    public WorkingDayCalendar current() {
        WorkingDayCalendar calendar = current;
        return calendar != null ? calendar : loadIfNotYetLoaded();
    }

    /** Rereads the {@code bank_holiday} table and answers the new calendar, now in use. */
    public synchronized WorkingDayCalendar reload() {
        List<BankHoliday> added = jdbc.sql("SELECT holiday_date, title FROM bank_holiday ORDER BY holiday_date")
                .query((rs, row) -> new BankHoliday(rs.getObject("holiday_date", LocalDate.class),
                        rs.getString("title")))
                .list();
        BankHolidays merged = shipped.with(added);
        WorkingDayCalendar calendar = merged.toCalendar();
        current = calendar;
        // a reload may have added the years warned about; any still missing deserve a fresh warning
        yearsWarnedAbout.clear();
        LOG.info("Statutory calendar loaded: {} bank holidays ({} added by administrators), known {} to {}",
                merged.all().size(), added.size(), calendar.firstKnownYear(), calendar.lastKnownYear());
        return calendar;
    }

    /** See {@link WorkingDayCalendar#dueWithinWorkingDays}; warns when the count reaches an unknown year. */
    public DueDate dueWithinWorkingDays(LocalDate clockStart, int n) {
        WorkingDayCalendar calendar = current();
        DueDate due = calendar.dueWithinWorkingDays(clockStart, n);
        warnIfUnknown(calendar, clockStart.plusDays(1));
        warnIfUnknown(calendar, due.date());
        return due;
    }

    /** See {@link WorkingDayCalendar#dueWithinMonths}; calendar months never need bank holidays. */
    public DueDate dueWithinMonths(LocalDate clockStart, int months) {
        return current().dueWithinMonths(clockStart, months);
    }

    /** See {@link WorkingDayCalendar#workingDaysBetween}; warns when the span reaches an unknown year. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        WorkingDayCalendar calendar = current();
        int days = calendar.workingDaysBetween(from, to);
        if (to.isAfter(from)) {
            warnIfUnknown(calendar, from.plusDays(1));
            warnIfUnknown(calendar, to);
        }
        return days;
    }

    /** See {@link WorkingDayCalendar#isWorkingDay}; warns when {@code day}'s year is unknown. */
    public boolean isWorkingDay(LocalDate day) {
        WorkingDayCalendar calendar = current();
        warnIfUnknown(calendar, day);
        return calendar.isWorkingDay(day);
    }

    private synchronized WorkingDayCalendar loadIfNotYetLoaded() {
        WorkingDayCalendar calendar = current;
        return calendar != null ? calendar : reload();
    }

    private void warnIfUnknown(WorkingDayCalendar calendar, LocalDate day) {
        if (!calendar.knowsHolidaysFor(day) && yearsWarnedAbout.add(day.getYear())) {
            LOG.warn("Bank holidays for {} are not known (the statutory calendar knows {} to {}): working-day due "
                            + "dates reaching {} count every weekday as a working day and may be too early. Add "
                            + "{}'s bank holidays to the bank_holiday table and reload the calendar.",
                    day.getYear(), calendar.firstKnownYear(), calendar.lastKnownYear(), day.getYear(),
                    day.getYear());
        }
    }
}
