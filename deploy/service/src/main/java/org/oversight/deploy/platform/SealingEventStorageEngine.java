package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.audit.EventChainHash.StoredEvent;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon's JDBC event storage, plus a seal for every appended event, written in the same transaction: each
 * aggregate's stream is a chain of HMACs over the events exactly as stored (read back after the insert), so
 * anything done to the rows later, directly in the database, shows when the chain is verified.
 *
 * <p>The store keeps no snapshots. A snapshot is an aggregate's whole state, the child's personal content included,
 * written as it is, where every event's personal content is encrypted under the child's key and destroyed with
 * it; nor would a snapshot be sealed. So none is stored, and none is asked for: Axon would otherwise ask PostgreSQL
 * for one at every aggregate load, before reading its events.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private static final int READ_CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final EventChainHash chain;

    public SealingEventStorageEngine(Builder builder, DataSource dataSource, EventChainHash chain) {
        super(builder);
        this.jdbc = JdbcClient.create(dataSource);
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.chain = chain;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException(
                "This event store keeps no snapshots: a snapshot would hold personal content unencrypted and unsealed");
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        List<String> eventIds = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?>) {
                eventIds.add(event.getIdentifier());
            }
        }
        if (!eventIds.isEmpty()) {
            seal(eventIds);
        }
    }

    /**
     * Reads the appended events back exactly as stored (in chunks, one query each), chains each aggregate's
     * events onto the seal of the event before them, and writes the seals in one batch. A bulk append of many
     * streams costs a few statements, not a few per event.
     */
    private void seal(List<String> eventIds) {
        Map<String, List<StoredEvent>> byAggregate = new LinkedHashMap<>();
        for (int from = 0; from < eventIds.size(); from += READ_CHUNK) {
            List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + READ_CHUNK));
            jdbc.sql("""
                    SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype,
                           payloadrevision, timestamp, payload, metadata
                      FROM domainevententry WHERE eventidentifier IN (:ids)
                    """).param("ids", chunk).query((rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
                            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getBytes(8), rs.getBytes(9)))
                    .list()
                    .forEach(e -> byAggregate.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e));
        }
        List<Object[]> seals = new ArrayList<>();
        byAggregate.forEach((aggregateId, stored) -> {
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
                seals.add(new Object[] {event.eventIdentifier(), aggregateId, event.sequence(), seal, chain.currentKeyId()});
                previous = seal;
            }
        });
        jdbcTemplate.batchUpdate(
                "INSERT INTO event_chain (event_identifier, aggregate_id, sequence, seal, key_id) VALUES (?, ?, ?, ?, ?)",
                seals);
    }
}
