package org.oversight.query.clocks;

import java.time.LocalDate;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * One statutory clock for a child: when it started, when the thing is due, when (if) it happened, and where it
 * stands on a given day. Derived from recorded facts every time it is read, never stored.
 *
 * @param kind     a stable code for the kind of clock ({@code cp-review}, {@code record-distribution}, …)
 * @param name     what is due, as a chair would say it ("First review conference")
 * @param standard the timescale and its source ("within 3 months of the initial conference, Working Together")
 * @param startedOn the fact that started the clock
 * @param due      the last day on which it is still in time (inclusive)
 * @param metOn    when it happened, or {@code null}
 * @param closed   true when the clock stopped without the thing happening (e.g. no initial conference needed)
 */
public record StatutoryClock(String kind, String name, String standard, LocalDate startedOn, DueDate due, LocalDate metOn,
        boolean closed) {

    /** Where a clock stands, most urgent first; {@link #urgent()} ones need a chair's attention. */
    public enum Status {
        OVERDUE("Overdue"),
        DUE_WITHIN_5_WORKING_DAYS("Due within 5 working days"),
        DUE_WITHIN_20_WORKING_DAYS("Due within 20 working days"),
        ON_TRACK("On track"),
        HAPPENED_LATE("Happened late"),
        HAPPENED_IN_TIME("Happened in time"),
        NOT_NEEDED("Not needed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean urgent() {
            return this == OVERDUE || this == DUE_WITHIN_5_WORKING_DAYS;
        }

        public boolean open() {
            return ordinal() <= ON_TRACK.ordinal();
        }
    }

    public Status statusOn(LocalDate asAt, WorkingDayCalendar calendar) {
        if (closed) {
            return Status.NOT_NEEDED;
        }
        if (metOn != null) {
            return due.isMetBy(metOn) ? Status.HAPPENED_IN_TIME : Status.HAPPENED_LATE;
        }
        if (due.isOverdueOn(asAt)) {
            return Status.OVERDUE;
        }
        int left = calendar.workingDaysBetween(asAt, due.date());
        if (left <= 5) {
            return Status.DUE_WITHIN_5_WORKING_DAYS;
        }
        return left <= 20 ? Status.DUE_WITHIN_20_WORKING_DAYS : Status.ON_TRACK;
    }

    /**
     * Working days late (positive) or left (zero or negative is never returned for open clocks: "left" is
     * positive), as the timeline shows them: late by the working days after the due date up to the day it
     * happened (or up to {@code asAt} if it has not); left by the working days from {@code asAt} to the due date.
     */
    public int workingDaysLate(LocalDate asAt, WorkingDayCalendar calendar) {
        LocalDate until = metOn != null ? metOn : asAt;
        return until.isAfter(due.date()) ? calendar.workingDaysBetween(due.date(), until) : 0;
    }

    public int workingDaysLeft(LocalDate asAt, WorkingDayCalendar calendar) {
        return metOn == null && !closed && !asAt.isAfter(due.date()) ? calendar.workingDaysBetween(asAt, due.date()) : 0;
    }
}
