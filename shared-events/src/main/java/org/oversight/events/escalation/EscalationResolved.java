package org.oversight.events.escalation;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The escalation ended with the concern resolved at its current level. Nothing more is recorded on it.
 *
 * @param escalationId             the escalation ({@link FieldRule#IDENTIFIER})
 * @param resolvedOn               the date it was resolved
 * @param level                    the level it was resolved at; {@code null} when resolved as an informal alert
 *                                 ({@link FieldRule#CODE})
 * @param outcomeForChild          what changed for the child, as typed ({@link FieldRule#FREE_TEXT})
 * @param resolvedInChildsInterest whether the chair judges the resolution to be in the child's interest
 */
public record EscalationResolved(
        String escalationId,
        LocalDate resolvedOn,
        String level,
        String outcomeForChild,
        boolean resolvedInChildsInterest) {
}
