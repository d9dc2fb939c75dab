package org.oversight.deploy.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
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

/**
 * A looked-after child's health checks end to end against a real PostgreSQL: the initial health assessment is the
 * caseload's next due item while it is overdue; once recorded, the timeline shows it met and the review health
 * assessment due from it, and the caseload's next due item moves on. A second initial assessment in the period
 * and a check dated in the future are refused with the rule they break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndEducationHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MovableClock clock;
    private OversightTestApp app;

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
    void recordingTheInitialHealthAssessmentMovesTheTimelineAndTheCaseloadsNextDueItem() {
        LocalDate today = clock.today();
        LocalDate started = today.minusDays(60);
        LocalDate reviewed = today.minusDays(40);
        String child = registerChild(today.minusYears(2), started);
        post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started));
        String review = post("/api/children/" + child + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN0","spokeToChildBeforehand":true,"decisions":["Placement to continue"]}"""
                .formatted(reviewed)).get("reviewId").asText();
        post("/api/children/" + child + "/looked-after/reviews/" + review + "/decisions-sent",
                "{\"sentOn\":\"%s\"}".formatted(reviewed));
        post("/api/children/" + child + "/looked-after/reviews/" + review + "/distribution",
                "{\"distributedOn\":\"%s\",\"childFriendlyVersion\":false}".formatted(reviewed));
        post("/api/children/" + child + "/looked-after/midway-checks",
                "{\"checkedOn\":\"%s\",\"finding\":\"PLAN_ON_TRACK\"}".formatted(today.minusDays(1)));

        // the first review was held before 20 working days had passed, so the assessment was due by that day; the
        // clock is there from the period's start, so it is read only once the review has been projected too
        app.caughtUp("looked-after");
        JsonNode due = clockOf(child, "initial-health-assessment");
        assertThat(due.get("due").get("date").asText()).isEqualTo(reviewed.toString());
        assertThat(due.get("standard").asText()).contains("reg 7(1)");
        assertThat(due.get("status").asText()).isEqualTo("OVERDUE");
        // the caseload's next due item is worked out in the background, and may first be worked out from the period
        // alone: it is awaited until it is the review's day (on a broken rule the wait fails, showing the item)
        JsonNode next = await(() -> nextDue(child),
                n -> n != null && n.get("dueOn").asText().equals(reviewed.toString()));
        assertThat(next.get("kind").asText()).isEqualTo("initial-health-assessment");
        assertThat(clockOf(child, "dental-check").get("due").get("date").asText())
                .isEqualTo(started.plusMonths(6).toString());

        LocalDate assessed = today.minusDays(1);
        post("/api/children/" + child + "/looked-after/health-checks",
                "{\"check\":\"INITIAL_HEALTH_ASSESSMENT\",\"heldOn\":\"%s\"}".formatted(assessed));

        JsonNode met = await(() -> clockOf(child, "initial-health-assessment"),
                c -> c != null && !c.get("metOn").isNull());
        assertThat(met.get("metOn").asText()).isEqualTo(assessed.toString());
        assertThat(met.get("status").asText()).isEqualTo("HAPPENED_LATE");
        JsonNode reviewAssessment = clockOf(child, "review-health-assessment");
        assertThat(reviewAssessment.get("due").get("date").asText())
                .as("six-monthly while under five").isEqualTo(assessed.plusMonths(6).toString());
        JsonNode moved = await(() -> nextDue(child),
                n -> n != null && !n.get("kind").asText().equals("initial-health-assessment"));
        assertThat(LocalDate.parse(moved.get("dueOn").asText())).isAfter(today);

        refusedWith(as("iro.ahmed").post("/api/children/" + child + "/looked-after/health-checks",
                "{\"check\":\"INITIAL_HEALTH_ASSESSMENT\",\"heldOn\":\"%s\"}".formatted(today)), 422,
                "initial-health-assessment-once");
        refusedWith(as("iro.ahmed").post("/api/children/" + child + "/looked-after/education-plans",
                "{\"heldOn\":\"%s\"}".formatted(today.plusDays(1))), 422, "date-not-in-future");
        assertThat(ok(as("iro.ahmed").get("/api/children/" + child + "/timeline?asAt=" + today.minusDays(2)))
                .get("clocks").findValuesAsText("metOn")).doesNotContain(assessed.toString());
    }

    private ApiClient as(String user) {
        return ApiClient.as(app.baseUrl(), user);
    }

    private String registerChild(LocalDate born, LocalDate iroFrom) {
        JsonNode registered = json(checked(as("iro.ahmed").post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"HE1","givenName":"Sam","familyName":"Health",
                 "dateOfBirth":"%s"}""".formatted(born)), 201));
        String childId = registered.get("childId").asText();
        assertThat(as("iro.ahmed").get("/api/children/" + childId + "?after=0").statusCode()).isEqualTo(200);
        post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(iroFrom));
        return childId;
    }

    private JsonNode post(String path, String body) {
        return ok(as("iro.ahmed").post(path, body));
    }

    /** One clock of the child's timeline today, with its status, or null. */
    private JsonNode clockOf(String childId, String kind) {
        for (JsonNode entry : ok(as("iro.ahmed").get("/api/children/" + childId + "/timeline")).get("clocks")) {
            if (entry.get("clock").get("kind").asText().equals(kind)) {
                ObjectNode clock = (ObjectNode) entry.get("clock");
                clock.put("status", entry.get("status").asText());
                return clock;
            }
        }
        return null;
    }

    private JsonNode nextDue(String childId) {
        return StreamSupport.stream(ok(as("iro.ahmed").get("/api/caseload")).spliterator(), false)
                .filter(e -> e.get("childId").asText().equals(childId)).findFirst()
                .map(e -> e.get("next")).filter(n -> !n.isNull()).orElse(null);
    }

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
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
