package org.oversight.deploy.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.returns.ssda903.ChildFacts;
import org.oversight.query.returns.ssda903.CollectionYear;
import org.oversight.query.returns.ssda903.Ssda903Facts;
import org.oversight.query.returns.ssda903.Ssda903Files;
import org.oversight.query.returns.ssda903.Ssda903Return;

/**
 * The SSDA903 return made from decisions recorded over HTTP against a real PostgreSQL: the return's projection keeps
 * each change in a period and each review, corrections included, and the return's tables come out of them; the
 * page is for the authority's QA leads and administrators only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ssda903HttpIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    void theReturnIsMadeFromThePeriodItsChangesAndItsCorrectedReviews() {
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        LocalDate born = TODAY.minusYears(10);
        String child = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SSDA1","givenName":"Robin","familyName":"Returns",
                 "dateOfBirth":"%s"}""".formatted(born)).body().replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        ok(iro.post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + TODAY.minusDays(30) + "\"}"));
        LocalDate started = TODAY.minusDays(20);
        LocalDate moved = TODAY.minusDays(10);
        LocalDate reviewed = TODAY.minusDays(5);
        ok(iro.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"V2\",\"placement\":\"U4\"}".formatted(started)));
        ok(iro.post("/api/children/" + child + "/looked-after/placement-changes",
                "{\"changedOn\":\"%s\",\"placement\":\"K2\",\"carerChanged\":true}".formatted(moved)));
        ok(iro.post("/api/children/" + child + "/looked-after/legal-status-changes",
                "{\"changedOn\":\"%s\",\"legalStatus\":\"C1\"}".formatted(moved)));
        String review = iro.post("/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stays"],
                 "recommendations":[],"actions":[]}""".formatted(reviewed)).body()
                .replaceAll(".*\"reviewId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        ok(iro.post("/api/children/" + child + "/looked-after/reviews/" + review + "/participation-corrections",
                "{\"correctedTo\":\"PN3\",\"reason\":\"The child spoke through an advocate\"}"));

        CollectionYear year = CollectionYear.of(TODAY);
        Ssda903Facts facts = app.bean(Ssda903Facts.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> Ssda903Files.csv(
                Ssda903Return.of(year, facts.of("DEMO-N", year)).reviews()).contains("PN3"));
        Ssda903Return ssda903 = Ssda903Return.of(year, facts.of("DEMO-N", year));
        assertThat(Ssda903Files.csv(ssda903.episodes())).isEqualTo(
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n"
                        + "SSDA1," + DFE.format(started) + ",S,V2,,U4,," + DFE.format(moved) + ",X1,,,,\r\n"
                        + "SSDA1," + DFE.format(moved) + ",B,C1,,K2,,,,,,,\r\n");
        assertThat(Ssda903Files.csv(ssda903.reviews())).isEqualTo("CHILD,DOB,REVIEW,REVIEW_CODE\r\n"
                + "SSDA1," + DFE.format(born) + "," + DFE.format(reviewed) + ",PN3\r\n");
        // no characteristics recorded: the header says so, and the checks name the child and the rules
        assertThat(Ssda903Files.csv(ssda903.header())).contains("SSDA1,,");

        ApiClient qa = ApiClient.as(app.baseUrl(), "qa.evans");
        HttpResponse<String> page = qa.get("/returns/DEMO-N/ssda903");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SSDA1").contains("103").contains("CIN");
    }

    @Test
    void onlyTheAuthoritysQaLeadsAndAdministratorsOpenTheReturn() {
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").get("/returns/DEMO-N/ssda903").statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "qa.shah").get("/returns/DEMO-N/ssda903").statusCode())
                .as("a QA lead of another authority").isEqualTo(404);
        for (String username : List.of("iro.ahmed", "manager.hughes", "auditor.davies", "data.iqbal",
                "regional.taylor")) {
            assertThat(ApiClient.as(app.baseUrl(), username).get("/returns/DEMO-N/ssda903").statusCode())
                    .as(username).isEqualTo(403);
        }
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").get("/returns/DEMO-N/ssda903?year=1999").statusCode())
                .isEqualTo(400);
        // a reconciliation sent without its file is the sender's mistake, never the service's
        HttpResponse<String> noFile = ApiClient.as(app.baseUrl(), "qa.evans")
                .post("/returns/DEMO-N/ssda903/reconciliation?year=" + CollectionYear.of(TODAY).startYear(), "{}");
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.body()).contains("Choose the council&#39;s reviews table to upload");
    }

    /**
     * The download is written as the children are read, a batch at a time: each file, over HTTP, is the same bytes
     * as the whole return built in memory, and so is the return read in batches of three (every batch boundary of
     * the demo authority's children crossed).
     */
    @Test
    void theStreamedDownloadIsTheWholeReturnByteForByte() throws Exception {
        // identifiers whose order differs between a character comparison and a language's collation, in the other
        // authority, so that the first test's return is left as it expects
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.nowak");
        List<String> identifiers = List.of("strm-b", "STRM-A", "STRM-10", "STRM-9", "STRM2", "Strm-c", "STRMX");
        for (String identifier : identifiers) {
            String child = iro.post("/api/children", """
                    {"localAuthority":"DEMO-S","localIdentifier":"%s","givenName":"Sam","familyName":"Streamed",
                     "dateOfBirth":"%s"}""".formatted(identifier, TODAY.minusYears(8))).body()
                    .replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            ok(iro.post("/api/children/" + child + "/chairs",
                    "{\"role\":\"IRO\",\"chairId\":\"iro.nowak\",\"allocatedFrom\":\"" + TODAY.minusDays(30)
                            + "\"}"));
            ok(iro.post("/api/children/" + child + "/looked-after/periods",
                    "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U4\"}"
                            .formatted(TODAY.minusDays(3))));
        }
        CollectionYear year = CollectionYear.of(TODAY);
        Ssda903Facts facts = app.bean(Ssda903Facts.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> facts.of("DEMO-S", year).stream()
                .map(ChildFacts::localIdentifier).toList().containsAll(identifiers));
        List<ChildFacts> whole = facts.of("DEMO-S", year);
        List<ChildFacts> batched = new ArrayList<>();
        facts.forEach("DEMO-S", year, 3, batched::add);
        Ssda903Return ssda903 = Ssda903Return.of(year, whole);
        assertThat(batched).extracting(ChildFacts::childId).containsExactlyElementsOf(whole.stream()
                .sorted(Comparator.comparing(ChildFacts::localIdentifier).thenComparing(ChildFacts::childId))
                .map(ChildFacts::childId).toList());
        assertThat(Ssda903Files.xml(Ssda903Return.of(year, batched))).isEqualTo(Ssda903Files.xml(ssda903));

        String token = ApiClient.bearerToken(app.baseUrl(), "qa.shah");
        Map<String, String> expected = Map.of("header", Ssda903Files.csv(ssda903.header()),
                "episodes", Ssda903Files.csv(ssda903.episodes()), "reviews", Ssda903Files.csv(ssda903.reviews()),
                "xml", Ssda903Files.xml(ssda903));
        for (Map.Entry<String, String> file : expected.entrySet()) {
            HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            app.baseUrl() + "/returns/DEMO-S/ssda903/download"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("year=" + year.startYear() + "&file=" + file.getKey()
                            + "&why=Checking+the+streamed+return")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(download.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(download.body()).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
