package org.oversight.events.escalation;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The local authority answered the escalation at its current level.
 *
 * @param escalationId the escalation ({@link FieldRule#IDENTIFIER})
 * @param level        the level that responded; {@code null} for a response to an informal alert
 *                     ({@link FieldRule#CODE})
 * @param receivedOn   the date the response was received
 * @param respondent   who responded, a role or a name as typed ({@link FieldRule#SHORT_TEXT})
 * @param agreed       what the response agreed to do, as typed ({@link FieldRule#FREE_TEXT})
 */
public record EscalationResponseReceived(
        String escalationId,
        String level,
        LocalDate receivedOn,
        String respondent,
        String agreed) {
}
