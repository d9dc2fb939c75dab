package org.oversight.query.retention;

import java.time.LocalDate;
import org.oversight.events.retention.RecordType;

/**
 * How long one child's record is kept, as worked out from the recorded facts and the authority's schedule.
 *
 * @param recordType the type of record the child's facts make it
 * @param statutory  whether the law sets the period (otherwise the authority's schedule does)
 * @param rule       the rule that applies, in words, with its source
 * @param dueOn      the first day the record may be destroyed; {@code null} while it is kept whatever the date
 * @param why        the facts the date comes from, in words
 */
public record Retention(RecordType recordType, boolean statutory, String rule, LocalDate dueOn, String why) {

    /** Whether the record may be destroyed on {@code day}, holds aside. */
    public boolean dueBy(LocalDate day) {
        return dueOn != null && !dueOn.isAfter(day);
    }
}
