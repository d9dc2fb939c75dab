package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.audit.ChainAnchor;

/**
 * Every event is sealed into its stream's chain when recorded; editing, deleting, reordering or adding an event
 * directly in PostgreSQL is found by the integrity check, which names the event where the chain broke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    private OversightTestApp app;
    private String jdbcUrl;

    private Path anchorFile;

    @TempDir
    static Path anchors;

    @BeforeAll
    void start() throws IOException {
        jdbcUrl = TestPostgres.freshDatabase();
        anchorFile = anchors.resolve("chain-anchor.txt");
        // anchored only when a test asks, never by the clock while the tests run
        app = OversightTestApp.start(jdbcUrl, "--oversight.audit.anchor-file=" + anchorFile,
                "--oversight.audit.anchor-first-after=PT1H");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /**
     * A child with three events in its case stream: registered, IRO allocated, IRO reallocated. The first IRO
     * takes the child, then hands it to chair.brown, who raises escalations about it.
     */
    private String childWithThreeEvents(String localIdentifier) {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        ApiClient firstIro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Sealed",
                 "dateOfBirth":"2017-07-07"}""".formatted(localIdentifier));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(firstIro.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(firstIro.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode())
                .isEqualTo(200);
        // the integrity check answers only for a child its read side knows of: wait until it has all three events
        assertThat(chair.get("/api/children/" + childId + "?after=2").statusCode()).isEqualTo(200);
        return childId;
    }

    private JsonNode integrity(String childId) {
        HttpResponse<String> response = ApiClient.as(app.baseUrl(), "auditor.davies")
                .because("Checking the record has not been altered").get("/api/children/" + childId + "/integrity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void anUntouchedRecordVerifiesWithItsEventCount() {
        String childId = childWithThreeEvents("SEAL1");

        JsonNode verification = integrity(childId);

        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(3);
    }

    @Test
    void editingAStoredEventInPostgresIsDetectedAtThatEvent() throws SQLException {
        String childId = childWithThreeEvents("SEAL2");

        // the name is stored encrypted: the edit is made to its ciphertext, the stored bytes the seal covers
        sql("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"cipher\":\"', "
                + "'\"cipher\":\"AAAA'), 'UTF8') WHERE aggregateidentifier = ? AND sequencenumber = 0", childId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/sequence").asLong()).isZero();
        assertThat(verification.at("/broken/problem").asText()).contains("altered");
        assertThat(verification.at("/broken/eventType").asText()).isEqualTo("ChildRegistered");
    }

    @Test
    void deletingAnEventIsDetectedAtThePositionItHeld() throws SQLException {
        String childId = childWithThreeEvents("SEAL3");

        sql("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1", childId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/sequence").asLong()).isEqualTo(1);
        assertThat(verification.at("/broken/problem").asText()).contains("deleted");
    }

    @Test
    void removingAWholeEscalationAboutTheChildIsDetected() throws Exception {
        String childId = childWithThreeEvents("SEAL9");
        HttpResponse<String> raised = ApiClient.as(app.baseUrl(), "chair.brown").post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE","asked":"Plan now",
                 "formal":false,"raisedOn":"%s"}""".formatted(childId, TODAY));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String escalationId = json(raised).get("escalationId").asText();
        assertThat(ApiClient.as(app.baseUrl(), "chair.brown").get("/api/escalations/" + escalationId + "?after=0")
                .statusCode()).isEqualTo(200);
        assertThat(integrity(childId).get("events").asInt()).isEqualTo(4);

        sql("DELETE FROM event_chain WHERE aggregate_id = ?", escalationId);
        sql("DELETE FROM domainevententry WHERE aggregateidentifier = ?", escalationId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/stream").asText()).isEqualTo(escalationId);
        assertThat(verification.at("/broken/problem").asText()).contains("missing");
    }

    @Test
    void reorderingEventsInTheStoreIsDetected() throws SQLException {
        String childId = childWithThreeEvents("SEAL4");

        // swap the two allocations' places in the stream
        sql("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = ? AND sequencenumber = 1", childId);
        sql("UPDATE domainevententry SET sequencenumber = 1 WHERE aggregateidentifier = ? AND sequencenumber = 2", childId);
        sql("UPDATE domainevententry SET sequencenumber = 2 WHERE aggregateidentifier = ? AND sequencenumber = -1", childId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/sequence").asLong()).isEqualTo(1);
        assertThat(verification.at("/broken/problem").asText()).contains("moved");
    }

    @Test
    void anEventWrittenDirectlyIntoTheStoreHasNoSealAndIsReported() throws SQLException {
        String childId = childWithThreeEvents("SEAL5");

        sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadtype, timestamp)
                SELECT aggregateidentifier, 3, type, 'forged-' || aggregateidentifier, metadata, payload, payloadtype,
                       timestamp
                  FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2""", childId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/sequence").asLong()).isEqualTo(3);
        assertThat(verification.at("/broken/problem").asText()).contains("no seal");
    }

    @Test
    void deletingTheNewestEventTogetherWithItsSealIsFoundAgainstTheAnchorKeptOutsideTheDatabase()
            throws SQLException {
        String childId = childWithThreeEvents("SEAL6");
        anchorNow();

        sql("DELETE FROM event_chain WHERE aggregate_id = ? AND sequence = 2", childId);
        sql("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2", childId);

        JsonNode verification = integrity(childId);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.at("/broken/sequence").asLong()).isEqualTo(2);
        assertThat(verification.at("/broken/problem").asText()).contains("deleted with their seals");
    }

    @Test
    void eventsRecordedAfterTheLatestAnchorAreProtectedByTheirSealsOnlyUntilTheNextAnchor() throws SQLException {
        anchorNow();
        String childId = childWithThreeEvents("SEAL7");

        sql("DELETE FROM event_chain WHERE aggregate_id = ? AND sequence = 2", childId);
        sql("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2", childId);

        // the limit of anchoring, stated: a stream shortened before it was ever anchored still verifies
        assertThat(integrity(childId).get("intact").asBoolean()).isTrue();
        assertThat(integrity(childId).get("events").asInt()).isEqualTo(2);
    }

    @Test
    void anAlteredAnchorFileIsItselfReported() throws IOException {
        String childId = childWithThreeEvents("SEAL8");
        anchorNow();
        String anchor = Files.readString(anchorFile);
        String line = anchor.lines().filter(l -> l.startsWith(childId + "\t")).findFirst().orElseThrow();
        try {
            Files.writeString(anchorFile, anchor.replace(line, childId + "\t1\t" + line.split("\t")[2]));

            JsonNode verification = integrity(childId);
            assertThat(verification.get("intact").asBoolean()).isFalse();
            assertThat(verification.at("/broken/problem").asText()).contains("anchor file");
        } finally {
            anchorNow();
        }
        assertThat(integrity(childId).get("intact").asBoolean()).isTrue();
    }

    @Test
    void anAnchorWrittenOverAnAlteredOneIsReadAgainEvenWithItsTimeAndSize() throws IOException {
        String childId = childWithThreeEvents("SEAL13");
        anchorNow();
        String anchor = Files.readString(anchorFile);
        String line = anchor.lines().filter(l -> l.startsWith(childId + "\t")).findFirst().orElseThrow();
        // altered in place, keeping its size, and read as altered
        Files.writeString(anchorFile, anchor.replace(line, childId + "\t1\t" + line.split("\t")[2]));
        FileTime altered = Files.getLastModifiedTime(anchorFile);
        long size = Files.size(anchorFile);
        assertThat(integrity(childId).get("intact").asBoolean()).isFalse();

        // anchored again: the new file given the altered one's time, as a coarse clock may; when it has its size
        // too, only its being a new file tells them apart
        anchorNow();
        Files.setLastModifiedTime(anchorFile, altered);
        assertThat(integrity(childId).get("intact").asBoolean())
                .as("the new anchor read, %s bytes against the altered %s", Files.size(anchorFile), size).isTrue();
    }

    @Test
    void theAnchorHoldsEveryStreamsLastPositionAndSealAndNothingElse() throws IOException, SQLException {
        childWithThreeEvents("SEAL11");
        childWithThreeEvents("SEAL12");
        anchorNow();

        Map<String, String> anchored = new TreeMap<>();
        Files.readAllLines(anchorFile).stream().skip(1)
                .filter(l -> !l.startsWith("mac\t") && !l.startsWith(ChainAnchor.READ_LOG + "\t"))
                .forEach(l -> anchored.put(l.split("\t")[0], l.split("\t")[1] + "\t" + l.split("\t")[2]));
        Map<String, String> heads = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = connection.prepareStatement("""
                     SELECT c.aggregate_id, c.sequence, c.seal FROM event_chain c
                      WHERE c.sequence = (SELECT max(o.sequence) FROM event_chain o
                                           WHERE o.aggregate_id = c.aggregate_id)""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                heads.put(rows.getString(1), rows.getLong(2) + "\t"
                        + Base64.getEncoder().encodeToString(rows.getBytes(3)));
            }
        }
        // several streams of several events each: a head is the last position, never an earlier one
        assertThat(heads).hasSizeGreaterThan(2);
        assertThat(heads.values()).anyMatch(head -> head.startsWith("2\t"));
        assertThat(anchored).isEqualTo(heads);
    }

    @Test
    void onlyAnAdministratorAnchorsOnDemand() {
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").post("/api/audit/anchor", "{}").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").post("/api/audit/anchor", "{}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> status = ApiClient.as(app.baseUrl(), "auditor.davies").get("/api/audit/anchor");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json(status).get("enabled").asBoolean()).isTrue();
    }

    private void anchorNow() {
        HttpResponse<String> anchored = ApiClient.as(app.baseUrl(), "admin.ford").post("/api/audit/anchor", "{}");
        assertThat(anchored.statusCode()).as(anchored.body()).isEqualTo(200);
        assertThat(json(anchored).get("streams").asInt()).isPositive();
    }

    private void sql(String statement, String childId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.setString(1, childId);
            assertThat(prepared.executeUpdate()).isPositive();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
