package org.oversight.deploy.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject access request answered over HTTP against a real PostgreSQL: recorded by the authority's data officer,
 * the copy drafted from the child's stored history with a named third party withheld, prepared without review
 * (still withheld) and again with the third party released on review, then released; and who may do any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessHttpIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FATHER = "Sam Jones (father)";

    private OversightTestApp app;
    private LocalDate today;
    private String child;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        today = LocalDate.now(LONDON);
        child = json(created(as("iro.ahmed").post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SAR1","givenName":"Robin","familyName":"Jones",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(10))))).get("childId").asText();
        ok(as("iro.ahmed").post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(60))));
        ok(as("iro.ahmed").post(care("/periods"),
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C1\",\"placement\":\"U6\"}".formatted(today.minusDays(40))));
        ok(as("iro.ahmed").post(care("/reviews"), """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Stays with the current foster carers"],"recommendations":[],
                 "actions":[{"action":"Arrange contact","owner":"%s","dueOn":"%s"}]}"""
                .formatted(today.minusDays(30), FATHER, today.plusDays(10))));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theCopyWithholdsANamedThirdPartyByDefaultAndReleasesItOnlyAfterReview() throws IOException {
        ApiClient data = as("data.iqbal");
        String requestId = json(created(data.post(sar(""), """
                {"requesterName":"Alex Jones","relationship":"PARENT","receivedOn":"%s"}"""
                .formatted(today.minusDays(2))))).get("requestId").asText();

        JsonNode draft = json(ok(data.get(sar("/" + requestId + "/copy"))));
        assertThat(draft.get("prepared").asBoolean()).isFalse();
        JsonNode father = StreamSupport.stream(draft.get("items").spliterator(), false)
                .filter(item -> item.get("value").asText().equals(FATHER)).findFirst().orElseThrow();
        assertThat(father.get("whose").asText()).isEqualTo("NAMED_PERSON");
        assertThat(father.get("released").asBoolean()).isFalse();
        assertThat(draft.toString()).doesNotContain("owned by " + FATHER);
        assertThat(pdf(requestId).statusCode()).as("no copy before it is prepared").isEqualTo(409);

        ok(data.post(sar("/" + requestId + "/preparation"), """
                {"preparedOn":"%s","historyThrough":%d,"items":[]}"""
                .formatted(today, draft.get("historyThrough").asLong())));
        String unreviewed = text(pdf(requestId));
        assertThat(unreviewed).contains("Robin Jones", "owned by [withheld]", "Alex Jones")
                .doesNotContain(FATHER);

        ok(data.post(sar("/" + requestId + "/preparation"), """
                {"preparedOn":"%s","historyThrough":%d,"items":[
                  {"key":"%s","whose":"NAMED_PERSON","released":true,"reason":"The father consented"}]}"""
                .formatted(today, draft.get("historyThrough").asLong(), father.get("key").asText())));
        assertThat(text(pdf(requestId))).contains("owned by " + FATHER);

        ok(data.post(sar("/" + requestId + "/release"), """
                {"releasedOn":"%s","releasedTo":"Alex Jones"}""".formatted(today)));
        JsonNode answered = StreamSupport.stream(json(ok(data.get(sar("")))).spliterator(), false)
                .filter(r -> r.get("requestId").asText().equals(requestId)).findFirst().orElseThrow();
        assertThat(answered.get("releasedTo").asText()).isEqualTo("Alex Jones");
        assertThat(answered.get("preparation").get("preparedByName").asText()).isEqualTo("Imran Iqbal");
        assertThat(LocalDate.parse(answered.get("due").get("date").asText()))
                .isAfterOrEqualTo(today.minusDays(2).plusMonths(1));
        HttpResponse<String> again = data.post(sar("/" + requestId + "/preparation"), """
                {"preparedOn":"%s","historyThrough":1,"items":[]}""".formatted(today));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(json(again).get("rule").asText()).isEqualTo("request-still-open");
    }

    @Test
    void everyReadOfARequestOrItsCopyIsInTheReadLog() {
        ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking the answer to a request").get(sar(""));

        List<String> reads = app.bean(JdbcClient.class).sql("""
                SELECT how FROM history_read WHERE username = 'auditor.davies' AND child_id = :child
                """).param("child", child).query(String.class).list();

        assertThat(reads).contains("SUBJECT_ACCESS");
    }

    @Test
    void aWithheldPieceWithoutAReasonIsRefusedWithTheRuleItBreaks() {
        ApiClient data = as("data.iqbal");
        String requestId = json(created(data.post(sar(""), """
                {"requesterName":"Robin Jones","relationship":"CHILD","receivedOn":"%s"}"""
                .formatted(today)))).get("requestId").asText();

        HttpResponse<String> refused = data.post(sar("/" + requestId + "/preparation"), """
                {"preparedOn":"%s","historyThrough":1,"items":[{"key":"abc","whose":"NAMED_PERSON","released":false}]}"""
                .formatted(today));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("withheld-with-a-reason");
    }

    @Test
    void theChildsOwnChairCannotSeeOrRecordARequest() {
        assertThat(as("iro.ahmed").get(sar("")).statusCode()).isEqualTo(403);
        assertThat(as("iro.ahmed").post(sar(""), """
                {"requesterName":"Alex Jones","relationship":"PARENT","receivedOn":"%s"}""".formatted(today))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditorReadsRequestsWithAReasonAndRecordsNone() {
        assertThat(as("auditor.davies").get(sar("")).statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").because("Annual audit of requests").get(sar(""))
                .statusCode()).isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").because("Annual audit of requests").post(sar(""), """
                {"requesterName":"Alex Jones","relationship":"PARENT","receivedOn":"%s"}""".formatted(today))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aChildOfAnotherAuthorityIsNotFoundByThisAuthoritysDataOfficer() {
        String south = json(created(as("iro.nowak").post("/api/children", """
                {"localAuthority":"DEMO-S","localIdentifier":"SAR2","givenName":"Sky","familyName":"South",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(8))))).get("childId").asText();

        assertThat(as("data.iqbal").get("/api/children/" + south + "/subject-access").statusCode()).isEqualTo(404);
        assertThat(as("data.iqbal").post("/api/children/" + south + "/subject-access", """
                {"requesterName":"Alex Jones","relationship":"PARENT","receivedOn":"%s"}""".formatted(today))
                .statusCode()).isEqualTo(404);
    }

    private ApiClient as(String username) {
        return ApiClient.as(app.baseUrl(), username);
    }

    private String sar(String path) {
        return "/api/children/" + child + "/subject-access" + path;
    }

    private String care(String path) {
        return "/api/children/" + child + "/looked-after" + path;
    }

    private HttpResponse<byte[]> pdf(String requestId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/children/" + child
                        + "/subject-access/" + requestId + "/copy.pdf"))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "data.iqbal")).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PDF's text, having checked it is a tagged PDF in British English. */
    private static String text(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
