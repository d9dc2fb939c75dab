package org.oversight.events.escalation;

import java.time.LocalDate;

/**
 * The chair withdrew the escalation without it being resolved. Nothing more is recorded on it.
 *
 * @param escalationId the escalation
 * @param withdrawnOn  the date it was withdrawn
 * @param reason       why, as typed
 */
public record EscalationWithdrawn(
        String escalationId,
        LocalDate withdrawnOn,
        String reason) {
}
