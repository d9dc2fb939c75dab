package org.oversight.query.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day on which something due is still in time, together with whether that day could be trusted.
 *
 * <p>{@code date} is inclusive: a conference or review held on the due date itself is in time, one held the
 * day after is late, whatever kind of day that is (see {@link WorkingDayCalendar} for why).
 *
 * <p>{@code beyondKnownHolidays} is true when counting working days had to pass through a year whose bank
 * holidays the calendar does not know. Such a date treats every weekday of that year as a working day, so it
 * may be too early (never too late); pages should show it with a warning rather than as a settled date. A due
 * date in calendar months never depends on bank holidays and never carries the flag.
 *
 * @param date                the last day that is in time
 * @param beyondKnownHolidays whether the count reached a year without a known bank-holiday list
 */
public record DueDate(LocalDate date, boolean beyondKnownHolidays) {

    public DueDate {
        Objects.requireNonNull(date, "date");
    }

    /** Whether something that happened on {@code happenedOn} was in time: on or before the due date. */
    public boolean isMetBy(LocalDate happenedOn) {
        Objects.requireNonNull(happenedOn, "happenedOn");
        return !happenedOn.isAfter(date);
    }

    /**
     * Whether, if it has still not happened by {@code today}, it is overdue: the due date has passed. On the
     * due date itself it is not yet overdue, because there is still the rest of that day.
     */
    public boolean isOverdueOn(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return today.isAfter(date);
    }
}
