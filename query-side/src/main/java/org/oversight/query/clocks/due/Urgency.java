package org.oversight.query.clocks.due;

import java.time.LocalDate;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * How urgently a child needs their chair, from the earliest due date among the child's open clocks, in the
 * same bands as a clock's own status: overdue once the due date has passed; due within 5 or within 20 working
 * days counting from the day after today up to and including the due date; otherwise on track.
 */
public enum Urgency {
    OVERDUE("Overdue", "red"),
    DUE_WITHIN_5_WORKING_DAYS("Due within 5 working days", "orange"),
    DUE_WITHIN_20_WORKING_DAYS("Due within 20 working days", "yellow"),
    ON_TRACK("On track", "green"),
    NOTHING_DUE("Nothing due", "grey");

    private final String label;
    private final String colour;

    Urgency(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The GOV.UK tag colour that goes with the label (never instead of it). */
    public String colour() {
        return colour;
    }

    public static Urgency of(LocalDate due, LocalDate today, WorkingDayCalendar calendar) {
        if (due == null) {
            return NOTHING_DUE;
        }
        if (today.isAfter(due)) {
            return OVERDUE;
        }
        int left = calendar.workingDaysBetween(today, due);
        if (left <= 5) {
            return DUE_WITHIN_5_WORKING_DAYS;
        }
        return left <= 20 ? DUE_WITHIN_20_WORKING_DAYS : ON_TRACK;
    }

    /**
     * The last due date that still falls in this band on {@code today} (for {@link #OVERDUE}, the day before
     * today), so a band is a date range in a query. Agrees with {@link #of} for every date.
     */
    public LocalDate lastDueDate(LocalDate today, WorkingDayCalendar calendar) {
        return switch (this) {
            case OVERDUE -> today.minusDays(1);
            case DUE_WITHIN_5_WORKING_DAYS -> lastWithin(today, 5, calendar);
            case DUE_WITHIN_20_WORKING_DAYS -> lastWithin(today, 20, calendar);
            case ON_TRACK, NOTHING_DUE -> LocalDate.MAX;
        };
    }

    /**
     * The bands as at one day, for ranking many due dates: the working days are counted once for the band
     * boundaries instead of once for every due date. Agrees with {@link #of} for every date.
     */
    public static Scale on(LocalDate today, WorkingDayCalendar calendar) {
        return new Scale(OVERDUE.lastDueDate(today, calendar), DUE_WITHIN_5_WORKING_DAYS.lastDueDate(today, calendar),
                DUE_WITHIN_20_WORKING_DAYS.lastDueDate(today, calendar));
    }

    /** The last due date of each band but the last ones, as at one day (see {@link #on}). */
    public record Scale(LocalDate lastOverdue, LocalDate lastWithin5, LocalDate lastWithin20) {

        public Urgency of(LocalDate due) {
            if (due == null) {
                return NOTHING_DUE;
            }
            if (!due.isAfter(lastOverdue)) {
                return OVERDUE;
            }
            if (!due.isAfter(lastWithin5)) {
                return DUE_WITHIN_5_WORKING_DAYS;
            }
            return due.isAfter(lastWithin20) ? ON_TRACK : DUE_WITHIN_20_WORKING_DAYS;
        }
    }

    /** The day before the (n+1)th working day after today: later days have more than n working days left. */
    private static LocalDate lastWithin(LocalDate today, int n, WorkingDayCalendar calendar) {
        return calendar.workingDaysAfter(today, n + 1).minusDays(1);
    }
}
