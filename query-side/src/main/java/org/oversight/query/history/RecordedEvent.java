package org.oversight.query.history;

import java.time.Instant;

/**
 * One event exactly as the event store holds it: where it stands (stream and position), what it says, and who
 * recorded it when (from the metadata every command stamps on its events).
 *
 * @param payload        the event, or {@code null} when its type is not one this version knows
 * @param recordedByName the recorder's name as it was when they recorded it
 * @param recordedAt     the server's time when it was recorded
 */
public record RecordedEvent(String stream, long sequence, long globalIndex, String eventIdentifier,
        String payloadType, Object payload, String recordedBy, String recordedByName, Instant recordedAt,
        String correlationId) {

    /** The event type's simple name, as the integrity check names it. */
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    public boolean recordedBy(Instant moment) {
        return !recordedAt.isAfter(moment);
    }
}
