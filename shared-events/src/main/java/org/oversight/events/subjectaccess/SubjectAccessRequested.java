package org.oversight.events.subjectaccess;

import java.time.LocalDate;

/**
 * A request for a copy of the child's record was received, from the child or a person with parental
 * responsibility. The day it was received starts the time to answer (UK GDPR article 12(3)).
 *
 * @param requesterName how the requester is named in the letter or form that asked
 */
public record SubjectAccessRequested(
        String childId,
        String requestId,
        String requesterName,
        RequesterRelationship relationship,
        LocalDate receivedOn) {
}
