package org.oversight.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.oversight.events.revisions.EventRevisions;

/**
 * Rows of the event table exactly as an earlier release stored them (a generated demo history, seed 7, taken
 * before any event's shape changed), replayed against today's event records. Each payload must still read
 * into its record and write back to the same JSON: a renamed, retyped or removed field fails here until an
 * upcaster carries the old shape forward (and the event's revision is raised, which hands its older rows to
 * the upcasters' own test in deploy). The metadata every event carries (who, when, correlation) must stay
 * readable too.
 */
class StoredEventsFixtureTest {

    private static final String FIXTURE = "/stored-events/generated-demo-seed7.jsonl";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyStoredPayloadReadsIntoTodaysRecordAndWritesBackUnchanged() throws Exception {
        List<JsonNode> rows = rows();
        Set<String> types = new TreeSet<>();
        for (JsonNode row : rows) {
            String type = row.get("payloadType").asText();
            types.add(type);
            String current = EventRevisions.of(Class.forName(type)).orElse(null);
            assertThat(current).as("the revision of %s", type).isNotNull();
            if (!EventRevisions.stored(row.get("payloadRevision").textValue()).equals(current)) {
                // a shape changed since the row was stored: deploy's upcasters carry it to today's record, and
                // StoredEventsUpcastTest there reads every row of this fixture through them
                continue;
            }
            Object event = json.treeToValue(row.get("payload"), Class.forName(type));
            JsonNode written = json.valueToTree(event);
            assertThat(written)
                    .as("event %s of type %s", row.get("globalIndex"), type)
                    .isEqualTo(row.get("payload"));
        }
        assertThat(rows).hasSize(785);
        assertThat(types).hasSize(25);
    }

    @Test
    void everyStoredEventCarriesWhoRecordedItWhenAndItsCorrelation() throws Exception {
        for (JsonNode row : rows()) {
            JsonNode metaData = row.get("metaData");
            assertThat(List.of(RecordedBy.USERNAME, RecordedBy.DISPLAY_NAME, RecordedBy.RECORDED_AT,
                    RecordedBy.CORRELATION_ID))
                    .as("metadata of event %s", row.get("globalIndex"))
                    .allSatisfy(key -> assertThat(metaData.hasNonNull(key)).isTrue());
        }
    }

    private List<JsonNode> rows() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(FIXTURE)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        }
        return rows;
    }
}
