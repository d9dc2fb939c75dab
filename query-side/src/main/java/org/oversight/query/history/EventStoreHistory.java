package org.oversight.query.history;

import org.oversight.events.StreamIds;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oversight.events.RecordedBy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads every event about one child straight from the event store ({@code domainevententry}), never from a
 * projection: the child's case, child protection and looked-after streams, and each escalation stream that names
 * the child. Which escalations name the child is looked up in the escalations projection's small index table; the
 * events themselves come from the store. One indexed query reads them all, in the order they were stored, and
 * each row is deserialized as it arrives.
 *
 * <p>Only types in the published language ({@code org.oversight.events}) are ever instantiated from stored
 * bytes; anything else is reported by its type name with no content.
 */
@Component
public class EventStoreHistory {

    private static final String EVENTS_PACKAGE = "org.oversight.events.";
    private static final String STREAMS_OF_CHILD = """
            SELECT aggregateidentifier, sequencenumber, globalindex, eventidentifier, payloadtype, payload, metadata,
                   timestamp
              FROM domainevententry
             WHERE aggregateidentifier = ANY (ARRAY[?, ?, ?]::varchar[]
                   || ARRAY(SELECT escalation_id::varchar FROM escalation_child WHERE child_id = ?))
             ORDER BY globalindex
            """;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    public EventStoreHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stream that holds decisions about a child, by its aggregate identifier. */
    public static List<String> ownStreams(String childId) {
        return StreamIds.ofChild(childId);
    }

    /** The child's events in the order the store holds them (by global position); empty for an unknown child. */
    public List<RecordedEvent> eventsOf(String childId) {
        List<RecordedEvent> events = new ArrayList<>();
        List<String> streams = ownStreams(childId);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(STREAMS_OF_CHILD);
            statement.setFetchSize(250);
            statement.setString(1, streams.get(0));
            statement.setString(2, streams.get(1));
            statement.setString(3, streams.get(2));
            statement.setString(4, childId);
            return statement;
        }, (ResultSet rs) -> {
            events.add(event(rs));
        });
        return events;
    }

    private RecordedEvent event(ResultSet rs) throws SQLException {
        String type = rs.getString(5);
        Map<String, String> metadata = metadata(rs.getBytes(7));
        Instant recordedAt = instant(metadata.get(RecordedBy.RECORDED_AT));
        if (recordedAt == null) {
            recordedAt = instant(rs.getString(8));
        }
        return new RecordedEvent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), type,
                payload(type, rs.getBytes(6)), metadata.get(RecordedBy.USERNAME),
                metadata.get(RecordedBy.DISPLAY_NAME), recordedAt == null ? Instant.EPOCH : recordedAt,
                metadata.get(RecordedBy.CORRELATION_ID));
    }

    private Object payload(String type, byte[] payload) {
        Optional<ObjectReader> known = readers.computeIfAbsent(type,
                name -> published(name).map(json::readerFor));
        if (known.isEmpty() || payload == null) {
            return null;
        }
        try {
            return known.get().readValue(payload);
        } catch (IOException e) {
            // an event whose stored shape no longer reads is shown by its type only; the integrity check says why
            return null;
        }
    }

    private static Optional<Class<?>> published(String type) {
        if (type == null || !type.startsWith(EVENTS_PACKAGE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(type, false, EventStoreHistory.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The metadata's top-level text values, read as a stream (nothing else in it is needed here). */
    private Map<String, String> metadata(byte[] bytes) {
        Map<String, String> values = new java.util.HashMap<>();
        if (bytes == null) {
            return values;
        }
        try (JsonParser parser = json.getFactory().createParser(bytes)) {
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
