package org.oversight.events.subjectaccess;

import java.time.LocalDate;

/** The prepared copy was given to the requester (or someone acting for them) on {@code releasedOn}. */
public record SubjectAccessCopyReleased(
        String childId,
        String requestId,
        LocalDate releasedOn,
        String releasedTo) {
}
