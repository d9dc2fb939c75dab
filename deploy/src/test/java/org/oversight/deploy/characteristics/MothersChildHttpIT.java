package org.oversight.deploy.characteristics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.returns.ssda903.CollectionYear;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When a looked-after mother's own child was born, over HTTP against a real PostgreSQL: recorded by her chair once
 * her characteristics say she is a mother, refused with the rule it breaks otherwise, read back with her
 * characteristics, written into the SSDA903 header as {@code MC_DOB}, and kept out of the stored event in plain
 * text (it is her personal data, encrypted under her key).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MothersChildHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final LocalDate CHILD_BORN = TODAY.minusMonths(3);

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void herChildsDateOfBirthIsRecordedReadAndWrittenIntoTheSsda903Header() throws Exception {
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.nowak");
        String mother = girlInCare(iro, "MUM-1", TODAY.minusYears(16));
        String path = "/api/children/" + mother + "/characteristics";
        assertThat(problem(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + CHILD_BORN + "\"}"), 422))
                .as("not yet recorded as a mother").isEqualTo("mothers-child-only-for-a-mother");
        ok(iro.post(path, """
                {"sex":"F","ethnicity":"WBRI","disability":"N","interpreterNeeded":"N","mother":"Y"}"""));

        HttpResponse<String> recorded = iro.post(path + "/mothers-child", "{\"bornOn\":\"" + CHILD_BORN + "\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode read = JSON.readTree(iro.get(path + "?after=" + JSON.readTree(recorded.body()).get("sequence")
                .asLong()).body());
        assertThat(read.get("mother").asText()).isEqualTo("Y");
        assertThat(read.get("mothersChildBornOn").asText()).isEqualTo(CHILD_BORN.toString());
        // her personal data: the stored event holds no readable date
        assertThat(app.bean(JdbcClient.class).sql("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = :child AND payloadtype LIKE '%MothersChildBirthRecorded'""")
                .param("child", mother).query(String.class).single()).doesNotContain(CHILD_BORN.toString());

        CollectionYear year = CollectionYear.of(TODAY);
        String header = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> download(year),
                body -> body.contains("MUM-1"));
        assertThat(header.lines().filter(line -> line.startsWith("MUM-1,")).findFirst().orElseThrow())
                .endsWith(",1," + CHILD_BORN.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    @Test
    void aDateInTheFutureOrBeforeSheWasElevenIsRefusedAndACorrectionSaysWhy() throws IOException {
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.nowak");
        LocalDate born = TODAY.minusYears(15);
        String mother = girlInCare(iro, "MUM-2", born);
        String path = "/api/children/" + mother + "/characteristics";
        ok(iro.post(path, """
                {"sex":"F","ethnicity":"WBRI","disability":"N","interpreterNeeded":"N","mother":"Y"}"""));

        assertThat(problem(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + TODAY.plusDays(1) + "\"}"), 422))
                .isEqualTo("mothers-child-born-not-in-future");
        assertThat(problem(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + born.plusYears(11).minusDays(1)
                + "\"}"), 422)).isEqualTo("mothers-child-born-after-mother-aged-11");
        assertThat(iro.post(path + "/mothers-child", "{}").statusCode()).isEqualTo(400);
        ok(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + born.plusYears(11) + "\"}"));
        assertThat(problem(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + CHILD_BORN + "\"}"), 422))
                .isEqualTo("correction-gives-its-reason");
        ok(iro.post(path + "/mothers-child", "{\"bornOn\":\"" + CHILD_BORN
                + "\",\"correctionReason\":\"The birth certificate gives a later date\"}"));
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking who may record")
                .post(path + "/mothers-child", "{\"bornOn\":\"" + CHILD_BORN + "\"}").statusCode()).isEqualTo(403);
    }

    private String girlInCare(ApiClient iro, String identifier, LocalDate born) throws IOException {
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-S","localIdentifier":"%s","givenName":"Mia","familyName":"Mother",
                 "dateOfBirth":"%s"}""".formatted(identifier, born));
        ok(registered);
        String child = JSON.readTree(registered.body()).get("childId").asText();
        ok(iro.post("/api/children/" + child + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.nowak\","
                + "\"allocatedFrom\":\"" + TODAY.minusDays(30) + "\"}"));
        ok(iro.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U4\"}".formatted(TODAY.minusDays(3))));
        return child;
    }

    private String download(CollectionYear year) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            app.baseUrl() + "/returns/DEMO-S/ssda903/download"))
                    .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "qa.shah"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("year=" + year.startYear()
                            + "&file=header&why=Checking+the+mothers+in+the+return")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        JsonNode problems = body.path("problems");
        return problems.isArray() && !problems.isEmpty() ? problems.get(0).path("rule").asText()
                : body.path("rule").asText();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
