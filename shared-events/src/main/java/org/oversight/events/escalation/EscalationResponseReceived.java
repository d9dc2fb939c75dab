package org.oversight.events.escalation;

import java.time.LocalDate;

/**
 * The local authority answered the escalation at its current level.
 *
 * @param escalationId the escalation
 * @param level        the level that responded; {@code null} for a response to an informal alert
 * @param receivedOn   the date the response was received
 * @param respondent   who responded, a role or a name as typed
 * @param agreed       what the response agreed to do, as typed
 */
public record EscalationResponseReceived(
        String escalationId,
        String level,
        LocalDate receivedOn,
        String respondent,
        String agreed) {
}
