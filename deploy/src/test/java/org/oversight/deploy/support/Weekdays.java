package org.oversight.deploy.support;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Dates a test can record a child protection conference on, whatever day the suite runs (CIN 8875: no weekends). */
public final class Weekdays {

    private Weekdays() {
    }

    /** The date itself if it is a Monday to Friday, else the Friday before it. */
    public static LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }
}
