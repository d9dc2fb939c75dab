package org.oversight.command.lookedafter;

import java.time.LocalDate;
import org.oversight.command.rules.RuleViolation;

/** The date rule every part of the journey shares: a fact is recorded once it has happened. */
final class JourneyDates {

    private JourneyDates() {
    }

    static void notInFuture(LocalDate date, LocalDate today, String field, String what) {
        if (date.isAfter(today)) {
            throw new RuleViolation(LookedAfterRule.DATE_NOT_IN_FUTURE, field,
                    what + " is recorded once it has happened: the date must be today or in the past");
        }
    }
}
