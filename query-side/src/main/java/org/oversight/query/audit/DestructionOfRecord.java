package org.oversight.query.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.springframework.stereotype.Component;

/**
 * The decision that destroyed a child's record, read from the child's case in the event store: every projection
 * forgets the child, but an auditor verifying the sealed stream afterwards still needs to see who destroyed it,
 * when and under which rule. The decision holds no personal data, so it reads whole with the child's key gone.
 */
@Component
public class DestructionOfRecord {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final EventStore events;

    public DestructionOfRecord(EventStore events) {
        this.events = events;
    }

    /** What an auditor is shown of a destruction: no name, date of birth or identifier of the child. */
    public record Destruction(String destroyedBy, LocalDateTime destroyedAt, String retentionRule,
            long eventsAffected) {
    }

    /** The destruction of the child's record; empty while the record is kept. */
    public Optional<Destruction> of(String childId) {
        // only the destruction's own payload is read: the events before it hold content whose key is destroyed
        return events.readEvents(childId).asStream()
                .filter(message -> ChildRecordDestroyed.class.equals(message.getPayloadType()))
                .map(DomainEventMessage::getPayload).map(ChildRecordDestroyed.class::cast)
                .reduce((first, second) -> second)
                .map(e -> new Destruction(e.destroyedBy(), LocalDateTime.ofInstant(e.destroyedAt(), ENGLAND),
                        e.retentionRule(), e.eventsAffected()));
    }
}
