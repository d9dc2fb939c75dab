package org.oversight.events.escalation;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The chair did not accept the latest response at the current level. The escalation stays at that level until
 * another response arrives or the chair moves it up.
 *
 * @param escalationId the escalation ({@link FieldRule#IDENTIFIER})
 * @param level        the level whose response was rejected; {@code null} for an informal alert
 *                     ({@link FieldRule#CODE})
 * @param rejectedOn   the date the chair rejected it
 * @param reason       why the response does not meet the child's needs, as typed ({@link FieldRule#FREE_TEXT})
 */
public record EscalationResponseRejected(
        String escalationId,
        String level,
        LocalDate rejectedOn,
        String reason) {
}
