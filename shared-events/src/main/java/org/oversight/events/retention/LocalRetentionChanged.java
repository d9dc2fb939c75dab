package org.oversight.events.retention;

import org.oversight.events.fields.FieldRule;

/**
 * An administrator changed one row of a local authority's retention schedule. It applies at once to every record
 * of the type in that authority: a record is judged by the schedule in force on the day it would be destroyed.
 *
 * @param localAuthority the local authority's code ({@link FieldRule#CODE})
 * @param recordType     the type of record, never a statutory one
 * @param years          how many whole years records of the type are now kept
 * @param from           the day the years are counted from
 * @param reason         why, as the administrator put it ({@link FieldRule#FREE_TEXT})
 */
public record LocalRetentionChanged(
        String localAuthority,
        RecordType recordType,
        int years,
        RetentionTrigger from,
        String reason) {
}
