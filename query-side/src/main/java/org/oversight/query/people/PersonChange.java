package org.oversight.query.people;

import java.time.Instant;
import java.util.List;

/**
 * One change to a person as their history shows it: what changed in plain words, why, who changed it and when.
 *
 * @param kind           the event's type, e.g. {@code PersonTeamsChanged}
 * @param summary        the change in a few words
 * @param details        what it changed, one fact a line
 * @param reason         the administrator's reason; {@code null} for the record of an account as it stood
 * @param recordedByName the name of whoever made the change, as it was then
 */
public record PersonChange(long sequence, String kind, String summary, List<String> details, String reason,
        String recordedBy, String recordedByName, Instant recordedAt) {

    public PersonChange {
        details = List.copyOf(details);
    }
}
