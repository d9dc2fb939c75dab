package org.oversight.deploy.platform.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.oversight.deploy.access.RecordedChildren;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
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

    private static final String POLICY_STREAM = "policy-";
    private static final String ESCALATION_STREAM = "escalation-";

    private final JdbcClient jdbc;
    private final DeadLetterCounts counts;
    private final EventProcessingConfiguration processing;
    private final ChildSequencing sequencing;
    private final Serializer eventSerializer;
    private final RecordedChildren children;

    public DeadLetterBoard(JdbcClient jdbc, DeadLetterCounts counts, EventProcessingConfiguration processing,
            ChildSequencing sequencing, @Qualifier("eventSerializer") Serializer eventSerializer,
            RecordedChildren children) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.processing = processing;
        this.sequencing = sequencing;
        this.eventSerializer = eventSerializer;
        this.children = children;
    }

    @Override
    public List<Projection> projections(Person who) {
        List<Projection> projections = new ArrayList<>();
        for (String name : counts.counts().keySet()) {
            List<String> visible = visibleSequences(name, who);
            long letters = visible.isEmpty() ? 0 : jdbc.sql("""
                    SELECT count(*) FROM deadletterentry
                     WHERE processinggroup = :projection AND sequenceidentifier = ANY(:visible)
                    """).param("projection", name).param("visible", visible.toArray(String[]::new))
                    .query(Long.class).single();
            projections.add(new Projection(name, letters, visible.size()));
        }
        return projections;
    }

    @Override
    public Optional<Page> page(String projection, int page, int size, Person who) {
        if (!counts.projections().contains(projection)) {
            return Optional.empty();
        }
        String[] visible = visibleSequences(projection, who).toArray(String[]::new);
        long total = jdbc.sql("""
                SELECT count(*) FROM deadletterentry
                 WHERE processinggroup = :projection AND sequenceidentifier = ANY(:visible)
                """).param("projection", projection).param("visible", visible).query(Long.class).single();
        List<Letter> letters = jdbc.sql("""
                SELECT sequenceidentifier, position, payloadtype, causetype, causemessage, enqueuedat, diagnostics
                  FROM (SELECT sequenceidentifier, sequenceindex, payloadtype, causetype, causemessage, enqueuedat,
                               diagnostics,
                               row_number() OVER (PARTITION BY sequenceidentifier ORDER BY sequenceindex) - 1
                                   AS position,
                               min(enqueuedat) OVER (PARTITION BY sequenceidentifier) AS sequence_since
                          FROM deadletterentry
                         WHERE processinggroup = :projection AND sequenceidentifier = ANY(:visible)) letters
                 ORDER BY sequence_since, sequenceidentifier, sequenceindex
                 LIMIT :size OFFSET :offset
                """).param("projection", projection).param("visible", visible).param("size", size)
                .param("offset", (long) (page - 1) * size)
                .query((rs, i) -> new Letter(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)),
                        rs.getString(4), sqlState(rs.getString(5)), Instant.parse(rs.getString(6)),
                        DeadLetterDecisions.retries(diagnostics(rs.getBytes(7)))))
                .list();
        return Optional.of(new Page(projection, letters, page, size, total));
    }

    @Override
    public Optional<Retry> retry(String projection, String sequence, Person who) {
        if (!counts.projections().contains(projection)) {
            return Optional.empty();
        }
        List<String> visible = visibleSequences(projection, who);
        if (sequence != null && !visible.contains(sequence)) {
            // another authority's child, or nothing set aside: the same answer, so neither is revealed
            return Optional.empty();
        }
        List<String> sequences = sequence == null ? visible : List.of(sequence);
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
        // a retry adds no sequence, so what is left for the person is what is left of those they saw
        long lettersLeft = visible.isEmpty() ? 0 : jdbc.sql("""
                SELECT count(*) FROM deadletterentry
                 WHERE processinggroup = :projection AND sequenceidentifier = ANY(:visible)
                """).param("projection", projection).param("visible", visible.toArray(String[]::new))
                .query(Long.class).single();
        return Optional.of(new Retry(projection, sequences.size(), cleared, lettersLeft));
    }

    /**
     * The projection's held-up sequences the person may see, the longest-waiting first. Dead letters are few (each
     * one is an alert), so each sequence's authority is read from the event store, as the access rules read it:
     * today's authority of the child, of an escalation's children, or of a settings stream.
     */
    private List<String> visibleSequences(String projection, Person who) {
        List<String> sequences = jdbc.sql("""
                SELECT sequenceidentifier FROM deadletterentry WHERE processinggroup = :projection
                 GROUP BY sequenceidentifier ORDER BY min(enqueuedat), sequenceidentifier
                """).param("projection", projection).query(String.class).list();
        List<String> visible = new ArrayList<>();
        for (String sequence : sequences) {
            Set<String> authorities = authoritiesOf(sequence);
            boolean sees = authorities.isEmpty() ? who.roles().contains(Role.ADMIN)
                    : authorities.stream().anyMatch(who.authorities()::contains);
            if (sees) {
                visible.add(sequence);
            }
        }
        return visible;
    }

    private Set<String> authoritiesOf(String sequence) {
        if (sequence.startsWith(POLICY_STREAM)) {
            return Set.of(sequence.substring(POLICY_STREAM.length()));
        }
        Set<String> authorities = new HashSet<>();
        if (sequence.startsWith(ESCALATION_STREAM)) {
            for (String child : children.childrenOfEscalation(sequence)) {
                children.child(child).ifPresent(facts -> authorities.add(facts.localAuthority()));
            }
            return authorities;
        }
        children.child(sequence).ifPresent(facts -> authorities.add(facts.localAuthority()));
        return authorities;
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
