package org.oversight.deploy.fields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * What a client can send wrong, end to end against a real PostgreSQL: text the field rules accept is recorded
 * and projected whatever its length within the rule; text they refuse (too long, a NUL byte, a direction
 * override, nothing visible) and dates in any form but yyyy-mm-dd are 400 with the rule; reads with a far-off
 * day, a huge page or a value that is not text are 400 and answer at once; an unknown child is 404 everywhere.
 * Never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private OversightTestApp app;
    private LocalDate today;
    private int children;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        today = LocalDate.now(LONDON);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    private ApiClient qaLead() {
        return ApiClient.as(app.baseUrl(), "qa.evans");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static JsonNode refused(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.get("rule").asText()).as(response.body()).isEqualTo(rule);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "reference");
        return problem;
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> register(String givenName, String dateOfBirthJson) {
        return chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"BAD%d","givenName":%s,"familyName":"Fields",
                 "dateOfBirth":%s}""".formatted(++children, quoted(givenName), dateOfBirthJson));
    }

    private String registeredChild() {
        HttpResponse<String> registered = register("Sam", "\"" + today.minusYears(8) + "\"");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(chair().get("/api/children/" + childId + "?after=0").statusCode()).isEqualTo(200);
        return childId;
    }

    /** A registered child with the chair who records for them allocated as their IRO. */
    private String allocatedChild() {
        String childId = registeredChild();
        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + today + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        return childId;
    }

    // Text the rules accept is projected, whatever its length within the rule

    @Test
    void aReasonOfSixHundredCharactersIsRecordedAndProjectedInFull() {
        String child = allocatedChild();
        HttpResponse<String> discussed = chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + today.minusDays(3) + "\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        String reason = "Concerns were not substantiated. ".repeat(20).substring(0, 600);
        HttpResponse<String> notRequired = chair().post(
                "/api/children/" + child + "/protection/initial-conference-not-required",
                "{\"enquiryId\":\"" + json(discussed).get("id").asText() + "\",\"decidedOn\":\"" + today.minusDays(1)
                        + "\",\"reason\":" + quoted(reason) + "}");
        assertThat(notRequired.statusCode()).as(notRequired.body()).isEqualTo(200);

        HttpResponse<String> record = chair().get("/api/children/" + child + "/protection?after="
                + json(notRequired).get("sequence").asLong());
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        assertThat(record.body()).contains(reason.strip());
    }

    @Test
    void aPeriodIdOfSixtyFourCharactersIsProjectedAndOneOfEightyOneIsRefused() {
        String child = registeredChild();
        assertThat(chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + today.minusDays(30) + "\"}")
                .statusCode()).isEqualTo(200);

        JsonNode problem = refused(chair().post("/api/children/" + child + "/looked-after/periods",
                "{\"periodId\":\"%s\",\"startedOn\":\"%s\",\"legalStatus\":\"C1\"}".formatted("p".repeat(81),
                        today.minusDays(10))), 400, "identifier-too-long");
        assertThat(problem.get("problems").findValuesAsText("field")).containsExactly("periodId");

        String longest = "p".repeat(64);
        HttpResponse<String> started = chair().post("/api/children/" + child + "/looked-after/periods",
                "{\"periodId\":\"%s\",\"startedOn\":\"%s\",\"legalStatus\":\"C1\"}".formatted(longest,
                        today.minusDays(10)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        HttpResponse<String> record = chair().get("/api/children/" + child + "/looked-after?after="
                + json(started).get("sequence").asLong());
        assertThat(json(record).get("periods").get(0).get("periodId").asText()).isEqualTo(longest);
    }

    // Text the rules refuse

    @Test
    void aNameHoldingANulByteIsRefusedAndNothingIsRecorded() {
        refused(register("Sa\u0000m", "\"2019-05-01\""), 400, "person-name-control-character");
        assertThat(chair().get("/api/caseload").body()).doesNotContain("Sa\\u0000m");
    }

    @Test
    void aNameWithARightToLeftOverrideOrMadeOnlyOfZeroWidthSpacesIsRefused() {
        refused(register("Sam\u202Eevil", "\"2019-05-01\""), 400, "person-name-direction-control");
        refused(register("\u200B\u200B\u200B", "\"2019-05-01\""), 400, "person-name-invisible");
    }

    @Test
    void aNameTypedWithACombiningAccentIsKeptComposed() {
        HttpResponse<String> registered = register("Zoe\u0308", "\"" + today.minusYears(3) + "\"");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(json(chair().get("/api/children/" + childId + "?after=0")).get("givenName").asText())
                .isEqualTo("Zo\u00EB");
    }

    @Test
    void aDateIsWrittenYyyyMmDdAndNothingElse() {
        for (String date : new String[] {"17900", "\"2019-01-01T00:00:00\"", "\"+12019-01-01\"", "\"2019-02-30\"",
                "\"01/02/2019\"", "[2019,1,1]"}) {
            JsonNode problem = refused(register("Sam", date), 400, "date-format");
            assertThat(problem.get("problems").findValuesAsText("field")).as(date).containsExactly("dateOfBirth");
        }
    }

    @Test
    void aChoiceThatIsNotOneOfTheOptionsIsRefusedNamingTheField() {
        String child = registeredChild();
        JsonNode problem = refused(chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"KING\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + today + "\"}"), 400,
                "choice-from-list");
        assertThat(problem.get("problems").findValuesAsText("field")).containsExactly("role");
    }

    // Dates

    @Test
    void aStrategyDiscussionInTheYearOneAndAnExpectedDeliveryIn1900AreRefused() {
        String child = allocatedChild();
        refused(chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"0001-01-01\"}"), 422, "date-not-before-child");
        refused(chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"UNBORN1900","givenName":"Baby","familyName":"Fields",
                 "expectedDateOfDelivery":"1900-01-01"}"""), 422, "expected-delivery-not-long-past");
    }

    // Reads

    /** A read that must answer at once: one that loops over a client's far-off day would never answer. */
    private HttpResponse<String> promptly(String path) throws Exception {
        String bearer = "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", bearer).header("Accept", "application/json").timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTimelineAsAtAFarOffDayIsRefusedAtOnce() throws Exception {
        String child = registeredChild();
        refused(promptly("/api/children/" + child + "/timeline?asAt=%2B999999999-12-31"), 400,
                "as-at-within-window");
        refused(chair().get("/api/children/" + child + "/timeline?asAt=1066-10-14"), 400, "as-at-within-window");
        refused(chair().get("/api/children/" + child + "/timeline?asAt=tomorrow"), 400, "date-format");
        assertThat(chair().get("/api/children/" + child + "/timeline?asAt=" + today.plusYears(5)).statusCode())
                .isEqualTo(200);
        assertThat(chair().get("/children/" + child + "/timeline?asAt=%2B999999999-12-31").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHistoryAsAtAFarOffDayIsRefused() {
        String child = registeredChild();
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies").because("Quarterly audit");
        refused(auditor.get("/api/children/" + child + "/as-at?on=%2B999999999-12-31"), 400, "as-at-within-window");
    }

    @Test
    void theReadLogAnswersAPageFarBeyondTheLastWith400AndAPageJustBeyondItEmpty() {
        refused(qaLead().get("/api/audit/reads?page=2147483647"), 400, "page-within-range");
        refused(qaLead().get("/api/audit/reads?page=many"), 400, "parameter-type");
        JsonNode beyond = json(qaLead().get("/api/audit/reads?page=10000"));
        assertThat(beyond.get("reads")).isEmpty();
        assertThat(beyond.get("more").asBoolean()).isFalse();
    }

    @Test
    void aReasonForReadingHoldingANulByteIsRefusedAndNotLogged() {
        String child = registeredChild();
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies");
        HttpResponse<String> read = auditor.get("/api/children/" + child + "/history?purpose="
                + URLEncoder.encode("Court\u0000bundle", StandardCharsets.UTF_8));
        refused(read, 400, "parameter-is-text");
        // the chair's own read of the new child is logged; the auditor's refused read is not
        assertThat(json(qaLead().get("/api/audit/reads?child=" + child + "&user=auditor.davies")).get("reads"))
                .isEmpty();
    }

    @Test
    void theIntegrityOfAChildWhoIsNotRegisteredIsNotFoundNeverIntact() {
        refused(chair().get("/api/children/nobody-at-all/integrity"), 404, "record-exists");
        refused(chair().get("/api/children/" + "0123456789".repeat(4) + "/integrity"), 404, "record-exists");
        assertThat(chair().get("/children/" + "0123456789".repeat(4) + "/integrity").statusCode()).isEqualTo(404);
        assertThat(chair().get("/api/children/not-a-uuid/timeline").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestOfTheWrongMediaTypeOrMethodIsRefusedWithTheRule() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String bearer = "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/children"))
                .header("Authorization", bearer).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        refused(plain, 415, "media-type-supported");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/children"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        refused(put, 405, "method-allowed");
    }

    @Test
    void aPageWithAChoiceThatIsNotOneOfTheOptionsIsABadRequestPage() {
        String child = registeredChild();
        HttpResponse<String> page = chair().get("/children/" + child + "/allocate?role=KING");
        assertThat(page.statusCode()).isEqualTo(400);
    }
}
