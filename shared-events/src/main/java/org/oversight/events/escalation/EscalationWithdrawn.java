package org.oversight.events.escalation;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The chair withdrew the escalation without it being resolved. Nothing more is recorded on it.
 *
 * @param escalationId the escalation ({@link FieldRule#IDENTIFIER})
 * @param withdrawnOn  the date it was withdrawn
 * @param reason       why, as typed ({@link FieldRule#FREE_TEXT})
 */
public record EscalationWithdrawn(
        String escalationId,
        LocalDate withdrawnOn,
        String reason) {
}
