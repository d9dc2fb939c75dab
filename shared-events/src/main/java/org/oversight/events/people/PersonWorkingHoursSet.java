package org.oversight.events.people;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An administrator recorded the hours a chair works each week from a day, beside the full-time week of their post,
 * so that the service knows their full-time equivalent: the IRO Handbook (2010, para 7.15) puts a full-time IRO's
 * caseload at 50 to 70 looked-after children, and the annual IRO report measures the service against it. A
 * member of staff's working hours are not a child's information.
 *
 * @param username            whose hours
 * @param effectiveFrom       the first day they work these hours
 * @param weeklyHours         the hours they work a week
 * @param fullTimeWeeklyHours the hours a week of a full-time post of theirs at the authority (often 37)
 * @param reason              why, as the administrator put it
 */
public record PersonWorkingHoursSet(String username, LocalDate effectiveFrom, BigDecimal weeklyHours,
        BigDecimal fullTimeWeeklyHours, String reason) {
}
