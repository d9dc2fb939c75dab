package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

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

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** A child with three events in its case stream: registered, IRO allocated, IRO reallocated. */
    private String childWithThreeEvents(String localIdentifier) {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Sealed",
                 "dateOfBirth":"2017-07-07"}""".formatted(localIdentifier));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode())
                .isEqualTo(200);
        return childId;
    }

    private JsonNode integrity(String childId) {
        HttpResponse<String> response = ApiClient.as(app.baseUrl(), "auditor.davies")
                .get("/api/children/" + childId + "/integrity");
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

        sql("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Robin', 'Robyn'), 'UTF8') "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", childId);

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
