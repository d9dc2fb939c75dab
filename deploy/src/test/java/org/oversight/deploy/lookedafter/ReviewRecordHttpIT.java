package org.oversight.deploy.lookedafter;

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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.AccessGuard;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review's two documents over HTTP against a real PostgreSQL: the IRO records a review and downloads the full
 * record and the child's version as PDFs whose text holds what was recorded (the recommendations only in the
 * full record); each download is in the read log; the child's page shows per review whether each was sent;
 * a chair of another authority finds no such child, and roles that may not read the child are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewRecordHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String RECOMMENDATION = "Service manager to agree funding for school transport";

    private OversightTestApp app;
    private LocalDate today;
    private String child;
    private String reviewId;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        today = LocalDate.now(ZoneId.of("Europe/London"));
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"RR1","givenName":"Sky","familyName":"Reviewfield",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(10)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        child = json(registered).get("childId").asText();
        ok(iro.post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(60))));
        String api = "/api/children/" + child + "/looked-after";
        ok(iro.post(api + "/periods", "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U4\"}"
                .formatted(today.minusDays(40))));
        ok(iro.post(api + "/social-worker-allocations", """
                {"allocatedOn":"%s","worker":"Priya Nair","team":"Children in care team 2"}"""
                .formatted(today.minusDays(39))));
        ok(iro.post(api + "/consultations", ("{\"consultedOn\":\"%s\",\"method\":\"IN_PERSON\",\"seenAlone\":true,"
                + "\"privateConversation\":\"SPOKE_IN_PRIVATE\"}").formatted(today.minusDays(25))));
        ok(iro.post(api + "/permanence-plans", "{\"recordedOn\":\"%s\",\"plan\":\"LONG_TERM_FOSTERING\"}"
                .formatted(today.minusDays(24))));
        reviewId = ok(iro.post(api + "/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Sky stays with the current foster carers"],"recommendations":["%s"],
                 "actions":[{"action":"Book the dentist","owner":"Foster carer","dueOn":"%s"}]}"""
                .formatted(today.minusDays(20), RECOMMENDATION, today.plusDays(10)))).get("reviewId").asText();
        long sequence = ok(iro.post(api + "/reviews/" + reviewId + "/distribution",
                "{\"distributedOn\":\"%s\",\"childFriendlyVersion\":false}".formatted(today.minusDays(15))))
                .get("sequence").asLong();
        assertThat(iro.get(api + "?after=" + sequence).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theIroDownloadsTheFullRecordWithEverythingRecorded() throws IOException {
        HttpResponse<byte[]> response = get("iro.ahmed", record("record.pdf"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains(reviewId).doesNotContain("Sky");
        String text = text(response.body());
        assertThat(text).contains("Record of the looked-after review of Sky Reviewfield on "
                        + today.minusDays(20).format(LONG), "Aisha Ahmed", "PN1: Attended and spoke for themselves",
                "Spoke to the child in private", "Sky stays with the current foster carers", RECOMMENDATION,
                "Book the dentist", "Foster carer", today.plusDays(10).format(LONG), "Long-term fostering",
                "Next review due by " + today.minusDays(20).plusMonths(3).format(LONG),
                "Priya Nair, Children in care team 2",
                "Full record Sent on " + today.minusDays(15).format(LONG), "Version for the child Not sent");
    }

    @Test
    void theIroDownloadsTheChildsVersionWithoutTheRecommendations() throws IOException {
        HttpResponse<byte[]> response = get("iro.ahmed", record("child-friendly.pdf"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = text(response.body());
        assertThat(text).contains("Dear Sky,", "I am Aisha Ahmed", "Sky stays with the current foster carers",
                "Book the dentist. Foster carer will do this by " + today.plusDays(10).format(LONG),
                "Your social worker is Priya Nair.", "you can complain");
        assertThat(text).doesNotContain(RECOMMENDATION).doesNotContain("PN1");
    }

    @Test
    void eachDownloadIsARead() {
        get("iro.ahmed", record("record.pdf"), null);
        get("iro.ahmed", record("child-friendly.pdf"), null);

        List<String> reads = app.bean(JdbcClient.class).sql("""
                SELECT how FROM history_read WHERE username = 'iro.ahmed' AND child_id = :child
                """).param("child", child).query(String.class).list();
        assertThat(reads).contains("REVIEW_RECORD", "REVIEW_FOR_CHILD");
    }

    @Test
    void theChildsPageShowsWhatWasSentAndLinksBothDocuments() {
        HttpResponse<String> page = ApiClient.as(app.baseUrl(), "iro.ahmed").get("/children/" + child);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Full record: sent " + today.minusDays(15).format(SHORT),
                "Child-friendly version: not sent", record("record.pdf"), record("child-friendly.pdf"));
    }

    @Test
    void aTeamManagerAndAnAuditorWithAReasonMayReadThem() {
        assertThat(get("manager.hughes", record("record.pdf"), null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> withoutReason = get("auditor.davies", record("child-friendly.pdf"), null);
        assertThat(withoutReason.statusCode()).as("asked why first").isEqualTo(403);
        assertThat(withoutReason.headers().firstValue(AccessGuard.REFUSAL_HEADER)).isPresent();
        assertThat(get("auditor.davies", record("child-friendly.pdf"), "Quarterly audit").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aChairOfAnotherAuthorityFindsNoSuchChild() {
        for (String document : List.of("record.pdf", "child-friendly.pdf")) {
            HttpResponse<byte[]> response = get("iro.nowak", record(document), null);
            assertThat(response.statusCode()).as(document).isEqualTo(404);
            assertThat(response.headers().firstValue(AccessGuard.REFUSAL_HEADER)).as(document).isPresent();
        }
    }

    @Test
    void rolesThatMayNotReadTheChildAreRefused() {
        for (String person : List.of("data.iqbal", "admin.ford", "regional.taylor")) {
            for (String document : List.of("record.pdf", "child-friendly.pdf")) {
                HttpResponse<byte[]> response = get(person, record(document), null);
                assertThat(response.statusCode()).as(person + " " + document).isEqualTo(403);
                assertThat(response.headers().firstValue(AccessGuard.REFUSAL_HEADER)).isPresent();
            }
        }
    }

    @Test
    void aReviewTheChildDoesNotHaveIsNotFound() {
        HttpResponse<byte[]> response = get("iro.ahmed",
                "/children/" + child + "/looked-after/reviews/00000000-0000-4000-8000-000000000000/record.pdf", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(AccessGuard.REFUSAL_HEADER)).isEmpty();
    }

    private String record(String document) {
        return "/children/" + child + "/looked-after/reviews/" + reviewId + "/" + document;
    }

    private HttpResponse<byte[]> get(String username, String path, String reason) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), username)).GET();
        if (reason != null) {
            request.header("Oversight-Reason", reason);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
