package org.oversight.command.protection;

import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.oversight.command.rules.RuleViolation;

/** The calendar rules every dated protection decision meets. */
final class ProtectionDates {

    private ProtectionDates() {
    }

    /** @param what how the chair names the date, e.g. "The conference date" */
    static void notInFuture(LocalDate date, LocalDate today, String field, String what) {
        if (date.isAfter(today)) {
            throw new RuleViolation(ProtectionRule.DATE_NOT_IN_FUTURE, field,
                    what + " cannot be in the future: " + spoken(date) + " has not happened yet");
        }
    }

    /** CIN 8875: no conference on a Saturday or Sunday. */
    static void onAWeekday(LocalDate date, String field) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            throw new RuleViolation(ProtectionRule.CONFERENCE_ON_A_WEEKDAY, field,
                    "Child protection conferences are not held at weekends: " + spoken(date) + " is a "
                            + day.getDisplayName(TextStyle.FULL, Locale.UK));
        }
    }
}
