package org.oversight.query.history;

import org.oversight.events.StreamIds;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.oversight.events.RecordedBy;
import org.oversight.query.audit.EscalationsOfChild;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads every event about one child straight from the event store ({@code domainevententry}), never from a
 * projection: the child's case, child protection and looked-after streams, and each escalation stream that names
 * the child. Which escalations name the child is looked up in the escalations projection's small index table; the
 * events themselves come from the store. One indexed query reads them all, in the order they were stored, and
 * each row is read as it arrives, exactly as the event store reads it for the aggregates and the projections: through
 * the same chain of upcasters (a row stored in an older shape of its event is carried to today's) and the same
 * serializer.
 *
 * <p>Only types in the published language ({@code org.oversight.events}) are ever instantiated from stored
 * bytes; anything else is reported by its type name with no content.
 */
@Component
public class EventStoreHistory {

    private static final String EVENTS_PACKAGE = "org.oversight.events.";
    private static final String STREAMS_OF_CHILD = """
            SELECT aggregateidentifier, sequencenumber, globalindex, eventidentifier, payloadtype, payload, metadata,
                   timestamp, payloadrevision, type
              FROM domainevententry
             WHERE aggregateidentifier = ANY (?::varchar[])
             ORDER BY globalindex
            """;

    private final JsonFactory json = new JsonFactory();
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final EscalationsOfChild escalations;

    public EventStoreHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            @Qualifier("storedEventUpcasters") EventUpcaster upcasters, EscalationsOfChild escalations) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.escalations = escalations;
    }

    /** Every stream that holds decisions about a child, by its aggregate identifier. */
    public static List<String> ownStreams(String childId) {
        return StreamIds.ofChild(childId);
    }

    /** The child's events in the order the store holds them (by global position); empty for an unknown child. */
    public List<RecordedEvent> eventsOf(String childId) {
        List<RecordedEvent> events = new ArrayList<>();
        // the child's own streams and each escalation about the child, as the escalations read model knows them
        List<String> streams = new ArrayList<>(ownStreams(childId));
        streams.addAll(escalations.idsOfChild(childId));
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(STREAMS_OF_CHILD);
            statement.setFetchSize(250);
            statement.setArray(1, connection.createArrayOf("varchar", streams.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            events.addAll(events(rs));
        });
        return events;
    }

    /** The row as today's events: one, unless an upcaster split or retired the event it held. */
    private List<RecordedEvent> events(ResultSet rs) throws SQLException {
        String type = rs.getString(5);
        byte[] metadataBytes = rs.getBytes(7);
        Map<String, String> metadata = metadata(metadataBytes);
        Instant recordedAt = instant(metadata.get(RecordedBy.RECORDED_AT));
        if (recordedAt == null) {
            recordedAt = instant(rs.getString(8));
        }
        Instant when = recordedAt == null ? Instant.EPOCH : recordedAt;
        String stream = rs.getString(1);
        long sequence = rs.getLong(2);
        long globalIndex = rs.getLong(3);
        String eventIdentifier = rs.getString(4);
        byte[] payload = rs.getBytes(6);
        if (type == null || !type.startsWith(EVENTS_PACKAGE) || payload == null) {
            return List.of(recorded(stream, sequence, globalIndex, eventIdentifier, type, null, metadata, when));
        }
        StoredRow row = new StoredRow(rs.getString(10), stream, sequence, eventIdentifier, rs.getString(8), type,
                rs.getString(9), payload, metadataBytes);
        List<RecordedEvent> read = new ArrayList<>(1);
        try {
            DomainEventStream today = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row), serializer,
                    upcasters);
            while (today.hasNext()) {
                DomainEventMessage<?> event = today.next();
                Object content = content(event);
                read.add(recorded(stream, sequence, globalIndex, eventIdentifier,
                        content == null ? type : content.getClass().getName(), content, metadata, when));
            }
        } catch (RuntimeException e) {
            // a row no upcaster carries to a shape that reads is shown by its type only; the integrity check says
            // whether it was changed behind the platform's back
            return List.of(recorded(stream, sequence, globalIndex, eventIdentifier, type, null, metadata, when));
        }
        return read;
    }

    /** A row of the event table as the upcasters and the serializer take it. */
    private record StoredRow(String aggregateType, String stream, long sequence, String eventIdentifier,
            String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metadata)
            implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return aggregateType;
        }

        @Override
        public String getAggregateIdentifier() {
            return stream;
        }

        @Override
        public long getSequenceNumber() {
            return sequence;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            Instant stored = instant(timestamp);
            return stored == null ? Instant.EPOCH : stored;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>(metadata == null ? "{}".getBytes(StandardCharsets.UTF_8) : metadata,
                    byte[].class, MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
        }
    }

    private static Object content(DomainEventMessage<?> event) {
        try {
            Object payload = event.getPayload();
            return payload != null && payload.getClass().getName().startsWith(EVENTS_PACKAGE) ? payload : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static RecordedEvent recorded(String stream, long sequence, long globalIndex, String eventIdentifier,
            String type, Object payload, Map<String, String> metadata, Instant recordedAt) {
        return new RecordedEvent(stream, sequence, globalIndex, eventIdentifier, type, payload,
                metadata.get(RecordedBy.USERNAME), metadata.get(RecordedBy.DISPLAY_NAME), recordedAt,
                metadata.get(RecordedBy.CORRELATION_ID));
    }

    /** The metadata's top-level text values, read as a stream (nothing else in it is needed here). */
    private Map<String, String> metadata(byte[] bytes) {
        Map<String, String> values = new java.util.HashMap<>();
        if (bytes == null) {
            return values;
        }
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    values.put(key, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // unreadable metadata: the event is still shown, with who and when unknown
        }
        return values;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
