package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows an earlier release stored (shared-events' fixture {@code generated-demo-seed7.jsonl}, captured before
 * events had revisions) put into an empty event store exactly as they were stored, then read the way the service
 * reads them today: every projection builds from them, and the auditor's history reads them from the store.
 * What an auditor of the two authorities reads over the API for every child (the child, their protection and
 * looked-after records, escalations, the timeline as at the fixture's last day, the decision history and the
 * child's state as at that day) must equal the records the same rows gave when the fixture was taken, kept in
 * {@code stored-events/generated-demo-seed7-records.json}.
 *
 * <p>A deliberate change to what a page shows regenerates that file, to be reviewed in the change like any other:
 * run this test with {@code -Doversight.replay.regenerate=true}. A change of an event's stored shape never needs
 * it: the upcasters carry the old rows to the same records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredHistoryReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String DAY = "2026-11-23";
    private static final Instant READ_AT = Instant.parse(DAY + "T12:00:00Z");
    private static final String AUDITOR = "auditor.replay";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private OversightTestApp app;
    private List<String> children;

    @BeforeAll
    void storeTheOldRowsAndLetTheProjectionsBuild() throws IOException {
        // the records are read on the fixture's last day, whatever day the test runs: what is due, overdue or
        // open depends on the day it is read
        Clock onTheFixturesDay = Clock.offset(Clock.system(MovableClock.ENGLAND),
                Duration.between(Instant.now(), READ_AT));
        app = OversightTestApp.start(onTheFixturesDay, TestPostgres.freshDatabase());
        JdbcClient jdbc = app.bean(JdbcClient.class);
        children = new ArrayList<>();
        for (String line : Files.readAllLines(fixture(), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            jdbc.sql("""
                    INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                           eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                    VALUES (:globalIndex, :aggregate, :sequence, :type, :eventId, :metadata, :payload, :revision,
                            :payloadType, :timestamp)
                    """)
                    .param("globalIndex", row.get("globalIndex").asLong())
                    .param("aggregate", row.get("aggregateIdentifier").asText())
                    .param("sequence", row.get("sequenceNumber").asLong())
                    .param("type", row.get("type").asText())
                    .param("eventId", row.get("eventIdentifier").asText())
                    .param("metadata", bytes(row.get("metaData")))
                    .param("payload", bytes(row.get("payload")))
                    .param("revision", row.get("payloadRevision").isNull() ? null
                            : row.get("payloadRevision").asText())
                    .param("payloadType", row.get("payloadType").asText())
                    .param("timestamp", row.get("timestamp").asText())
                    .update();
            if (row.get("payloadType").asText().endsWith(".ChildRegistered")) {
                children.add(row.get("aggregateIdentifier").asText());
            }
        }
        jdbc.sql("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), "
                + "(SELECT max(globalindex) FROM domainevententry))").query().singleValue();
        for (String authority : List.of("GEN001", "GEN002")) {
            jdbc.sql("INSERT INTO local_authority (code, name, sort_order) VALUES (:c, :c, 9) ON CONFLICT DO NOTHING")
                    .param("c", authority).update();
        }
        new TestPeople(app).person(AUDITOR, "AUDITOR", "GEN001", null).worksFor(AUDITOR, "GEN002", null);
        app.everyProcessorAtTheHead(PATIENCE);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theOldRowsGiveTheSameRecordsAsWhenTheyWereStored() throws IOException {
        assertThat(children).hasSize(57);
        ObjectNode records = JSON.createObjectNode();
        for (String child : children) {
            ObjectNode record = records.putObject(child);
            record.set("child", read("/api/children/" + child));
            record.set("protection", read("/api/children/" + child + "/protection"));
            record.set("lookedAfter", read("/api/children/" + child + "/looked-after"));
            record.set("escalations", read("/api/children/" + child + "/escalations"));
            record.set("timeline", read("/api/children/" + child + "/timeline?asAt=" + DAY));
            record.set("history", read("/api/children/" + child + "/history"));
            JsonNode asAt = read("/api/children/" + child + "/as-at?on=" + DAY + "&at=10:00");
            // the facts as they stood are read as known now, the moment of reading, which is not part of them
            ((ObjectNode) asAt.path("factsOn")).remove("knownAt");
            record.set("asAt", asAt);
        }
        String actual = JSON.writeValueAsString(JSON.treeToValue(records, TreeMap.class)) + "\n";
        Path golden = golden();
        if (Boolean.getBoolean("oversight.replay.regenerate")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private JsonNode read(String path) throws IOException {
        HttpResponse<String> response = ApiClient.as(app.baseUrl(), AUDITOR).because("Replay of stored events")
                .get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static byte[] bytes(JsonNode node) throws IOException {
        return new ObjectMapper().writeValueAsBytes(node);
    }

    private static Path fixture() {
        return moduleDirectory().resolve("../shared-events/src/test/resources/stored-events/generated-demo-seed7.jsonl")
                .normalize();
    }

    private static Path golden() {
        return moduleDirectory().resolve("src/test/resources/stored-events/generated-demo-seed7-records.json");
    }

    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }
}
