package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.audit.EventChainHash.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon's JDBC event storage, plus a seal for every appended event, written in the same transaction: each
 * aggregate's stream is a chain of HMACs over the events exactly as stored (read back after the insert), so
 * anything done to the rows later, directly in the database, shows when the chain is verified.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private final JdbcClient jdbc;
    private final EventChainHash chain;

    public SealingEventStorageEngine(Builder builder, JdbcClient jdbc, EventChainHash chain) {
        super(builder);
        this.jdbc = jdbc;
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                byAggregate.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(domain.getIdentifier());
            }
        }
        byAggregate.forEach(this::seal);
    }

    private void seal(String aggregateId, List<String> eventIds) {
        List<StoredEvent> stored = new ArrayList<>(jdbc.sql("""
                SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payloadrevision,
                       timestamp, payload, metadata
                  FROM domainevententry WHERE eventidentifier IN (:ids)
                """).param("ids", eventIds).query((rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getBytes(8), rs.getBytes(9)))
                .list());
        stored.sort(Comparator.comparingLong(StoredEvent::sequence));
        long first = stored.get(0).sequence();
        byte[] previous = first == 0 ? EventChainHash.GENESIS
                : jdbc.sql("SELECT seal FROM event_chain WHERE aggregate_id = :id AND sequence = :sequence")
                        .param("id", aggregateId).param("sequence", first - 1)
                        .query((rs, i) -> rs.getBytes(1)).optional()
                        .orElseThrow(() -> new IllegalStateException(
                                "The previous event of this stream has no seal; verify the chain before writing"));
        for (StoredEvent event : stored) {
            byte[] seal = chain.seal(previous, event);
            jdbc.sql("INSERT INTO event_chain (event_identifier, aggregate_id, sequence, seal) VALUES (:e, :a, :s, :seal)")
                    .param("e", event.eventIdentifier()).param("a", aggregateId).param("s", event.sequence())
                    .param("seal", seal).update();
            previous = seal;
        }
    }
}
