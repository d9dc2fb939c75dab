package org.oversight.deploy.platform.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.oversight.query.operations.DeadLetters;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projections' dead letters for the operations pages: read from {@code deadletterentry} (the names, types and
 * causes only, never the events' contents) and retried through each projection's own dead-letter processor, which
 * applies a sequence's events in order with the projection's handlers and removes those applied.
 */
@Component
public class DeadLetterBoard implements DeadLetters {

    private final JdbcClient jdbc;
    private final DeadLetterCounts counts;
    private final EventProcessingConfiguration processing;
    private final ChildSequencing sequencing;
    private final Serializer eventSerializer;

    public DeadLetterBoard(JdbcClient jdbc, DeadLetterCounts counts, EventProcessingConfiguration processing,
            ChildSequencing sequencing, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.processing = processing;
        this.sequencing = sequencing;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public List<Projection> projections() {
        List<Projection> projections = new ArrayList<>();
        counts.counts().forEach((name, count) ->
                projections.add(new Projection(name, count.deadLetters(), count.sequences())));
        return projections;
    }

    @Override
    public Optional<Page> page(String projection, int page, int size) {
        if (!counts.projections().contains(projection)) {
            return Optional.empty();
        }
        long total = jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processinggroup = :projection")
                .param("projection", projection).query(Long.class).single();
        List<Letter> letters = jdbc.sql("""
                SELECT sequenceidentifier, position, payloadtype, causetype, causemessage, enqueuedat, diagnostics
                  FROM (SELECT sequenceidentifier, sequenceindex, payloadtype, causetype, causemessage, enqueuedat,
                               diagnostics,
                               row_number() OVER (PARTITION BY sequenceidentifier ORDER BY sequenceindex) - 1
                                   AS position,
                               min(enqueuedat) OVER (PARTITION BY sequenceidentifier) AS sequence_since
                          FROM deadletterentry WHERE processinggroup = :projection) letters
                 ORDER BY sequence_since, sequenceidentifier, sequenceindex
                 LIMIT :size OFFSET :offset
                """).param("projection", projection).param("size", size).param("offset", (long) (page - 1) * size)
                .query((rs, i) -> new Letter(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)),
                        rs.getString(4), sqlState(rs.getString(5)), Instant.parse(rs.getString(6)),
                        DeadLetterDecisions.retries(diagnostics(rs.getBytes(7)))))
                .list();
        return Optional.of(new Page(projection, letters, page, size, total));
    }

    @Override
    public Optional<Retry> retry(String projection, String sequence) {
        if (!counts.projections().contains(projection)) {
            return Optional.empty();
        }
        List<String> sequences = jdbc.sql("""
                SELECT sequenceidentifier FROM deadletterentry
                 WHERE processinggroup = :projection
                   AND (CAST(:sequence AS VARCHAR) IS NULL OR sequenceidentifier = :sequence)
                 GROUP BY sequenceidentifier ORDER BY min(enqueuedat), sequenceidentifier
                """).param("projection", projection).param("sequence", sequence).query(String.class).list();
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(projection);
        int cleared = 0;
        if (processor.isPresent()) {
            for (String each : sequences) {
                if (processor.get().process(letter -> each.equals(sequenceOf(letter)))) {
                    cleared++;
                }
            }
        }
        counts.forget();
        long left = counts.counts().getOrDefault(projection, new DeadLetterCounts.Count(0, 0)).deadLetters();
        return Optional.of(new Retry(projection, sequences.size(), cleared, left));
    }

    private String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return String.valueOf(sequencing.getSequenceIdentifierFor(letter.message()));
    }

    private MetaData diagnostics(byte[] serialized) {
        if (serialized == null) {
            return MetaData.emptyInstance();
        }
        return eventSerializer.deserialize(
                new SimpleSerializedObject<>(serialized, byte[].class, MetaData.class.getName(), null));
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    /** The SQL state the dead-letter policy kept as the cause's only words, if any. */
    private static String sqlState(String causeMessage) {
        String prefix = "SQL state ";
        return causeMessage != null && causeMessage.startsWith(prefix) ? causeMessage.substring(prefix.length()) : null;
    }
}
