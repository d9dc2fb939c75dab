package org.oversight.deploy.childcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestFiles;
import org.oversight.deploy.support.TestPostgres;

/**
 * The first decision end to end over HTTP, against a real PostgreSQL: command in, event stored with who
 * recorded it, projection row out; refusals answered with the rule broken; the projection rebuilt from the
 * event store gives the same rows; and everything survives a restart of both the application and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildCaseHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    private Path dataDirectory;
    private EmbeddedPostgres postgres;
    private OversightTestApp app;
    private String jdbcUrl;

    @BeforeAll
    void start() throws IOException {
        dataDirectory = Files.createTempDirectory("oversight-restart");
        postgres = TestPostgres.startIn(dataDirectory);
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        TestFiles.deleteQuietly(dataDirectory);
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    private static String registration(String localIdentifier, String dateOfBirth) {
        return """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Test",
                 "dateOfBirth":"%s","recordedBy":"someone.else"}""".formatted(localIdentifier, dateOfBirth);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    @Test
    void aChairRegistersAChildAllocatesThemselvesAndTheCaseloadShowsItWithWhoRecordedIt() throws SQLException {
        HttpResponse<String> registered = chair().post("/api/children", registration("HTTP1", "2018-06-30"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(registered.headers().firstValue("Location")).contains("/api/children/" + childId);

        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        assertThat(json(allocated).get("sequence").asLong()).isEqualTo(1);

        JsonNode child = json(chair().get("/api/children/" + childId + "?after=1"));
        assertThat(child.get("givenName").asText()).isEqualTo("Robin");
        assertThat(child.get("allocations").get(0).get("chairName").asText()).isEqualTo("Aisha Ahmed");

        JsonNode caseload = json(chair().get("/api/caseload"));
        assertThat(caseload.findValuesAsText("childId")).contains(childId);

        List<String> metadata = metadataOf(childId);
        assertThat(metadata).hasSize(2).allSatisfy(m -> assertThat(m)
                .contains("\"recordedBy\":\"iro.ahmed\"", "\"recordedByName\":\"Aisha Ahmed\"", "\"correlationId\"",
                        "\"recordedAt\"")
                .doesNotContain("someone.else"));
    }

    @Test
    void missingFieldsAreRefusedWith400NamingEachField() {
        HttpResponse<String> response = chair().post("/api/children",
                "{\"localAuthority\":\"DEMO-N\",\"localIdentifier\":\"HTTP2\",\"dateOfBirth\":\"2019-01-01\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("rule").asText()).isEqualTo("invalid-input");
        assertThat(problem.get("problems").findValuesAsText("field")).contains("givenName", "familyName");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aDateOfBirthInTheFutureIsRefusedWith422AndTheRule() {
        HttpResponse<String> response = chair().post("/api/children",
                registration("HTTP3", LocalDate.parse(TODAY).plusDays(1).toString()));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("rule").asText()).isEqualTo("date-of-birth-not-in-future");
    }

    @Test
    void aSecondRegistrationOfTheSameChildIsRefusedWith409() {
        assertThat(chair().post("/api/children", registration("HTTP4", "2017-01-01")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = chair().post("/api/children", registration("http4 ", "2017-01-01"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("rule").asText()).isEqualTo("child-registered-once");
    }

    @Test
    void allocatingAChairToAnUnknownChildIsRefusedWith404() {
        HttpResponse<String> response = chair().post("/api/children/no-such-child/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        // answered before the decision is looked at, exactly as a child the chair may not know of
        assertThat(json(response).get("rule").asText()).isEqualTo("record-exists");
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        HttpResponse<String> response = chair().post("/api/children", "{\"dateOfBirth\":\"31/02/2019\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        // a date not written yyyy-mm-dd breaks the date rule, for the field it was given in
        assertThat(json(response).get("rule").asText()).isEqualTo("date-format");
        assertThat(json(response).get("problems").findValuesAsText("field")).containsExactly("dateOfBirth");
        HttpResponse<String> notJson = chair().post("/api/children", "{\"dateOfBirth\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("rule").asText()).isEqualTo("readable-request");
    }

    @Test
    void anAuditorCannotRecordAndNobodyAnonymousCanDoAnything() {
        HttpResponse<String> auditor = ApiClient.as(app.baseUrl(), "auditor.davies")
                .post("/api/children", registration("HTTP5", "2019-01-01"));
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(ApiClient.anonymous(app.baseUrl()).get("/api/caseload").statusCode()).isEqualTo(401);
        assertThat(ApiClient.anonymous(app.baseUrl()).post("/api/children", registration("HTTP6", "2019-01-01"))
                .statusCode()).isIn(401, 403);
    }

    /** Pages link to their stylesheets and scripts by these paths; anyone may fetch them, signed in or not. */
    @Test
    void stylesheetsAndScriptsAreServedWhereThePagesLookForThem() {
        ApiClient anonymous = ApiClient.anonymous(app.baseUrl());
        HttpResponse<String> ours = anonymous.get("/css/oversight.css");
        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/css"));
        assertThat(anonymous.get("/css/history-print.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
        // the stylesheets' directory is not the root: nothing else on the class path is served from it
        assertThat(anonymous.get("/css/../application.yml").statusCode()).isNotEqualTo(200);
    }

    @Test
    void metricsCountCommandsAndProjectionLagWithoutAnyPersonalData() {
        assertThat(chair().post("/api/children", registration("HTTP9", "2014-04-04")).statusCode()).isEqualTo(201);
        HttpResponse<String> metrics = ApiClient.as(app.baseUrl(), "admin.ford").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("commandBus_allTimer_seconds_count{payloadType=\"RegisterChild\"}")
                .contains("oversight_projection_lag_events{processor=\"projections\"}")
                .contains("eventProcessor_latency{processorName=\"projections\"}")
                .contains("eventProcessor_handled_total{processorName=\"projections\"}")
                // the projections' light monitor replaces Axon's per-event timers, counters and capacity gauges,
                // which cost most of a rebuild's time
                .doesNotContain("eventProcessor_capacity", "eventProcessor_processingTime")
                .doesNotContain("Robin", "HTTP9", "iro.ahmed");
        assertThat(chair().get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(ApiClient.anonymous(app.baseUrl()).get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void rebuildingTheCaseloadFromTheEventStoreGivesTheSameRows() throws Exception {
        assertThat(chair().post("/api/children", registration("HTTP7", "2016-02-29")).statusCode()).isEqualTo(201);
        // earlier tests register children without waiting for them to be projected
        StreamingEventProcessor caseload = app.caughtUp("caseload");
        List<String> before = caseloadRows();
        assertThat(before).anyMatch(row -> row.contains("HTTP7"));

        caseload.shutDown();
        caseload.resetTokens();
        caseload.start();

        List<String> after = await(this::caseloadRows, rows -> rows.equals(before));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everythingRecordedSurvivesARestartOfTheApplicationAndOfPostgres() throws Exception {
        HttpResponse<String> registered = chair().post("/api/children", registration("HTTP8", "2015-12-31"));
        String childId = json(registered).get("childId").asText();
        await(this::caseloadRows, rows -> rows.stream().anyMatch(r -> r.contains("HTTP8")));

        app.close();
        app = null;
        postgres.close();
        postgres = TestPostgres.startIn(dataDirectory);
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        app = OversightTestApp.start(jdbcUrl);

        JsonNode child = json(chair().get("/api/children/" + childId));
        assertThat(child.get("localIdentifier").asText()).isEqualTo("HTTP8");
        assertThat(chair().post("/api/children", registration("HTTP8", "2015-12-31")).statusCode()).isEqualTo(409);
    }

    private List<String> caseloadRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery("""
                     SELECT c.*, a.role, a.chair_id, a.allocated_from, a.chair_changes
                       FROM caseload_child c LEFT JOIN caseload_allocation a USING (child_id)
                      ORDER BY c.child_id, a.role""")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private List<String> metadataOf(String childId) throws SQLException {
        List<String> metadata = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.prepareStatement(
                     "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                             + "ORDER BY sequencenumber")) {
            statement.setString(1, childId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    metadata.add(rs.getString(1));
                }
            }
        }
        return metadata;
    }

    private interface Query<T> {
        T run() throws Exception;
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Query<T> query, java.util.function.Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(query::run, done);
    }
}
