package org.oversight.events.subjectaccess;

import java.time.LocalDate;

/**
 * The time to answer a request was extended by two further months, and the requester was told so on
 * {@code toldOn}, with the reason (UK GDPR article 12(3): the extension is told within the first month).
 */
public record SubjectAccessDeadlineExtended(
        String childId,
        String requestId,
        LocalDate toldOn,
        String reason) {
}
