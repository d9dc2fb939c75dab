package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.childcase.ChildIds;
import org.oversight.deploy.importing.ImportReport.Line;
import org.oversight.deploy.importing.ImportReport.Outcome;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A synthetic SSDA903 and CIN census set of one authority imported into the real service on a real PostgreSQL:
 * a child who was 17 when first looked after and is 19 today comes in with their whole history, read by an
 * auditor, with the drift of a late review on their timeline; a child with a review before any period of care is
 * refused by the aggregate's own rule and nothing of them is stored; a child looked after only in short breaks
 * has their reviews imported; a census enquiry comes in as a strategy discussion, and a plan as a conference
 * reported in the census, whose quoracy is not known. The same files imported again change nothing; a later
 * year's files add only what is new, and a file that contradicts the record is reported with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String LA = "DEMO-N";

    private static final LocalDate OLD_BORN = TODAY.minusYears(19).minusMonths(2);
    private static final LocalDate OLD_START = OLD_BORN.plusYears(17).plusMonths(1);
    private static final LocalDate OLD_MOVED = OLD_START.plusDays(60);
    private static final LocalDate OLD_ENDED = OLD_BORN.plusYears(18).minusDays(1);
    private static final LocalDate OLD_FIRST_REVIEW = OLD_START.plusDays(14);
    /** Four months after the first: later than the three months reg 33(2) allows. */
    private static final LocalDate OLD_LATE_REVIEW = OLD_FIRST_REVIEW.plusMonths(4);

    private static final LocalDate EARLY_BORN = TODAY.minusYears(10);
    private static final LocalDate EARLY_REVIEW = TODAY.minusDays(400);
    private static final LocalDate EARLY_START = TODAY.minusDays(390);

    private static final LocalDate SHORT_BORN = TODAY.minusYears(12);
    private static final LocalDate SHORT_START = TODAY.minusDays(300);

    private OversightTestApp app;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        jdbc = app.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    static String header() {
        return "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"
                + "IMP-OLD,M," + d(OLD_BORN) + ",WBRI,UN1,,\r\n"
                + "IMP-EARLY,F," + d(EARLY_BORN) + ",WBRI,UN1,,\r\n"
                + "IMP-SHORT,F," + d(SHORT_BORN) + ",WBRI,UN1,,\r\n";
    }

    static String episodes() {
        return "\uFEFFCHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "IMP-OLD," + d(OLD_START) + ",S,C2,N1,U1,PR1," + d(OLD_MOVED) + ",X1,,,,\n"
                + "IMP-OLD," + d(OLD_MOVED) + ",P,C2,N1,U4,PR1," + d(OLD_ENDED) + ",E8,CARPL,,,\n"
                + "IMP-EARLY," + d(EARLY_START) + ",S,C2,N1,U1,PR1,,,,,,\n"
                + "IMP-SHORT," + d(SHORT_START) + ",S,V3,N1,U1,PR1,,,,,,\n";
    }

    static String reviews() {
        return "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                + "IMP-OLD," + d(OLD_BORN) + "," + d(OLD_FIRST_REVIEW) + ",PN1\n"
                + "IMP-OLD," + d(OLD_BORN) + "," + d(OLD_LATE_REVIEW) + ",PN1\n"
                + "IMP-EARLY," + d(EARLY_BORN) + "," + d(EARLY_REVIEW) + ",PN1\n"
                + "IMP-SHORT," + d(SHORT_BORN) + "," + d(SHORT_START.plusDays(80)) + ",PN2\n"
                + "IMP-SHORT," + d(SHORT_BORN) + "," + d(SHORT_START.plusDays(250)) + ",PN6\n";
    }

    static String census() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Message>
                  <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year></CollectionDetails></Header>
                  <Children>
                    <Child>
                      <ChildIdentifiers><LAchildID>IMP-S47</LAchildID><PersonBirthDate>2015-05-05</PersonBirthDate></ChildIdentifiers>
                      <CINdetails>
                        <Section47><S47ActualStartDate>%s</S47ActualStartDate><ICPCnotRequired>false</ICPCnotRequired></Section47>
                      </CINdetails>
                    </Child>
                    <Child>
                      <ChildIdentifiers><LAchildID>IMP-CPP</LAchildID><PersonBirthDate>2014-02-02</PersonBirthDate></ChildIdentifiers>
                      <CINdetails>
                        <ChildProtectionPlans><CPPstartDate>%s</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>
                      </CINdetails>
                    </Child>
                  </Children>
                </Message>
                """.formatted(TODAY.minusDays(100), TODAY.minusDays(80));
    }

    private static String d(LocalDate date) {
        return date.format(DMY);
    }

    private static ReturnFiles files() throws IOException {
        ReturnFiles files = ReturnFiles.inMemory();
        Ssda903Tables.read("header.csv", in(header()), files);
        Ssda903Tables.read("episodes.csv", in(episodes()), files);
        Ssda903Tables.read("reviews.csv", in(reviews()), files);
        CinCensus.read("cin.xml", in(census()), files);
        return files;
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private ImportReport importAll(String importId) throws IOException {
        return app.bean(HistoryImport.class).run(new HistoryImport.Request(importId, LA, "data.iqbal",
                "Imran Iqbal", false), files(), done -> {
                });
    }

    private long eventsOf(String importId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8')::jsonb"
                + " ->> 'importId' = :id").param("id", importId).query(Long.class).single();
    }

    private String childIdOf(String identifier) {
        return jdbc.sql("SELECT child_id FROM child_identifier WHERE local_authority = :la AND local_identifier = :id")
                .param("la", ChildIds.key(LA)).param("id", ChildIds.key(identifier)).query(String.class)
                .optional().orElse(null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private static List<Line> linesOf(ImportReport report, String child) {
        return report.lines().stream().filter(l -> l.child().equals(child)).toList();
    }

    @Test
    void aHistoryIsImportedAsItHappenedChildByChildAndASecondImportChangesNothing() throws IOException {
        // a dry run first: the same report, nothing written
        String dry = UUID.randomUUID().toString();
        ImportReport dryRun = app.bean(HistoryImport.class).run(new HistoryImport.Request(dry, LA, "data.iqbal",
                "Imran Iqbal", true), files(), done -> {
                });
        assertThat(dryRun.counts().imported()).isEqualTo(4);
        assertThat(dryRun.counts().refused()).isEqualTo(1);
        assertThat(eventsOf(dry)).isZero();
        assertThat(childIdOf("IMP-OLD")).isNull();

        String importId = UUID.randomUUID().toString();
        ImportReport report = importAll(importId);
        System.out.println("Import report counts: " + report.counts());
        report.lines().forEach(l -> System.out.println("  " + l));

        ImportReport.Counts counts = report.counts();
        assertThat(counts.children()).isEqualTo(5);
        assertThat(counts.imported()).isEqualTo(4);
        assertThat(counts.refused()).isEqualTo(1);
        assertThat(counts.alreadyImported()).isZero();
        assertThat(counts.heldBackRows()).isEqualTo(2);
        assertThat(eventsOf(importId)).isEqualTo(counts.events()).isPositive();

        // a review before any period of care: refused by the aggregate's own rule, reported, the rest held back
        List<Line> early = linesOf(report, "IMP-EARLY");
        assertThat(early.get(0)).satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(l.file()).isEqualTo("reviews.csv");
            assertThat(l.row()).isEqualTo(4);
            assertThat(l.field()).isEqualTo("heldOn");
            assertThat(l.rule()).isNotBlank();
            assertThat(l.reason()).startsWith("On " + EARLY_REVIEW + ": ");
        });
        assertThat(early.subList(1, early.size())).extracting(Line::outcome, Line::file, Line::row)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Outcome.HELD_BACK, "header.csv", 3),
                        org.assertj.core.groups.Tuple.tuple(Outcome.HELD_BACK, "episodes.csv", 4));
        assertThat(childIdOf("IMP-EARLY")).isNull();
        // a plan from the census comes in as a conference reported in a return, its quoracy not known
        assertThat(linesOf(report, "IMP-CPP").get(0).outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(childIdOf("IMP-CPP")).isNotNull();

        // 17 when first looked after, 19 today: registered as they were then, whole history, read by an auditor
        String old = childIdOf("IMP-OLD");
        assertThat(old).isNotNull();
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking the imported history");
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get("/api/children/" + old).statusCode() == 200);
        JsonNode child = json(auditor.get("/api/children/" + old));
        assertThat(child.get("givenName").asText()).isEmpty();
        assertThat(child.get("localIdentifier").asText()).isEqualTo("IMP-OLD");
        assertThat(child.get("registeredOn").asText()).isEqualTo(OLD_START.toString());

        JsonNode history = json(auditor.get("/api/children/" + old + "/history"));
        List<String> types = new ArrayList<>();
        history.get("entries").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("ChildRegistered", "PeriodOfCareStarted", "PlacementChanged",
                "LookedAfterReviewHeld", "PeriodOfCareEnded");
        assertThat(history.get("childName").asText()).isEqualTo("Name not recorded");
        history.get("entries").forEach(e -> {
            assertThat(e.get("recordedBy").asText()).isEqualTo("data.iqbal");
            // recorded today, truly, whatever day the fact took effect
            assertThat(e.get("recordedAt").asText()).startsWith(TODAY.getYear() + "-");
        });
        String metadata = jdbc.sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = :id AND sequencenumber = 0").param("id", old).query(String.class).single();
        JsonNode m = json(metadata);
        assertThat(m.get("importId").asText()).isEqualTo(importId);
        assertThat(m.get("importedFromFile").asText()).isEqualTo("header.csv");
        assertThat(m.get("importedFromRow").asInt()).isEqualTo(2);
        assertThat(m.get("recordedBy").asText()).isEqualTo("data.iqbal");

        // the drift of the imported history: the second review came a month after reg 33(2) allowed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode timeline = json(auditor.get("/api/children/" + old + "/timeline"));
            List<String> statuses = new ArrayList<>();
            timeline.get("clocks").forEach(e -> statuses.add(e.get("status").asText()));
            assertThat(statuses).as(timeline.toString()).contains("HAPPENED_LATE");
        });

        // short breaks only: both reviews imported
        String shortBreaks = childIdOf("IMP-SHORT");
        assertThat(linesOf(report, "IMP-SHORT").get(0).outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :j "
                        + "AND payloadtype LIKE '%LookedAfterReviewHeld'")
                .param("j", org.oversight.command.lookedafter.LookedAfterIds.journeyOf(shortBreaks)).query(Long.class).single()).isEqualTo(2);

        // the census enquiry came in as a strategy discussion
        assertThat(childIdOf("IMP-S47")).isNotNull();

        // the same files again: nobody imported twice, the refused refused again, nothing appended
        long before = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        String again = UUID.randomUUID().toString();
        ImportReport second = importAll(again);
        System.out.println("Second import counts: " + second.counts());
        assertThat(second.counts().imported()).isZero();
        assertThat(second.counts().alreadyImported()).isEqualTo(4);
        assertThat(second.counts().refused()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDataOfficerUploadsTheFilesWatchesTheRunAndDownloadsTheReport() throws Exception {
        String boundary = "----import" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        String reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\nIMP-PAGE,01/01/2012,01/01/2020,PN1\n";
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"reviews-page.csv\"\r\nContent-Type: text/csv\r\n\r\n").append(reviews).append("\r\n");
        body.append("--").append(boundary).append("--\r\n");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String token = ApiClient.bearerToken(app.baseUrl(), "data.iqbal");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/imports/" + LA))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/imports/DEMO-N/runs/[0-9a-f-]{36}$").doesNotContain("IMP-PAGE");

        ApiClient officer = ApiClient.as(app.baseUrl(), "data.iqbal");
        String path = URI.create(location).getPath();
        await().atMost(Duration.ofSeconds(30)).until(() -> officer.get(path).body().contains("id=\"report\""));
        String page = officer.get(path).body();
        assertThat(page).contains("IMP-PAGE", "reviews-page.csv row 2", "Refused");
        HttpResponse<String> csv = officer.get(path + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("outcome,child,file,row,table,field,rule,reason")
                .contains("Refused,IMP-PAGE,reviews-page.csv,2,SSDA903 reviews,");

        // an upload with no file is refused with the rule it broke, and nothing starts
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/imports/" + LA))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("files-given");
    }

    // a child looked after across two return years: the first year's files, then the second's, which repeat the
    // first year's rows (the open episode now ceased) and add the year's own
    private static final LocalDate YEAR_BORN = TODAY.minusYears(8);
    private static final LocalDate YEAR_START = TODAY.minusDays(500);
    private static final LocalDate YEAR_FIRST_REVIEW = YEAR_START.plusDays(15);
    private static final LocalDate YEAR_SECOND_REVIEW = YEAR_FIRST_REVIEW.plusMonths(3).minusDays(5);
    private static final LocalDate YEAR_THIRD_REVIEW = YEAR_SECOND_REVIEW.plusMonths(6).minusDays(5);
    private static final LocalDate YEAR_MOVED = YEAR_THIRD_REVIEW.plusDays(30);
    private static final LocalDate YEAR_ENDED = YEAR_MOVED.plusDays(40);

    private static ReturnFiles yearFiles(String header, String episodes, String reviews) throws IOException {
        ReturnFiles files = ReturnFiles.inMemory();
        Ssda903Tables.read("header.csv", in("CHILD,SEX,DOB,ETHNIC\n" + header), files);
        Ssda903Tables.read("episodes.csv", in("CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n" + episodes), files);
        Ssda903Tables.read("reviews.csv", in("CHILD,DOB,REVIEW,REVIEW_CODE\n" + reviews), files);
        return files;
    }

    private ImportReport importYear(String importId, ReturnFiles files) {
        return app.bean(HistoryImport.class).run(new HistoryImport.Request(importId, LA, "data.iqbal",
                "Imran Iqbal", false), files, done -> {
                });
    }

    private List<String> typesOf(String importId) {
        return jdbc.sql("SELECT payloadtype FROM domainevententry WHERE convert_from(metadata, 'UTF8')::jsonb"
                        + " ->> 'importId' = :id ORDER BY globalindex").param("id", importId).query(String.class).list()
                .stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private List<String> clockStatuses(ApiClient reader, String childId) {
        List<String> statuses = new ArrayList<>();
        JsonNode timeline = json(reader.get("/api/children/" + childId + "/timeline"));
        assertThat(timeline.has("clocks")).as("the child's timeline is there yet").isTrue();
        timeline.get("clocks").forEach(e -> statuses.add(
                e.get("clock").get("kind").asText() + "|" + (e.get("clock").path("metOn").isNull() ? ""
                        : e.get("clock").path("metOn").asText()) + "|"
                        + e.get("status").asText()));
        return statuses;
    }

    @Test
    void aLaterYearsFilesAddOnlyWhatIsNewAndAConflictingFileIsReportedWithNothingWritten() throws IOException {
        String header = "IMP-YEAR,F," + d(YEAR_BORN) + ",WBRI\n";
        String yearOneReviews = "IMP-YEAR," + d(YEAR_BORN) + "," + d(YEAR_FIRST_REVIEW) + ",PN1\n"
                + "IMP-YEAR," + d(YEAR_BORN) + "," + d(YEAR_SECOND_REVIEW) + ",PN1\n";
        String first = UUID.randomUUID().toString();
        ImportReport yearOne = importYear(first, yearFiles(header,
                "IMP-YEAR," + d(YEAR_START) + ",S,C2,U1,,\n", yearOneReviews));
        assertThat(yearOne.counts().imported()).as(yearOne.lines().toString()).isEqualTo(1);
        String child = childIdOf("IMP-YEAR");
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking a later year's import");
        // the year-one record alone: the third review, due six months after the second, is overdue
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clockStatuses(auditor, child))
                .contains("lac-review||OVERDUE"));

        // year two: year one's rows again, the episode now ceased with a move, the third review, the period's end
        String yearTwoEpisodes = "IMP-YEAR," + d(YEAR_START) + ",S,C2,U1," + d(YEAR_MOVED) + ",X1\n"
                + "IMP-YEAR," + d(YEAR_MOVED) + ",P,C2,U4," + d(YEAR_ENDED) + ",E11\n";
        String yearTwoReviews = yearOneReviews + "IMP-YEAR," + d(YEAR_BORN) + "," + d(YEAR_THIRD_REVIEW) + ",PN3\n";
        long before = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        String second = UUID.randomUUID().toString();
        ImportReport yearTwo = importYear(second, yearFiles(header, yearTwoEpisodes, yearTwoReviews));
        System.out.println("Year two: " + yearTwo.lines());
        assertThat(yearTwo.counts().added()).isEqualTo(1);
        assertThat(yearTwo.counts().conflicted()).isZero();
        assertThat(linesOf(yearTwo, "IMP-YEAR").get(0)).satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(Outcome.ADDED);
            assertThat(l.reason()).startsWith("Added 2 new rows as 3 events; 4 rows were already held");
        });
        // only the new facts, each once, on the child's case as it stood
        assertThat(typesOf(second)).containsExactly("LookedAfterReviewHeld", "PlacementChanged",
                "PeriodOfCareEnded");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                .isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT count(DISTINCT aggregateidentifier) FROM domainevententry WHERE "
                        + "convert_from(metadata, 'UTF8')::jsonb ->> 'importId' = :id").param("id", second)
                .query(Long.class).single()).isEqualTo(1);
        // the third review met its clock; the period ended, so nothing more falls due
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clockStatuses(auditor, child))
                .contains("lac-review|" + YEAR_THIRD_REVIEW + "|HAPPENED_IN_TIME")
                .noneMatch(c -> c.startsWith("lac-review|") && c.endsWith("|OVERDUE")));

        // the same year-two files again: nothing more
        long afterYearTwo = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        ImportReport again = importYear(UUID.randomUUID().toString(), yearFiles(header, yearTwoEpisodes,
                yearTwoReviews));
        assertThat(again.counts().alreadyImported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                .isEqualTo(afterYearTwo);

        // a file that contradicts the record, with a new review besides: the conflicts are reported with both
        // values, the new review is held back, nothing of the child is written
        LocalDate fourth = YEAR_ENDED.plusDays(10);
        String born = d(YEAR_BORN.plusDays(1));
        String conflicting = "IMP-YEAR," + born + "," + d(YEAR_FIRST_REVIEW) + ",PN4\n"
                + "IMP-YEAR," + born + "," + d(fourth) + ",PN1\n"
                + "IMP-YEAR," + born + "," + d(YEAR_SECOND_REVIEW.minusDays(1)) + ",PN1\n";
        String bornLater = "IMP-YEAR,F," + born + ",WBRI\n";
        ImportReport conflict = importYear(UUID.randomUUID().toString(), yearFiles(bornLater, yearTwoEpisodes,
                conflicting));
        System.out.println("Conflicting: " + conflict.lines());
        assertThat(conflict.counts().conflicted()).isEqualTo(1);
        assertThat(conflict.counts().added()).isZero();
        List<Line> lines = linesOf(conflict, "IMP-YEAR");
        assertThat(lines).filteredOn(l -> l.outcome() == Outcome.CONFLICT)
                .extracting(Line::file, Line::row, Line::field, Line::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("header.csv", 2, "DOB", HeldComparison.RULE),
                        org.assertj.core.groups.Tuple.tuple("reviews.csv", 2, "REVIEW_CODE", HeldComparison.RULE),
                        org.assertj.core.groups.Tuple.tuple("reviews.csv", 4, "REVIEW", HeldComparison.ORDER_RULE));
        assertThat(lines).filteredOn(l -> l.field().equals("REVIEW_CODE")).first()
                .satisfies(l -> assertThat(l.reason()).contains("Oversight holds PN1", "the file has PN4"));
        assertThat(lines).filteredOn(l -> l.outcome() == Outcome.HELD_BACK)
                .extracting(Line::file, Line::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reviews.csv", 3));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                .isEqualTo(afterYearTwo);
    }

    // a child protection history from the 2025-26 census: enquiry, initial conference and plan, two reviews, the end
    private static final LocalDate CP_STRATEGY = TODAY.minusDays(420);
    private static final LocalDate CP_ICPC = CP_STRATEGY.plusDays(10);
    private static final LocalDate CP_FIRST_REVIEW = CP_ICPC.plusMonths(3).minusDays(7);
    private static final LocalDate CP_SECOND_REVIEW = CP_FIRST_REVIEW.plusMonths(6).minusDays(7);
    private static final LocalDate CP_ENDED = CP_SECOND_REVIEW.plusDays(14);

    static String protectionCensus() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Message>
                  <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
                  <Children>
                    <Child>
                      <ChildIdentifiers><LAchildID>IMP-CPH</LAchildID><PersonBirthDate>2016-01-10</PersonBirthDate></ChildIdentifiers>
                      <CINdetails>
                        <Section47><S47ActualStartDate>%s</S47ActualStartDate><InitialCPCtarget>%s</InitialCPCtarget><DateOfInitialCPC>%s</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
                        <ChildProtectionPlans>
                          <CPPstartDate>%s</CPPstartDate><CPPendDate>%s</CPPendDate>
                          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
                          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                          <Reviews><CPPreviewDate>%s</CPPreviewDate><CPPreviewDate>%s</CPPreviewDate></Reviews>
                        </ChildProtectionPlans>
                      </CINdetails>
                    </Child>
                  </Children>
                </Message>
                """.formatted(CP_STRATEGY, CP_STRATEGY.plusDays(21), CP_ICPC, CP_ICPC, CP_ENDED, CP_FIRST_REVIEW,
                CP_SECOND_REVIEW);
    }

    private org.oversight.query.report.FigureResult figure(String id, String period) {
        return app.bean(org.oversight.query.report.ReportQueries.class).figure(
                org.oversight.query.report.Figures.byId(id).orElseThrow(),
                org.oversight.query.report.ReportPeriod.parse(period),
                new org.oversight.query.report.ReportQueries.Filter(new org.oversight.query.access.Scope("qa.north",
                        List.of(LA), true), null, null), java.time.Instant.now());
    }

    @Test
    void aChildProtectionHistoryFromTheCensusComesInAsReportedConferencesWhoseQuoracyIsNotKnown() throws IOException {
        String period = (CP_ICPC.getMonthValue() >= 4 ? CP_ICPC.getYear() : CP_ICPC.getYear() - 1) + "-"
                + String.format("%02d", (CP_ICPC.getMonthValue() >= 4 ? CP_ICPC.getYear() + 1 : CP_ICPC.getYear()) % 100);
        long quoracyBefore = figure("cp-quoracy", period).denominator();
        int plansBefore = figure("cp-second-plans", period).counted().size()
                + figure("cp-second-plans", period).notCounted().size();

        ReturnFiles files = ReturnFiles.inMemory();
        CinCensus.read("cin-2026.xml", in(protectionCensus()), files);
        String importId = UUID.randomUUID().toString();
        ImportReport report = importYear(importId, files);
        System.out.println("Census: " + report.lines());
        assertThat(report.counts().imported()).isEqualTo(1);
        assertThat(typesOf(importId)).containsExactly("ChildRegistered", "Section47EnquiryStarted",
                "ConferenceReportedInReturn", "ChildProtectionPlanStarted", "ConferenceReportedInReturn",
                "ConferenceReportedInReturn", "ChildProtectionPlanEnded");
        String child = childIdOf("IMP-CPH");

        // the clocks treat the reported conferences as held: the initial conference and both reviews in time, and
        // nothing falls due after the plan's end
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking a census import");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clockStatuses(auditor, child))
                .contains("icpc|" + CP_ICPC + "|HAPPENED_IN_TIME",
                        "cp-review|" + CP_FIRST_REVIEW + "|HAPPENED_IN_TIME",
                        "cp-review|" + CP_SECOND_REVIEW + "|HAPPENED_IN_TIME")
                .noneMatch(c -> c.startsWith("cp-review||"))
                // nor are papers owed for conferences whose papers were never Oversight's
                .noneMatch(c -> c.startsWith("cp-outcome-letter|") || c.startsWith("cp-minutes|")
                        || c.startsWith("cp-agency-decisions|")));

        // the auditor's history says where each conference came from and that its quoracy is not recorded
        String history = auditor.get("/api/children/" + child + "/history").body();
        assertThat(history).contains("From the 2026 CIN census, quoracy not recorded")
                .contains(": not recorded in the return").doesNotContain("Not quorate");

        // and so does the child's page, in the column where a recorded conference says yes or no
        HttpResponse<String> page = auditor.get("/children/" + child);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("From the 2026 CIN census, quoracy not recorded");

        // the IRO report counts the plan, and the conferences neither as quorate nor as inquorate
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                figure("cp-second-plans", period).counted().size()
                        + figure("cp-second-plans", period).notCounted().size()).isEqualTo(plansBefore + 1));
        org.oversight.query.report.FigureResult quoracy = figure("cp-quoracy", period);
        assertThat(quoracy.denominator()).isEqualTo(quoracyBefore);
        assertThat(quoracy.counted()).noneMatch(f -> child.equals(f.childId()));
        assertThat(quoracy.notCounted()).noneMatch(f -> child.equals(f.childId()));

        // the same census again adds nothing
        long before = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        ReturnFiles again = ReturnFiles.inMemory();
        CinCensus.read("cin-2026.xml", in(protectionCensus()), again);
        assertThat(importYear(UUID.randomUUID().toString(), again).counts().alreadyImported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aLaterYearsEpisodesContinueTheOpenPeriodOversightHoldsWithoutItsFirstEpisode() throws IOException {
        LocalDate born = TODAY.minusYears(9);
        LocalDate start = TODAY.minusDays(420);
        LocalDate moved = TODAY.minusDays(300);
        LocalDate ended = TODAY.minusDays(100);
        String header = "IMP-CONT,M," + d(born) + ",WBRI\n";
        String review = "IMP-CONT," + d(born) + "," + d(start.plusDays(15)) + ",PN1\n";
        ImportReport yearOne = importYear(UUID.randomUUID().toString(), yearFiles(header,
                "IMP-CONT," + d(start) + ",S,C2,U1," + d(moved) + ",X1\n"
                        + "IMP-CONT," + d(moved) + ",P,C2,U4,,\n", review));
        assertThat(yearOne.counts().imported()).as(yearOne.lines().toString()).isEqualTo(1);

        // the next year's return lists only the episode open in its year, now ended: the period it continues is
        // the one Oversight holds, so only the end is new
        String second = UUID.randomUUID().toString();
        ImportReport yearTwo = importYear(second, yearFiles(header,
                "IMP-CONT," + d(moved) + ",P,C2,U4," + d(ended) + ",E11\n", review));
        assertThat(yearTwo.counts().added()).as(yearTwo.lines().toString()).isEqualTo(1);
        assertThat(typesOf(second)).containsExactly("PeriodOfCareEnded");

        // and that year's return again adds nothing
        long before = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        ImportReport again = importYear(UUID.randomUUID().toString(), yearFiles(header,
                "IMP-CONT," + d(moved) + ",P,C2,U4," + d(ended) + ",E11\n", review));
        assertThat(again.counts().alreadyImported()).as(again.lines().toString()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aLaterCensusConcludesTheEnquiryAnEarlierOneBroughtIn() throws IOException {
        LocalDate strategy = TODAY.minusDays(200);
        LocalDate conference = strategy.plusDays(12);
        String child = """
                <Child>
                  <ChildIdentifiers><LAchildID>IMP-S47-2</LAchildID><PersonBirthDate>2017-07-07</PersonBirthDate></ChildIdentifiers>
                  <CINdetails><Section47><S47ActualStartDate>%s</S47ActualStartDate>%s</Section47>%s</CINdetails>
                </Child>""";
        String census = "<?xml version=\"1.0\"?><Message><Header><CollectionDetails><Year>%s</Year>"
                + "</CollectionDetails></Header><Children>%s</Children></Message>";
        ReturnFiles first = ReturnFiles.inMemory();
        CinCensus.read("cin-1.xml", in(census.formatted("2025", child.formatted(strategy, "", ""))), first);
        assertThat(importYear(UUID.randomUUID().toString(), first).counts().imported()).isEqualTo(1);

        ReturnFiles second = ReturnFiles.inMemory();
        CinCensus.read("cin-2.xml", in(census.formatted("2026", child.formatted(strategy,
                "<DateOfInitialCPC>" + conference + "</DateOfInitialCPC>",
                "<ChildProtectionPlans><CPPstartDate>" + conference + "</CPPstartDate>"
                        + "<InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse></ChildProtectionPlans>"))), second);
        String importId = UUID.randomUUID().toString();
        ImportReport added = importYear(importId, second);
        assertThat(added.counts().added()).as(added.lines().toString()).isEqualTo(1);
        assertThat(typesOf(importId)).containsExactly("ConferenceReportedInReturn", "ChildProtectionPlanStarted");
        String enquiry = jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'enquiryId' FROM domainevententry "
                + "WHERE payloadtype LIKE '%Section47EnquiryStarted' AND aggregateidentifier = :p")
                .param("p", "protection-" + childIdOf("IMP-S47-2")).query(String.class).single();
        String concluded = jdbc.sql("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'enquiryId' FROM domainevententry "
                + "WHERE payloadtype LIKE '%ConferenceReportedInReturn' AND aggregateidentifier = :p")
                .param("p", "protection-" + childIdOf("IMP-S47-2")).query(String.class).single();
        assertThat(concluded).isEqualTo(enquiry);
    }
}
