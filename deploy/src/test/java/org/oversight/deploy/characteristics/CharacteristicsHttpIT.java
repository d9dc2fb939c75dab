package org.oversight.deploy.characteristics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.characteristics.ChildCharacteristics;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The child's characteristics over HTTP against a real PostgreSQL: recorded by the child's chair, corrected with a
 * reason, refused with the rule broken, read by those who work with the child and by the returns' Java API, never
 * by an auditor or a regional viewer, and each reading logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacteristicsHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private OversightTestApp app;
    private int children;

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
    void theChairRecordsTheCharacteristicsAndThoseWhoWorkWithTheChildReadThem() {
        String child = childOfChairBrown();
        HttpResponse<String> recorded = chair().post("/api/children/" + child + "/characteristics", """
                {"sex":"F","ethnicity":"mwbc","uniquePupilNumber":"D820300025001","disability":"N",
                 "firstLanguage":"English","interpreterNeeded":"N","mother":"N"}""");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        long sequence = json(recorded).get("sequence").asLong();

        JsonNode read = json(chair().get("/api/children/" + child + "/characteristics?after=" + sequence));
        assertThat(read.get("sex").asText()).isEqualTo("F");
        assertThat(read.get("ethnicity").asText()).isEqualTo("MWBC");
        assertThat(read.get("uniquePupilNumber").asText()).isEqualTo("D820300025001");
        assertThat(read.get("mother").asText()).isEqualTo("N");
        assertThat(read.get("corrections").asInt()).isZero();
        assertThat(read.get("recordedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(ApiClient.as(app.baseUrl(), "manager.hughes").get("/api/children/" + child + "/characteristics")
                .statusCode()).isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").because("Preparing the SSDA903 return")
                .get("/api/children/" + child + "/characteristics").statusCode()).isEqualTo(200);
        // the returns read them through the package's Java API, one child or a whole authority
        ChildCharacteristics api = app.bean(ChildCharacteristics.class);
        assertThat(api.of(child)).hasValueSatisfying(c -> assertThat(c.ethnicity()).isEqualTo("MWBC"));
        assertThat(api.ofAuthority("DEMO-N")).containsKey(child);
        assertThat(api.ofAuthority("DEMO-S")).doesNotContainKey(child);
        // each reading is in the read log
        assertThat(app.bean(JdbcClient.class).sql("""
                SELECT count(*) FROM history_read WHERE child_id = :child AND how = 'CHARACTERISTICS'""")
                .param("child", child).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCorrectionSaysWhyAndIsCounted() {
        String child = childOfChairBrown();
        long first = json(chair().post("/api/children/" + child + "/characteristics", """
                {"sex":"M","ethnicity":"WBRI","disability":"N","interpreterNeeded":"N"}""")).get("sequence").asLong();
        chair().get("/api/children/" + child + "/characteristics?after=" + first);

        assertThat(problem(chair().post("/api/children/" + child + "/characteristics", """
                {"sex":"M","ethnicity":"WIRI","disability":"N","interpreterNeeded":"N"}"""), 422))
                .isEqualTo("correction-gives-its-reason");
        HttpResponse<String> corrected = chair().post("/api/children/" + child + "/characteristics", """
                {"sex":"M","ethnicity":"WIRI","disability":"N","interpreterNeeded":"N",
                 "correctionReason":"The family told us at the review"}""");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode read = json(chair().get("/api/children/" + child + "/characteristics?after="
                + json(corrected).get("sequence").asLong()));
        assertThat(read.get("ethnicity").asText()).isEqualTo("WIRI");
        assertThat(read.get("corrections").asInt()).isEqualTo(1);
    }

    @Test
    void badAnswersAreRefusedWithTheRuleTheyBreak() {
        String child = childOfChairBrown();
        String path = "/api/children/" + child + "/characteristics";
        assertThat(problem(chair().post(path, """
                {"sex":"M","ethnicity":"WBRI","uniquePupilNumber":"E820300025001","disability":"N",
                 "interpreterNeeded":"N"}"""), 422)).isEqualTo("unique-pupil-number-checks");
        assertThat(problem(chair().post(path, """
                {"sex":"M","ethnicity":"White British","disability":"N","interpreterNeeded":"N"}"""), 400))
                .startsWith("code");
        assertThat(problem(chair().post(path, """
                {"sex":"M","ethnicity":"WHITE","disability":"N","interpreterNeeded":"N"}"""), 422))
                .isEqualTo("ethnicity-from-the-dfe-list");
        assertThat(problem(chair().post(path, """
                {"sex":"M","ethnicity":"WBRI","disability":"N","interpreterNeeded":"N","mother":"N"}"""), 422))
                .isEqualTo("mother-only-of-a-girl");
        assertThat(chair().get(path).statusCode()).as("nothing recorded").isEqualTo(404);
    }

    @Test
    void auditorsRegionalViewersAndAdministratorsNeverSeeThem() {
        String child = childOfChairBrown();
        for (String username : List.of("auditor.davies", "regional.taylor", "admin.ford", "data.iqbal")) {
            HttpResponse<String> refused = ApiClient.as(app.baseUrl(), username).because("Checking")
                    .get("/api/children/" + child + "/characteristics");
            assertThat(refused.statusCode()).as(username).isEqualTo(403);
        }
    }

    private String childOfChairBrown() {
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CHR%d","givenName":"Robin","familyName":"Answers",
                 "dateOfBirth":"2013-06-01"}""".formatted(++children));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = json(registered).get("childId").asText();
        HttpResponse<String> allocated = chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isBetween(200, 201);
        return child;
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    private static String problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response).get("rule").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
