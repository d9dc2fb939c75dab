package org.oversight.deploy.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon's JDBC event storage, plus a seal for every appended event, written in the same transaction: each
 * aggregate's stream is a chain of HMACs over the events exactly as stored (the values the insert sent, which the
 * database keeps as they are), so anything done to the rows later, directly in the database, shows when the chain is
 * verified.
 *
 * <p>Snapshots of a child's journeys are kept encrypted under the child's key and bound to their stream, sequence
 * and the code that wrote them ({@link SealedSnapshots}); a snapshot that does not open is passed over, and the
 * journey is read from its events, which stay the record. A store built without {@link SealedSnapshots} (the bulk
 * loader's) refuses to store a snapshot and reads none; so does every store for any stream that is not a child's
 * journey, since nothing else is encrypted under a child's key.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    /** Events the store reads in one query, for a stream or for the processors. */
    public static final int EVENTS_A_QUERY = 1_000;

    /**
     * Events a statement inserts at most. A bulk append of thousands went about a third slower in statements of a
     * thousand rows than in Axon's own batches; in statements of a hundred, as fast (README, "The append in two
     * statements").
     */
    private static final int APPEND_CHUNK = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final EventChainHash chain;
    private final SealedSnapshots snapshots;
    private final TransactionManager transactionManager;
    private final UntakenPositions untaken;

    /** A store that keeps no snapshots, in the transactions of {@code transactionManager}. */
    public SealingEventStorageEngine(Builder builder, TransactionManager transactionManager, DataSource dataSource,
            EventChainHash chain) {
        this(builder, transactionManager, dataSource, chain, null);
    }

    /**
     * A store that keeps sealed snapshots of children's journeys, in the transactions of {@code transactionManager},
     * which the builder is given here so that Axon's reads and this store's appends share it.
     */
    public SealingEventStorageEngine(Builder builder, TransactionManager transactionManager, DataSource dataSource,
            EventChainHash chain, SealedSnapshots snapshots) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
        this.jdbc = JdbcClient.create(dataSource);
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.chain = chain;
        this.snapshots = snapshots;
        this.untaken = new UntakenPositions(dataSource);
    }

    /**
     * Reads the processors' next events as Axon does, from a position without the gaps that no event will ever take
     * ({@link UntakenPositions}): each event read carries its own copy of its position's gaps.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return super.fetchTrackedEvents(lastToken instanceof GapAwareTrackingToken position
                ? untaken.passOver(position) : lastToken, batchSize);
    }

    /** What the store has passed over, for the operators' metrics. */
    UntakenPositions untakenPositions() {
        return untaken;
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

    /**
     * Reads a window of the stream's sequence numbers as Axon does; a window whose first event is not the first
     * number asked for (rows deleted behind the platform's back) comes back marked, so that the stream is read on.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
            long firstSequenceNumber, int batchSize) {
        List<? extends DomainEventData<?>> batch =
                super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        return batch.isEmpty() || batch.get(0).getSequenceNumber() == firstSequenceNumber ? batch : new Gapped(batch);
    }

    /** A window of a stream with a gap before its first event. */
    private static final class Gapped extends ArrayList<DomainEventData<?>> {

        private static final long serialVersionUID = 1L;

        Gapped(List<? extends DomainEventData<?>> batch) {
            super(batch);
        }
    }

    /**
     * Whether a window of a stream's events, read {@link #EVENTS_A_QUERY} sequence numbers at a time, is the
     * stream's last. Axon's JDBC store asks again until a window comes back empty, a second query for every aggregate
     * loaded. Nothing deletes an event, so a stream's sequence numbers have no gaps: a window that is not full, starts
     * at the number asked for and has no gap of its own is the end of the stream. A window with a gap before or within
     * it (rows deleted behind the platform's back, which the chain reports) is read on until one comes back empty, as
     * Axon would; only a gap that runs from inside a window to the end of it goes unseen.
     */
    public static boolean lastOfStream(List<? extends DomainEventData<?>> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        int size = batch.size();
        return !(batch instanceof Gapped) && size < EVENTS_A_QUERY
                && batch.get(size - 1).getSequenceNumber() - batch.get(0).getSequenceNumber() == size - 1;
    }

    /**
     * Stores the events and their seals in the caller's transaction (a transaction of its own if there is none), in
     * two statements for up to {@value #APPEND_CHUNK} events: the insert, which returns the position the database gave
     * each event and, beside them, the stored seal each stream carries on from; then the seals. Each event is sealed
     * over the very values the insert sent (strings and bytes the database stores as they are, or refuses), so the
     * rows need not be read back. An event outside any stream is stored as Axon stores one (its own identifier as its
     * stream, at sequence 0) and not sealed, since the chains are the streams'.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            // serialized in the transaction: a child's first personal content creates the child's data key with it
            List<Appended> appended = new ArrayList<>(events.size());
            Map<String, Long> lastSequences = new HashMap<>();
            for (EventMessage<?> event : events) {
                Appended next = Appended.of(event, serializer);
                Long before = next.sealed() ? lastSequences.put(next.stream(), next.sequence()) : null;
                if (before != null && next.sequence() != before + 1) {
                    // each event is sealed onto the one before it in the list, and the chain is checked in sequence
                    throw new IllegalStateException("A stream's events are appended in the order of their sequence");
                }
                appended.add(next);
            }
            List<Object[]> seals = new ArrayList<>();
            Map<String, byte[]> lastSeals = new HashMap<>();
            for (int from = 0; from < appended.size(); from += APPEND_CHUNK) {
                List<Appended> chunk = appended.subList(from, Math.min(appended.size(), from + APPEND_CHUNK));
                Stored stored;
                try {
                    stored = insert(chunk, lastSeals.keySet());
                } catch (DataAccessException e) {
                    handlePersistenceException(e, events.get(0));
                    throw e;
                }
                lastSeals.putAll(stored.sealsBefore());
                for (Appended event : chunk) {
                    if (!event.sealed()) {
                        continue;
                    }
                    // insert has checked that every event of the chunk has its position
                    long position = stored.positions().get(event.eventIdentifier());
                    byte[] previous = event.sequence() == 0 ? EventChainHash.GENESIS : lastSeals.get(event.stream());
                    if (previous == null) {
                        throw new IllegalStateException(
                                "The previous event of this stream has no seal; verify the chain before writing");
                    }
                    byte[] seal = chain.seal(previous, event.asStored(position));
                    seals.add(new Object[] {event.eventIdentifier(), event.stream(), event.sequence(), seal,
                            chain.currentKeyId()});
                    lastSeals.put(event.stream(), seal);
                }
            }
            jdbcTemplate.batchUpdate("INSERT INTO event_chain (event_identifier, aggregate_id, sequence, seal, key_id) "
                    + "VALUES (?, ?, ?, ?, ?)", seals);
        });
    }

    /** An event as it is written: its stored columns, serialized once. */
    private record Appended(boolean sealed, String eventIdentifier, String stream, long sequence, String type,
            String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {

        /** The event table's text columns' width. */
        private static final int TEXT_COLUMN = 255;

        Appended {
            // PostgreSQL cuts a value that is too long only by trailing spaces, silently; refuse it here instead, so
            // that what is stored is always what was sealed
            for (String text : new String[] {eventIdentifier, stream, type, timestamp, payloadType, payloadRevision}) {
                if (text != null && text.length() > TEXT_COLUMN) {
                    throw new IllegalArgumentException("An event's identity or type is longer than the event table "
                            + "holds (" + TEXT_COLUMN + " characters)");
                }
            }
        }

        static Appended of(EventMessage<?> event, Serializer serializer) {
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            if (event instanceof DomainEventMessage<?> domain) {
                return new Appended(true, domain.getIdentifier(), domain.getAggregateIdentifier(),
                        domain.getSequenceNumber(), domain.getType(), timestamp, payload.getType().getName(),
                        payload.getType().getRevision(), payload.getData(), metadata.getData());
            }
            return new Appended(false, event.getIdentifier(), event.getIdentifier(), 0, null, timestamp,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metadata.getData());
        }

        StoredEvent asStored(long position) {
            return new StoredEvent(position, stream, sequence, eventIdentifier, payloadType, payloadRevision,
                    timestamp, payload, metadata);
        }
    }

    /** What one insert reported: each event's position, and the stored seals its streams carry on from. */
    private record Stored(Map<String, Long> positions, Map<String, byte[]> sealsBefore) {
    }

    /**
     * Inserts the events in their order (so a stream's events take rising positions) and returns their positions,
     * with the stored seal before each stream that this append carries on and has not met in an earlier chunk.
     */
    private Stored insert(List<Appended> chunk, Set<String> streamsMet) {
        Map<String, Long> carriedOn = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Appended event : chunk) {
            if (event.sealed() && seen.add(event.stream()) && event.sequence() > 0
                    && !streamsMet.contains(event.stream())) {
                carriedOn.put(event.stream(), event.sequence() - 1);
            }
        }
        StringBuilder sql = new StringBuilder("""
                WITH appended AS (
                    INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type,
                                                  timestamp, payloadtype, payloadrevision, payload, metadata)
                    VALUES\s""");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append("\n    RETURNING eventidentifier, globalindex)\n"
                + "SELECT eventidentifier, globalindex, NULL::bytea FROM appended");
        if (!carriedOn.isEmpty()) {
            sql.append("\nUNION ALL\nSELECT aggregate_id, sequence, seal FROM event_chain WHERE (aggregate_id, sequence) IN (");
            for (int i = 0; i < carriedOn.size(); i++) {
                sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            }
            sql.append(")");
        }
        Map<String, Long> positions = new HashMap<>();
        Map<String, byte[]> sealsBefore = new HashMap<>();
        jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            int at = 1;
            for (Appended event : chunk) {
                statement.setString(at++, event.eventIdentifier());
                statement.setString(at++, event.stream());
                statement.setLong(at++, event.sequence());
                statement.setString(at++, event.type());
                statement.setString(at++, event.timestamp());
                statement.setString(at++, event.payloadType());
                statement.setString(at++, event.payloadRevision());
                statement.setBytes(at++, event.payload());
                statement.setBytes(at++, event.metadata());
            }
            for (Map.Entry<String, Long> stream : carriedOn.entrySet()) {
                statement.setString(at++, stream.getKey());
                statement.setLong(at++, stream.getValue());
            }
            return statement;
        }, (ResultSet rs) -> {
            byte[] seal = rs.getBytes(3);
            if (seal == null) {
                positions.put(rs.getString(1), rs.getLong(2));
            } else if (carriedOn.remove(rs.getString(1)) != null) {
                sealsBefore.put(rs.getString(1), seal);
            }
        });
        long last = Long.MIN_VALUE;
        for (Appended event : chunk) {
            Long position = positions.get(event.eventIdentifier());
            if (position == null || position <= last) {
                throw new IllegalStateException("The appended events did not take rising positions in their order");
            }
            last = position;
        }
        return new Stored(positions, sealsBefore);
    }
}
