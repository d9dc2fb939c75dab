package org.oversight.command.childcase;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a child's record stands in its authority's retention schedule, as the retention read model works it out
 * from the recorded facts (the child's age, the end of care or of the last plan or enquiry, the local periods):
 * the destruction decision asks it so that nothing is destroyed before the schedule says it may be. The platform
 * supplies it.
 */
public interface RecordsDue {

    /** The record's type and where it stands; empty while its retention is not worked out yet. */
    Optional<Standing> of(String childId);

    /**
     * @param recordType   the record's type in the schedule (its code, e.g. {@code LOOKED_AFTER})
     * @param destroyFrom  the first day the record may be destroyed; empty while it is kept whatever the date (an
     *                     open plan, nothing closed yet)
     */
    record Standing(String recordType, Optional<LocalDate> destroyFrom) {
    }
}
