package org.oversight.events.escalation;

import java.time.LocalDate;

/**
 * The chair did not accept the latest response at the current level. The escalation stays at that level until
 * another response arrives or the chair moves it up.
 *
 * @param escalationId the escalation
 * @param level        the level whose response was rejected; {@code null} for an informal alert
 * @param rejectedOn   the date the chair rejected it
 * @param reason       why the response does not meet the child's needs, as typed
 */
public record EscalationResponseRejected(
        String escalationId,
        String level,
        LocalDate rejectedOn,
        String reason) {
}
