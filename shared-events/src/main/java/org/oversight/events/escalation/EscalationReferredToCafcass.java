package org.oversight.events.escalation;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The chair referred the child's case to Cafcass. This may happen at any point and does not end the
 * escalation: the dispute resolution process can continue alongside the referral.
 *
 * @param escalationId the escalation ({@link FieldRule#IDENTIFIER})
 * @param referredOn   the date of the referral
 * @param reason       why, as typed ({@link FieldRule#FREE_TEXT})
 */
public record EscalationReferredToCafcass(
        String escalationId,
        LocalDate referredOn,
        String reason) {
}
