package org.oversight.query.subjectaccess;

import java.time.LocalDate;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * When a subject access request must be answered. UK GDPR article 12(3): "without undue delay and in any event
 * within one month of receipt of the request", extendable "by two further months where necessary, taking into
 * account the complexity and number of the requests".
 *
 * <p>Counted as the Information Commissioner's guidance on the right of access counts it: from the day the
 * request is received (a request received on 3 September is answered by 3 October); where the next month has no
 * corresponding day, by its last day (31 January to 28 February, or 29 in a leap year); and where that day is a
 * weekend or a bank holiday, by the next working day (as Regulation (EEC, Euratom) No 1182/71 on periods and time
 * limits, article 3(4), which the guidance follows, provides). An extension counts three months from receipt.
 */
public final class TimeToAnswer {

    /** The months allowed, from receipt. */
    static final int MONTHS = 1;
    /** The months allowed, from receipt, once extended by two further months. */
    static final int EXTENDED_MONTHS = 3;

    private TimeToAnswer() {
    }

    /** The last day on which the request is answered in time. */
    public static DueDate due(LocalDate receivedOn, boolean extended, WorkingDayCalendar calendar) {
        LocalDate day = calendar.monthsAfter(receivedOn, extended ? EXTENDED_MONTHS : MONTHS);
        boolean beyondKnown = false;
        while (!calendar.isWorkingDay(day)) {
            beyondKnown |= !calendar.knowsHolidaysFor(day);
            day = day.plusDays(1);
        }
        return new DueDate(day, beyondKnown || !calendar.knowsHolidaysFor(day));
    }
}
