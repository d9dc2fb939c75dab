package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * Timeliness end to end against a real PostgreSQL, with a clock the test moves: local timescales recorded as
 * versions by an administrator only and applied from their date; a late review moving every later due date and a
 * correction working them out again, on the timeline and on the caseload; the IRO's early-review request due
 * within its local timescale and met by the review that follows; caseloads ranked by urgency; the service's and a
 * team's "overdue today"; an escalation level's own response time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    private MovableClock clock;
    private OversightTestApp app;
    private int children;

    @BeforeAll
    void start() {
        clock = MovableClock.startingNow();
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void localTimescalesAreChangedByAnAdministratorOnlyFromTodayAndKeptAsVersions() {
        LocalDate today = clock.today();
        String change = """
                {"effectiveFrom":"%s","reason":"Protocol agreed with the DCS",
                 "settings":{"iroAllocationWorkingDays":3,"preBirthConferenceByWeek":32,"decisionsWorkingDays":1,
                             "recordWorkingDays":15,"midwayCheckPercent":50,"earlyReviewWorkingDays":10,
                             "dentalCheckMonths":6,"pepReviewMonths":4,"preBirthReviewAfterBirthWorkingDays":10,
                             "preBirthReviewAfterConferenceMonths":3,"transferInConferenceWorkingDays":15,
                             "escalationResponseWorkingDays":{"TEAM_MANAGER":2}}}""";

        assertThat(as("iro.ahmed").post("/api/local-authorities/DEMO-S/settings", change.formatted(today))
                .statusCode()).isEqualTo(403);
        refusedWith(as("admin.ford").post("/api/local-authorities/DEMO-S/settings", change.formatted(today.minusDays(1))),
                422, "settings-effective-from-not-in-past");
        refusedWith(as("admin.ford").post("/api/local-authorities/DEMO-S/settings",
                change.formatted(today).replace("\"TEAM_MANAGER\":2", "\"MAYOR\":2")), 422, "escalation-level-configured");
        refusedWith(as("admin.ford").post("/api/local-authorities/DEMO-S/settings",
                change.formatted(today).replace("\"earlyReviewWorkingDays\":10", "\"earlyReviewWorkingDays\":41")),
                422, "setting-within-range");
        refusedWith(as("admin.ford").post("/api/local-authorities/DEMO-S/settings",
                change.formatted(today).replace("\"pepReviewMonths\":4", "\"pepReviewMonths\":7")),
                422, "setting-within-range");
        JsonNode recorded = ok(as("admin.ford").post("/api/local-authorities/DEMO-S/settings", change.formatted(today)));

        JsonNode history = ok(as("qa.evans").get("/api/local-authorities/DEMO-S/settings?awaiting="
                + recorded.get("policyId").asText() + ":" + recorded.get("sequence").asLong()));
        JsonNode version = history.get("versions").get(0);
        assertThat(version.get("effectiveFrom").asText()).isEqualTo(today.toString());
        assertThat(version.get("changedBy").asText()).isEqualTo("admin.ford");
        assertThat(version.get("reason").asText()).isEqualTo("Protocol agreed with the DCS");
        assertThat(version.get("settings").get("iroAllocationWorkingDays").asInt()).isEqualTo(3);
        assertThat(version.get("settings").get("earlyReviewWorkingDays").asInt()).isEqualTo(10);
        HttpResponse<String> page = as("qa.evans").get("/settings/DEMO-S");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Early review held within", "10 working days of the IRO",
                "Dental check of a looked-after child at least every", "6 months (local practice)",
                "Personal education plan reviewed at least every", "4 months (the authority");

        // a child of that authority who becomes looked after today has an IRO allocated within 3 working days
        String child = registerChild("DEMO-S", "iro.okafor", today.minusYears(8), null);
        post("iro.okafor", "/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today));
        JsonNode allocation = await(() -> clockOf("iro.okafor", child, "iro-allocation"), c -> c != null);
        assertThat(allocation.get("due").get("date").asText())
                .isEqualTo(CALENDAR.workingDaysAfter(today, 3).toString());
    }

    @Test
    void aLateReviewMovesEveryLaterDueDateAndACorrectionWorksThemOutAgain() {
        LocalDate today = clock.today();
        LocalDate started = today.minusDays(150);
        String child = registerChild("DEMO-N", "iro.ahmed", today.minusYears(10), started.minusDays(1));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started));
        LocalDate firstDue = CALENDAR.workingDaysAfter(started, 20);
        LocalDate heldLate = firstDue.plusDays(14);
        JsonNode review = post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay put"]}"""
                .formatted(heldLate));
        String reviewId = review.get("reviewId").asText();
        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews/" + reviewId + "/decisions-sent",
                "{\"sentOn\":\"%s\"}".formatted(heldLate.plusDays(1)));
        refusedWith(as("iro.ahmed").post("/api/children/" + child + "/looked-after/reviews/" + reviewId
                + "/decisions-sent", "{\"sentOn\":\"%s\"}".formatted(heldLate.plusDays(2))), 422, "decisions-sent-once");
        JsonNode decisions = await(() -> clockOf("iro.ahmed", child, "decisions-sent"), c -> c != null && !c.get("metOn").isNull());
        assertThat(decisions.get("metOn").asText()).isEqualTo(heldLate.plusDays(1).toString());

        // the second review runs 3 months from the late review, not from when the first was due
        JsonNode second = await(() -> reviewClock(child, 1), c -> c != null
                && c.get("due").get("date").asText().equals(heldLate.plusMonths(3).toString()));
        assertThat(second.get("startedOn").asText()).isEqualTo(heldLate.toString());
        assertThat(reviewClock(child, 0).get("status").asText()).isEqualTo("HAPPENED_LATE");
        await(() -> nextDue("iro.ahmed", child), next -> next != null);

        // corrected to the day it was really held, in time: every later date moves back with it
        LocalDate reallyHeld = firstDue.minusDays(1);
        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews/" + reviewId + "/date-corrections",
                "{\"correctedTo\":\"%s\",\"reason\":\"Typed the distribution date by mistake\"}".formatted(reallyHeld));
        await(() -> reviewClock(child, 1), c -> c.get("due").get("date").asText()
                .equals(reallyHeld.plusMonths(3).toString()));
        assertThat(reviewClock(child, 0).get("status").asText()).isEqualTo("HAPPENED_IN_TIME");
        JsonNode next = await(() -> nextDue("iro.ahmed", child), n -> n != null
                && !n.get("dueOn").asText().equals(heldLate.plusMonths(3).toString()));
        assertThat(LocalDate.parse(next.get("dueOn").asText())).isBeforeOrEqualTo(reallyHeld.plusMonths(3));
    }

    @Test
    void theIrosEarlyReviewRequestIsAnOpenItemUntilTheReviewIsHeld() {
        LocalDate today = clock.today();
        // reviewed once, in time, with everything after it done: the next review is months away
        LocalDate started = today.minusDays(40);
        LocalDate firstReview = today.minusDays(35);
        String child = registerChild("DEMO-N", "iro.ahmed", today.minusYears(11), started.minusDays(1));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started));
        String reviewId = post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay put"]}"""
                .formatted(firstReview)).get("reviewId").asText();
        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews/" + reviewId + "/decisions-sent",
                "{\"sentOn\":\"%s\"}".formatted(firstReview.plusDays(1)));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews/" + reviewId + "/distribution",
                "{\"distributedOn\":\"%s\",\"childFriendlyVersion\":true}".formatted(firstReview.plusDays(5)));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/midway-checks",
                "{\"checkedOn\":\"%s\",\"finding\":\"CONCERNS_NOTED\"}".formatted(today.minusDays(1)));
        // the health assessment and the PEP were ready for that review, so neither is due before the next one
        post("iro.ahmed", "/api/children/" + child + "/looked-after/health-checks",
                "{\"check\":\"INITIAL_HEALTH_ASSESSMENT\",\"heldOn\":\"%s\"}".formatted(firstReview));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/education-plans",
                "{\"heldOn\":\"%s\"}".formatted(firstReview));
        await(() -> nextDue("iro.ahmed", child), n -> n != null
                && n.get("dueOn").asText().equals(firstReview.plusMonths(3).toString()));

        post("iro.ahmed", "/api/children/" + child + "/looked-after/early-review-requests",
                "{\"requestedOn\":\"%s\",\"reason\":\"IRO_REQUEST\"}".formatted(today));

        LocalDate due = CALENDAR.workingDaysAfter(today, 20);
        JsonNode early = await(() -> clockOf("iro.ahmed", child, "early-review"), c -> c != null);
        assertThat(early.get("name").asText()).isEqualTo("Early review requested by the IRO");
        assertThat(early.get("standard").asText()).contains("local practice");
        assertThat(early.get("due").get("date").asText()).isEqualTo(due.toString());
        assertThat(early.get("metOn").isNull()).isTrue();
        JsonNode next = await(() -> nextDue("iro.ahmed", child), n -> n != null
                && n.get("kind").asText().equals("early-review"));
        assertThat(next.get("dueOn").asText()).isEqualTo(due.toString());
        // as at the day before the request there was nothing to hold early
        JsonNode yesterday = ok(as("iro.ahmed").get("/api/children/" + child + "/timeline?asAt=" + today.minusDays(1)));
        assertThat(yesterday.get("clocks").findValuesAsText("kind")).doesNotContain("early-review");

        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Bring the review forward"]}"""
                .formatted(today));
        JsonNode met = await(() -> clockOf("iro.ahmed", child, "early-review"), c -> c != null && !c.get("metOn").isNull());
        assertThat(met.get("metOn").asText()).isEqualTo(today.toString());
        assertThat(met.get("status").asText()).isEqualTo("HAPPENED_IN_TIME");
        await(() -> nextDue("iro.ahmed", child), n -> n != null && !n.get("kind").asText().equals("early-review"));
    }

    @Test
    void aShortBreaksChildIsReviewedOnTheShortBreakScheduleUntilTakenIntoCare() {
        LocalDate today = clock.today();
        LocalDate started = today.minusDays(100);
        String child = registerChild("DEMO-N", "iro.ahmed", today.minusYears(9), started.minusDays(1));
        post("iro.ahmed", "/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"V3\"}".formatted(started));

        // reg 48(3)(d): within 3 months of the first short break, so overdue today, and the caseload says so
        JsonNode first = await(() -> reviewClock(child, 0), c -> c != null);
        assertThat(first.get("name").asText()).isEqualTo("First short-break review");
        assertThat(first.get("due").get("date").asText()).isEqualTo(started.plusMonths(3).toString());
        assertThat(first.get("status").asText()).isEqualTo("OVERDUE");
        await(() -> nextDue("iro.ahmed", child), next -> next != null
                && next.get("dueOn").asText().equals(started.plusMonths(3).toString()));

        LocalDate held = today.minusDays(3);
        post("iro.ahmed", "/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Keep the breaks"]}"""
                .formatted(held));
        JsonNode second = await(() -> reviewClock(child, 1), c -> c != null);
        assertThat(second.get("name").asText()).isEqualTo("Short-break review");
        assertThat(second.get("due").get("date").asText()).isEqualTo(held.plusMonths(6).toString());
        assertThat(reviewClock(child, 0).get("status").asText()).isEqualTo("HAPPENED_LATE");

        // a care order ends reg 48: the open review is due within 20 working days (reg 33(1))
        post("iro.ahmed", "/api/children/" + child + "/looked-after/legal-status-changes",
                "{\"changedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today));
        JsonNode inCare = await(() -> reviewClock(child, 1), c -> c != null
                && c.get("name").asText().equals("First looked-after review after short breaks"));
        assertThat(inCare.get("due").get("date").asText()).isEqualTo(CALENDAR.workingDaysAfter(today, 20).toString());
    }

    @Test
    void theCaseloadIsRankedByUrgencyAndTheServiceSeesEverythingOverdueToday() {
        LocalDate today = clock.today();
        String onTrack = registerChild("DEMO-N", "chair.brown", today.minusYears(6), today.minusDays(2));
        post("chair.brown", "/api/children/" + onTrack + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today.minusDays(1)));
        String overdue = registerChild("DEMO-N", "chair.brown", today.minusYears(7), today.minusDays(90));
        post("chair.brown", "/api/children/" + overdue + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today.minusDays(80)));

        List<JsonNode> caseload = await(() -> entries(as("chair.brown").get("/api/caseload")),
                list -> list.size() >= 2 && list.stream().allMatch(e -> e.hasNonNull("next")));
        List<String> order = caseload.stream().map(e -> e.get("childId").asText()).toList();
        assertThat(order.indexOf(overdue)).isLessThan(order.indexOf(onTrack));
        assertThat(caseload.get(order.indexOf(overdue)).get("urgency").asText()).isEqualTo("OVERDUE");
        assertThat(caseload.get(order.indexOf(onTrack)).get("urgency").asText())
                .isIn("DUE_WITHIN_5_WORKING_DAYS", "DUE_WITHIN_20_WORKING_DAYS");

        JsonNode service = ok(as("qa.evans").get("/api/service/overdue"));
        assertThat(childrenIn(service)).contains(overdue).doesNotContain(onTrack);
        assertThat(service.get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(childrenIn(ok(as("qa.evans").get("/api/service/overdue?team=North%20IRO%20team")))).contains(overdue);
        assertThat(childrenIn(ok(as("qa.evans").get("/api/service/overdue?team=South%20IRO%20team"))))
                .doesNotContain(overdue);
        assertThat(as("chair.brown").get("/api/service/overdue").statusCode()).isEqualTo(403);

        JsonNode team = ok(as("iro.ahmed").get("/api/caseload/team"));
        assertThat(team.get("team").asText()).isEqualTo("North IRO team");
        assertThat(team.get("bands").get("OVERDUE").asInt()).isGreaterThanOrEqualTo(1);
        // a team the chair does not belong to is not theirs to know of
        assertThat(as("iro.ahmed").get("/api/caseload/team?team=South%20IRO%20team").statusCode()).isEqualTo(404);
    }

    @Test
    void anEscalationLevelRespondsWithinItsOwnTimescaleFromTheDayItTookEffect() {
        LocalDate today = clock.today();
        ok(as("admin.ford").post("/api/local-authorities/DEMO-N/settings", """
                {"effectiveFrom":"%s","reason":"Team managers answer faster",
                 "settings":{"iroAllocationWorkingDays":5,"preBirthConferenceByWeek":34,"decisionsWorkingDays":1,
                             "recordWorkingDays":20,"midwayCheckPercent":50,"earlyReviewWorkingDays":20,
                             "dentalCheckMonths":6,"pepReviewMonths":4,"preBirthReviewAfterBirthWorkingDays":10,
                             "preBirthReviewAfterConferenceMonths":3,"transferInConferenceWorkingDays":15,
                             "escalationResponseWorkingDays":{"TEAM_MANAGER":2,"SERVICE_MANAGER":8}}}"""
                .formatted(today)));
        String child = registerChild("DEMO-N", "iro.ahmed", today.minusYears(12), null);
        HttpResponse<String> raised = as("iro.ahmed").post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Agree a permanence plan","formal":true,"level":"TEAM_MANAGER","raisedOn":"%s"}"""
                .formatted(child, today));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);

        JsonNode response = await(() -> clockOf("iro.ahmed", child, "escalation-response"), c -> c != null);
        assertThat(response.get("due").get("date").asText()).isEqualTo(CALENDAR.workingDaysAfter(today, 2).toString());
        // as at the day before it was raised there was nothing to answer
        JsonNode yesterday = ok(as("iro.ahmed").get("/api/children/" + child + "/timeline?asAt=" + today.minusDays(1)));
        assertThat(yesterday.get("clocks").findValuesAsText("kind")).doesNotContain("escalation-response");
    }

    // Steps

    private ApiClient as(String user) {
        return ApiClient.as(app.baseUrl(), user);
    }

    private String registerChild(String authority, String chair, LocalDate born, LocalDate iroFrom) {
        String localIdentifier = "T" + (++children);
        JsonNode registered = json(checked(as(chair).post("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"Sam","familyName":"Clock%d",
                 "dateOfBirth":"%s"}""".formatted(authority, localIdentifier, children, born)), 201));
        String childId = registered.get("childId").asText();
        assertThat(as(chair).get("/api/children/" + childId + "?after=0").statusCode()).isEqualTo(200);
        LocalDate from = iroFrom == null ? clock.today() : iroFrom;
        post(chair, "/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(chair, from));
        return childId;
    }

    private JsonNode post(String user, String path, String body) {
        return ok(as(user).post(path, body));
    }

    /** One clock of the child's timeline today, as the reader sees it, or null. */
    private JsonNode clockOf(String reader, String childId, String kind) {
        for (JsonNode entry : ok(as(reader).get("/api/children/" + childId + "/timeline")).get("clocks")) {
            if (entry.get("clock").get("kind").asText().equals(kind)) {
                JsonNode clock = entry.get("clock");
                ((com.fasterxml.jackson.databind.node.ObjectNode) clock).put("status", entry.get("status").asText());
                return clock;
            }
        }
        return null;
    }

    /** The n-th looked-after review clock (0 = first), with its status, or null. */
    private JsonNode reviewClock(String childId, int n) {
        List<JsonNode> reviews = new ArrayList<>();
        for (JsonNode entry : ok(as("iro.ahmed").get("/api/children/" + childId + "/timeline")).get("clocks")) {
            if (entry.get("clock").get("kind").asText().equals("lac-review")) {
                JsonNode clock = entry.get("clock");
                ((com.fasterxml.jackson.databind.node.ObjectNode) clock).put("status", entry.get("status").asText());
                reviews.add(clock);
            }
        }
        return n < reviews.size() ? reviews.get(n) : null;
    }

    private JsonNode nextDue(String chair, String childId) {
        return entries(as(chair).get("/api/caseload")).stream()
                .filter(e -> e.get("childId").asText().equals(childId)).findFirst()
                .map(e -> e.get("next")).filter(n -> !n.isNull()).orElse(null);
    }

    private static List<JsonNode> entries(HttpResponse<String> response) {
        return StreamSupport.stream(ok(response).spliterator(), false).toList();
    }

    private static List<String> childrenIn(JsonNode overdue) {
        return StreamSupport.stream(overdue.get("items").spliterator(), false)
                .map(i -> i.get("childId").asText()).toList();
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(read::get, done);
    }

    private static HttpResponse<String> checked(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        return json(checked(response, 200));
    }

    private static void refusedWith(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("rule").asText()).as(response.body()).isEqualTo(rule);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
