package org.oversight.deploy.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.oversight.deploy.platform.personal.SealedSnapshots;
import org.oversight.events.StreamIds;
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
 * <p>Snapshots of a child's journeys are kept encrypted under the child's key and bound to their stream, sequence
 * and the code that wrote them ({@link SealedSnapshots}); a snapshot that does not open is passed over, and the
 * journey is read from its events, which stay the record. A store built without {@link SealedSnapshots} (the bulk
 * loader's) refuses to store a snapshot and reads none; so does every store for any stream that is not a child's
 * journey, since nothing else is encrypted under a child's key.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private static final int READ_CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final EventChainHash chain;
    private final SealedSnapshots snapshots;

    /** A store that keeps no snapshots. */
    public SealingEventStorageEngine(Builder builder, DataSource dataSource, EventChainHash chain) {
        this(builder, dataSource, chain, null);
    }

    /** A store that keeps sealed snapshots of children's journeys. */
    public SealingEventStorageEngine(Builder builder, DataSource dataSource, EventChainHash chain,
            SealedSnapshots snapshots) {
        super(builder);
        this.jdbc = JdbcClient.create(dataSource);
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.chain = chain;
        this.snapshots = snapshots;
    }

    /**
     * Replaces the stream's older snapshots with this one, in one statement. A second snapshot at the same sequence
     * (two nodes at once) is left as the first wrote it. A child whose key is destroyed gets none, even from a node
     * that still holds the key in its cache.
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String streamId = snapshot.getAggregateIdentifier();
        if (snapshots == null || StreamIds.childOf(streamId).isEmpty()) {
            throw new UnsupportedOperationException("This event store keeps snapshots of children's journeys only, "
                    + "encrypted under the child's key");
        }
        String type = snapshot.getPayloadType().getName();
        long sequence = snapshot.getSequenceNumber();
        SerializedObject<byte[]> metadata = snapshot.serializeMetaData(serializer, byte[].class);
        Optional<byte[]> sealed = snapshots.seal(streamId, type, sequence,
                snapshot.serializePayload(serializer, byte[].class).getData());
        if (sealed.isEmpty()) {
            return;
        }
        // Sealed under the key as this node holds it, perhaps from its cache: the row is written only while the key
        // is still live in the database, and the key's row is held until this commits, so a destruction on another
        // node either comes first (and nothing is written) or waits for this, and then deletes this snapshot too.
        jdbc.sql("""
                WITH live AS (SELECT key_id FROM data_key WHERE key_id = :child AND wrapped IS NOT NULL FOR SHARE),
                     older AS (DELETE FROM snapshotevententry
                                WHERE aggregateidentifier = :stream AND sequencenumber < :sequence)
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                               payload, payloadrevision, payloadtype, timestamp)
                SELECT :stream, :sequence, :aggregateType, :eventId, :metadata, :payload, :revision, :type,
                       :timestamp
                  FROM live
                ON CONFLICT DO NOTHING
                """)
                .param("child", StreamIds.childOf(streamId).orElseThrow())
                .param("stream", streamId).param("sequence", sequence).param("aggregateType", snapshot.getType())
                .param("eventId", snapshot.getIdentifier()).param("metadata", metadata.getData())
                .param("payload", sealed.get()).param("revision", snapshots.revision()).param("type", type)
                .param("timestamp", DateTimeUtils.formatInstant(snapshot.getTimestamp()))
                .update();
    }

    /** The stream's latest snapshot written by this code, opened; none if it does not open. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (snapshots == null || StreamIds.childOf(aggregateIdentifier).isEmpty()) {
            return Stream.empty();
        }
        return jdbc.sql("""
                SELECT sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype,
                       timestamp
                  FROM snapshotevententry
                 WHERE aggregateidentifier = :stream AND payloadrevision = :revision
                 ORDER BY sequencenumber DESC LIMIT 1
                """).param("stream", aggregateIdentifier).param("revision", snapshots.revision())
                .query((rs, i) -> new StoredSnapshot(rs.getString(2), aggregateIdentifier, rs.getLong(1),
                        rs.getString(3), DateTimeUtils.parseInstant(rs.getString(8)),
                        new SimpleSerializedObject<>(rs.getBytes(4), byte[].class, MetaData.class.getName(), null),
                        new SimpleSerializedObject<>(rs.getBytes(5), byte[].class, rs.getString(7), rs.getString(6))))
                .optional()
                .flatMap(stored -> snapshots.open(aggregateIdentifier, stored.getPayload().getType().getName(),
                        stored.getSequenceNumber(), stored.getPayload().getType().getRevision(),
                        stored.getPayload().getData()).map(stored::opened))
                .stream();
    }

    /** A snapshot as stored, then with its payload opened. */
    private record StoredSnapshot(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
            Instant timestamp, SerializedObject<byte[]> metaData, SerializedObject<byte[]> payload)
            implements DomainEventData<byte[]> {

        StoredSnapshot opened(byte[] plain) {
            return new StoredSnapshot(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, metaData,
                    new SimpleSerializedObject<>(plain, byte[].class, payload.getType()));
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
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
     * events onto the seal of the event before them, and writes the seals in one batch. The seal each stream's
     * appended events follow on from comes back in the same query, beside its first event. A bulk append of many
     * streams costs a few statements, not a few per event; a decision about a child, two.
     */
    private void seal(List<String> eventIds) {
        Map<String, List<StoredEvent>> byAggregate = new LinkedHashMap<>();
        Map<String, byte[]> sealsBefore = new HashMap<>();
        for (int from = 0; from < eventIds.size(); from += READ_CHUNK) {
            List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + READ_CHUNK));
            jdbc.sql("""
                    SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype,
                           payloadrevision, timestamp, payload, metadata,
                           CASE WHEN sequencenumber > 0
                                 AND sequencenumber = min(sequencenumber) OVER (PARTITION BY aggregateidentifier)
                                THEN (SELECT c.seal FROM event_chain c
                                       WHERE c.aggregate_id = e.aggregateidentifier
                                         AND c.sequence = e.sequencenumber - 1)
                           END
                      FROM domainevententry e WHERE eventidentifier IN (:ids)
                    """).param("ids", chunk).query((rs, i) -> {
                        StoredEvent event = new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                                rs.getBytes(9));
                        byte[] before = rs.getBytes(10);
                        if (before != null) {
                            sealsBefore.put(event.aggregateId() + "/" + event.sequence(), before);
                        }
                        return event;
                    })
                    .list()
                    .forEach(e -> byAggregate.computeIfAbsent(e.aggregateId(), id -> new ArrayList<>()).add(e));
        }
        List<Object[]> seals = new ArrayList<>();
        byAggregate.forEach((aggregateId, stored) -> {
            stored.sort(Comparator.comparingLong(StoredEvent::sequence));
            long first = stored.get(0).sequence();
            byte[] previous = first == 0 ? EventChainHash.GENESIS : sealsBefore.get(aggregateId + "/" + first);
            if (previous == null) {
                throw new IllegalStateException(
                        "The previous event of this stream has no seal; verify the chain before writing");
            }
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
