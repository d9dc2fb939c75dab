package org.oversight.deploy.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
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
 * A conference's papers over HTTP against a real PostgreSQL: the CP chair writes the summary and analysis,
 * withholding one passage from the parents, records the outcome letter as sent, and downloads the letter, the full
 * minutes and the parents' minutes as PDFs whose text holds (or leaves out) what it should; the narrative is kept
 * encrypted outside the events; the clocks show on the timeline and in the due items; each download is a read;
 * only the child's chair, their team manager and QA leads may read the papers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferencePapersHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String SUMMARY = "Jo is not safe from neglect at home without a plan";
    private static final String WITHHELD = "A neighbour told the police about shouting late at night";
    private static final String SHOWN = "School attendance has fallen to sixty per cent this term";

    private OversightTestApp app;
    private String child;
    private String conferenceId;
    private LocalDate heldOn;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        heldOn = today.minusDays(7);
        while (heldOn.getDayOfWeek() == DayOfWeek.SATURDAY || heldOn.getDayOfWeek() == DayOfWeek.SUNDAY) {
            heldOn = heldOn.minusDays(1);
        }
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CP-P1","givenName":"Jo","familyName":"Paperfield",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(7)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        child = json(registered).get("childId").asText();
        ok(chair.post("/api/children/" + child + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"%s\"}"
                        .formatted(heldOn.minusDays(20))));
        String enquiryId = ok(chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"%s\"}".formatted(heldOn.minusDays(10)))).get("id").asText();
        HttpResponse<String> held = chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(heldOn, child, enquiryId));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        conferenceId = json(held).get("conferenceId").asText();
        ok(chair.post(conference() + "minutes", """
                {"summary":"%s","passages":[{"text":"%s","withheldFromParents":true},
                 {"text":"%s","withheldFromParents":false}]}""".formatted(SUMMARY, WITHHELD, SHOWN)));
        long sequence = ok(chair.post(conference() + "papers-sent",
                "{\"paper\":\"OUTCOME_LETTER\",\"sentOn\":\"%s\"}".formatted(heldOn))).get("sequence").asLong();
        assertThat(chair.get("/api/children/" + child + "/protection?after=" + sequence).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theFullMinutesHoldTheSummaryAndEveryPassage() throws IOException {
        HttpResponse<byte[]> response = get("chair.brown", document("minutes.pdf"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains(conferenceId).doesNotContain("Jo");
        assertThat(text(response.body())).contains("Minutes of the initial child protection conference about "
                        + "Jo Paperfield on " + heldOn.format(LONG), "Ben Brown", "Neglect", "Police", "GP", SUMMARY,
                WITHHELD, SHOWN, "Outcome letter to the parents Sent on " + heldOn.format(LONG));
    }

    @Test
    void theParentsMinutesLeaveOutTheWithheldPassage() throws IOException {
        HttpResponse<byte[]> response = get("chair.brown", document("parents-minutes.pdf"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        String text = text(response.body());
        assertThat(text).contains(SUMMARY, SHOWN, "1 passage holds information about other people");
        assertThat(text).doesNotContain(WITHHELD);
    }

    @Test
    void theOutcomeLetterCarriesTheDecisionAndTheSummary() throws IOException {
        HttpResponse<byte[]> response = get("chair.brown", document("outcome-letter.pdf"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response.body())).contains("Dear parent or carer", "The child needs a child protection plan",
                "category of neglect", SUMMARY);
    }

    @Test
    void theNarrativeIsKeptEncryptedOutsideTheEventsWhichHoldItsDigest() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        byte[] sealed = jdbc.sql("SELECT sealed FROM conference_narrative WHERE child_id = :child")
                .param("child", child).query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("neglect", "neighbour");
        String payload = jdbc.sql("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = :stream AND payloadtype LIKE '%ConferenceMinutesWritten'
                """).param("stream", "protection-" + child).query(String.class).single();
        assertThat(payload).contains("narrativeSha256").doesNotContain("neighbour").doesNotContain(SUMMARY);
    }

    @Test
    void eachDownloadIsARead() {
        get("chair.brown", document("minutes.pdf"), null);
        get("chair.brown", document("parents-minutes.pdf"), null);
        get("chair.brown", document("outcome-letter.pdf"), null);

        List<String> reads = app.bean(JdbcClient.class).sql("""
                SELECT how FROM history_read WHERE username = 'chair.brown' AND child_id = :child
                """).param("child", child).query(String.class).list();
        assertThat(reads).contains("CONFERENCE_MINUTES", "CONFERENCE_PARENTS_MINUTES", "CONFERENCE_OUTCOME_LETTER");
    }

    @Test
    void theLetterIsMetOnTheTimelineAndTheMinutesAreDueFifteenWorkingDaysOn() {
        JsonNode letter = clock("cp-outcome-letter");
        assertThat(letter.get("clock").get("metOn").asText()).isEqualTo(heldOn.toString());
        assertThat(letter.get("status").asText()).isEqualTo("HAPPENED_IN_TIME");
        JsonNode minutes = clock("cp-minutes");
        assertThat(minutes.get("clock").get("metOn").isNull()).isTrue();
        assertThat(minutes.get("clock").get("standard").asText()).contains("Within 15 working days");
        assertThat(clock("cp-agency-decisions").get("status").asText()).isEqualTo("OVERDUE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.bean(JdbcClient.class)
                .sql("SELECT kind FROM due_item WHERE child_id = :child").param("child", child)
                .query(String.class).list(), kinds -> kinds.contains("cp-minutes") && !kinds.contains("cp-outcome-letter"));
    }

    @Test
    void papersAreSentOnceAndTheMinutesNeedTheirSummary() {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> again = chair.post(conference() + "papers-sent",
                "{\"paper\":\"OUTCOME_LETTER\",\"sentOn\":\"%s\"}".formatted(heldOn));
        assertThat(again.statusCode()).as(again.body()).isBetween(400, 499);
        assertThat(json(again).get("rule").asText()).isEqualTo("paper-sent-once");

        HttpResponse<String> blank = chair.post(conference() + "minutes", "{\"summary\":\" \",\"passages\":[]}");
        assertThat(blank.statusCode()).as(blank.body()).isBetween(400, 499);
        assertThat(blank.body()).contains("summary").doesNotContain("Exception");

        HttpResponse<String> unknown = chair.post("/api/children/" + child
                + "/protection/conferences/not-a-conference/papers-sent",
                "{\"paper\":\"OUTCOME_LETTER\",\"sentOn\":\"%s\"}".formatted(heldOn));
        assertThat(unknown.statusCode()).as(unknown.body()).isBetween(400, 499);
        assertThat(json(unknown).get("rule").asText()).isEqualTo("paper-names-a-recorded-conference");
    }

    @Test
    void anAdministratorSetsTheTimescalesAndARunningClockKeepsItsOwn() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        HttpResponse<String> set = ApiClient.as(app.baseUrl(), "admin.ford").post(
                "/api/local-authorities/DEMO-N/conference-paperwork-timescales", """
                {"effectiveFrom":"%s","decisionsWorkingDays":1,"minutesWorkingDays":20,"reason":"Local procedures"}"""
                        .formatted(today));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        HttpResponse<String> byAChair = ApiClient.as(app.baseUrl(), "chair.brown").post(
                "/api/local-authorities/DEMO-N/conference-paperwork-timescales", """
                {"effectiveFrom":"%s","decisionsWorkingDays":1,"minutesWorkingDays":20,"reason":"No"}"""
                        .formatted(today));
        assertThat(byAChair.statusCode()).isEqualTo(403);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> app.bean(JdbcClient.class)
                .sql("SELECT count(*) FROM conference_paperwork_timescale WHERE local_authority = 'DEMO-N'")
                .query(Long.class).single() == 1);
        assertThat(clock("cp-minutes").get("clock").get("standard").asText()).contains("Within 15 working days");
    }

    @Test
    void theChildsPageShowsWhatWasSentAndLinksTheDocuments() {
        HttpResponse<String> page = ApiClient.as(app.baseUrl(), "chair.brown").get("/children/" + child);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Conference papers",
                "Outcome letter to the parents: sent " + heldOn.format(DateTimeFormatter.ofPattern("d MMM yyyy",
                        Locale.UK)), "Full minutes: not sent", "Summary and analysis written (1 withheld from the parents)",
                document("outcome-letter.pdf"), document("minutes.pdf"), document("parents-minutes.pdf"));
    }

    @Test
    void onlyTheChairTheirManagerAndQaLeadsReadThePapers() {
        assertThat(get("manager.hughes", document("minutes.pdf"), null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> withoutReason = get("qa.evans", document("parents-minutes.pdf"), null);
        assertThat(withoutReason.statusCode()).as("asked why first").isEqualTo(403);
        assertThat(get("qa.evans", document("parents-minutes.pdf"), "Quarterly audit").statusCode()).isEqualTo(200);
        for (String person : List.of("chair.chen", "auditor.davies", "data.iqbal", "admin.ford")) {
            HttpResponse<byte[]> response = get(person, document("minutes.pdf"), "Curious");
            assertThat(response.statusCode()).as(person).isEqualTo(403);
            assertThat(response.headers().firstValue(AccessGuard.REFUSAL_HEADER)).as(person).isPresent();
        }
        assertThat(get("iro.nowak", document("minutes.pdf"), null).statusCode()).isEqualTo(404);
    }

    /**
     * A narrative altered in the store behind the service's back is not shown: the minutes say why, rather than the
     * download failing. Its own child, so that the other documents here stay as written.
     */
    @Test
    void aNarrativeAlteredInTheStoreIsNotShownAndTheMinutesSayWhy() throws IOException {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        String other = json(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CP-P2","givenName":"Ali","familyName":"Tamperton",
                 "dateOfBirth":"%s"}""".formatted(heldOn.minusYears(9)))).get("childId").asText();
        ok(chair.post("/api/children/" + other + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"%s\"}"
                        .formatted(heldOn.minusDays(20))));
        String enquiryId = ok(chair.post("/api/children/" + other + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"%s\"}".formatted(heldOn.minusDays(10)))).get("id").asText();
        HttpResponse<String> held = chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"NO_PLAN",
                 "previousPlans":0,"childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(heldOn, other, enquiryId));
        String otherConference = json(held).get("conferenceId").asText();
        long sequence = ok(chair.post("/api/children/" + other + "/protection/conferences/" + otherConference
                + "/minutes", "{\"summary\":\"Ali is safe at home\",\"passages\":[]}")).get("sequence").asLong();
        assertThat(chair.get("/api/children/" + other + "/protection?after=" + sequence).statusCode()).isEqualTo(200);
        app.bean(JdbcClient.class).sql("""
                UPDATE conference_narrative SET sealed = set_byte(sealed, 20, (get_byte(sealed, 20) + 1) % 256)
                 WHERE child_id = :child
                """).param("child", other).update();

        HttpResponse<byte[]> minutes = get("chair.brown", "/children/" + other + "/protection/conferences/"
                + otherConference + "/minutes.pdf", null);

        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(text(minutes.body())).contains("no longer matches what was recorded").doesNotContain("Ali is safe");
    }

    private String conference() {
        return "/api/children/" + child + "/protection/conferences/" + conferenceId + "/";
    }

    private String document(String name) {
        return "/children/" + child + "/protection/conferences/" + conferenceId + "/" + name;
    }

    private JsonNode clock(String kind) {
        for (JsonNode entry : ok(ApiClient.as(app.baseUrl(), "chair.brown")
                .get("/api/children/" + child + "/timeline")).get("clocks")) {
            if (entry.get("clock").get("kind").asText().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("No " + kind + " clock on the timeline");
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
