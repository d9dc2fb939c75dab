package org.oversight.deploy.platform.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.oversight.command.childcase.ChildRecordShredder;
import org.oversight.command.childcase.JdbcChildIdentifiers;
import org.oversight.events.StreamIds;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.privacy.PersonalFields;
import org.oversight.events.privacy.PersonalFields.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Destroys a child's record outside the child's case, in the transaction that records the destruction: the
 * child's data keys (its own and its escalations'), the snapshots of the child's journeys, the projections' dead
 * letters of the child's sequences (they hold copies of the child's events, and the destruction itself would
 * otherwise wait behind them), and the command side's claim on the child's local identifier. The projections forget the child when they apply the
 * destruction; the stored events and their seals are never touched.
 */
@Component
public class ChildRecordShredding implements ChildRecordShredder {

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final ObjectMapper mapper = new ObjectMapper();
    private final NarrativeStore narratives;

    public ChildRecordShredding(JdbcClient jdbc, DataKeys keys, NarrativeStore narratives) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.narratives = narratives;
    }

    @Override
    public long eventsStoredInPlain(String childId) {
        List<String> streams = new ArrayList<>(StreamIds.ofChild(childId));
        streams.addAll(escalationsOf(childId));
        return jdbc.sql("""
                SELECT payloadtype, payload FROM domainevententry WHERE aggregateidentifier IN (:streams)
                """).param("streams", streams)
                .query((rs, i) -> inPlain(rs.getString(1), rs.getBytes(2))).list().stream()
                .filter(Boolean::booleanValue).count();
    }

    @Override
    public long shred(String childId) {
        List<String> destroyed = keys.destroy(childId, escalationsOf(childId));
        List<String> streams = new ArrayList<>(StreamIds.ofChild(childId));
        streams.addAll(destroyed.stream().filter(StreamIds::isEscalation).toList());
        List<String> sequences = new ArrayList<>(destroyed);
        sequences.add(childId);
        jdbc.sql("DELETE FROM deadletterentry WHERE sequenceidentifier IN (:sequences)")
                .param("sequences", sequences).update();
        // the journeys' snapshots no longer open without the key; they are deleted all the same, after the key,
        // so that one being written now under a cached key (it holds the key's row) is committed first and seen
        jdbc.sql("DELETE FROM snapshotevententry WHERE aggregateidentifier IN (:streams)")
                .param("streams", StreamIds.ofChild(childId)).update();
        JdbcChildIdentifiers.forget(jdbc, childId);
        narratives.forget(childId);
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:streams)")
                .param("streams", streams).query(Long.class).single();
    }

    /**
     * The escalations raised about the child, from their raises (whose children are never encrypted). The type is
     * written into the statement, not bound, so that the planner reads the raises' own partial index (V6_95)
     * instead of every event in the store.
     */
    private List<String> escalationsOf(String childId) {
        return jdbc.sql("""
                SELECT aggregateidentifier FROM domainevententry
                 WHERE payloadtype = '%s'
                   AND (convert_from(payload, 'UTF8')::jsonb -> 'childIds') @> jsonb_build_array(CAST(:child AS text))
                """.formatted(RAISED)).param("child", childId).query(String.class).list();
    }

    /** A class name, so safe to write into a statement; the partial index names the same literal. */
    private static final String RAISED = EscalationRaised.class.getName();

    private boolean inPlain(String type, byte[] payload) {
        Classification classification = PersonalFields.of(type).orElse(null);
        if (classification == null || !classification.hasPersonalContent() || payload == null) {
            return false;
        }
        try {
            JsonNode tree = mapper.readTree(payload);
            for (String field : classification.personal().keySet()) {
                JsonNode value = tree.get(field);
                if (value != null && !value.isNull() && !PersonalContent.isEnvelope(value)
                        && !(value.isArray() && value.isEmpty())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
