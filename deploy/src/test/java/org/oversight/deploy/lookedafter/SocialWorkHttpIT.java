package org.oversight.deploy.lookedafter;

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

/**
 * The social worker and their statutory visits end to end against a real PostgreSQL, with a clock the test moves:
 * allocating a worker starts the reg 28 clock on the timeline and makes the first visit the caseload's next due
 * item; the visit meets it, the next runs six weeks on and the next due item moves back to the first review;
 * refusals name their rule; a worker's allocation ending is drift on the timeline; the page, the auditor's history
 * and the as-at view carry it all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialWorkHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIND = "social-worker-visit";

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
    void visitsRunOnTheirClockFromTheTimelineToTheCaseload() {
        LocalDate today = clock.today();
        String child = lookedAfterChild(today);
        String api = "/api/children/" + child + "/looked-after/";

        // before anything of the child's social work is recorded, no visit clock runs
        JsonNode before = await(() -> nextDue(child), n -> n != null);
        assertThat(before.get("kind").asText()).isNotEqualTo(KIND);
        assertThat(visitClocks(child)).isEmpty();

        ok(as("iro.ahmed").post(api + "social-worker-allocations", """
                {"allocatedOn":"%s","worker":"Priya Nair","team":"Children in care team 2"}""".formatted(today)));
        JsonNode first = await(() -> nextDue(child), n -> n != null && n.get("kind").asText().equals(KIND));
        assertThat(first.get("name").asText()).isEqualTo("Social worker's first visit to the placement");
        assertThat(first.get("dueOn").asText()).isEqualTo(today.plusWeeks(1).toString());
        assertThat(visitClocks(child)).singleElement().satisfies(c -> {
            assertThat(c.get("clock").get("due").get("date").asText()).isEqualTo(today.plusWeeks(1).toString());
            assertThat(c.get("clock").get("standard").asText()).contains("reg 28(2)(a)");
        });

        refusedWith(as("iro.ahmed").post(api + "social-worker-visits", """
                {"visitedOn":"%s","seenAlone":true,"place":"HOME"}""".formatted(today.plusDays(1))),
                "date-not-in-future");
        refusedWith(as("iro.ahmed").post(api + "social-worker-allocations", """
                {"allocatedOn":"%s","worker":"Priya Nair"}""".formatted(today)), "must-differ-from-current");
        HttpResponse<String> nameless = as("iro.ahmed").post(api + "social-worker-allocations", """
                {"allocatedOn":"%s","worker":" "}""".formatted(today));
        assertThat(nameless.statusCode()).as(nameless.body()).isEqualTo(400);
        assertThat(nameless.body()).contains("worker", "Enter the social worker's name");

        ok(as("iro.ahmed").post(api + "social-worker-visits", """
                {"visitedOn":"%s","seenAlone":true,"place":"HOME"}""".formatted(today)));
        refusedWith(as("iro.ahmed").post(api + "social-worker-visits", """
                {"visitedOn":"%s","seenAlone":false,"place":"SCHOOL"}""".formatted(today)),
                "one-social-worker-visit-a-day");
        // the first visit met in time, the next six weeks on: the first review (20 working days) is due sooner
        JsonNode next = await(() -> nextDue(child), n -> n != null && !n.get("kind").asText().equals(KIND));
        assertThat(next.get("kind").asText()).isEqualTo("lac-review");
        List<JsonNode> clocks = visitClocks(child);
        assertThat(clocks).extracting(c -> c.get("status").asText())
                .containsExactlyInAnyOrder("HAPPENED_IN_TIME", "ON_TRACK");
        assertThat(clocks).extracting(c -> c.get("clock").get("due").get("date").asText())
                .contains(today.plusWeeks(6).toString());

        // the worker leaves: from then on the child has no allocated social worker, shown as drift
        ok(as("iro.ahmed").post(api + "social-worker-unallocations", """
                {"unallocatedOn":"%s"}""".formatted(today)));
        clock.moveOn(Duration.ofDays(10));
        JsonNode signals = await(() -> ok(as("iro.ahmed").get("/api/children/" + child + "/timeline"))
                .get("signals"), s -> s.findValuesAsText("code").contains("no-social-worker"));
        assertThat(signals.findValuesAsText("description"))
                .anyMatch(d -> d.startsWith("No allocated social worker since") && d.endsWith("(11 days)"));

        String page = checked(as("iro.ahmed").get("/children/" + child), 200).body();
        assertThat(page).contains("Social worker and statutory visits", "None allocated", "Where the child lives");
        String history = checked(as("iro.ahmed").get("/api/children/" + child + "/history"), 200).body();
        assertThat(history).contains("Social worker Priya Nair (Children in care team 2) allocated from",
                "Visited by the social worker on", "seen alone", "Priya Nair's allocation ended");
        String asAt = checked(as("iro.ahmed").get("/api/children/" + child + "/as-at"), 200).body();
        assertThat(asAt).contains(KIND, "no-social-worker");
    }

    @Test
    void theFormsAreServedAndARefusalComesBackToTheForm() {
        String child = lookedAfterChild(clock.today());
        HttpResponse<String> form = as("iro.ahmed").get("/children/" + child + "/looked-after/social-work/visit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Record a social worker", "Did the social worker see the child alone?");
        assertThat(as("iro.ahmed").get("/children/" + child + "/looked-after/social-work/nonsense").statusCode())
                .isEqualTo(404);
    }

    // Steps

    private String lookedAfterChild(LocalDate today) {
        JsonNode registered = json(checked(as("iro.ahmed").post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SW%d","givenName":"Sam","familyName":"Visited",
                 "dateOfBirth":"%s"}""".formatted(System.nanoTime() % 100_000, today.minusYears(9))), 201));
        String child = registered.get("childId").asText();
        assertThat(as("iro.ahmed").get("/api/children/" + child + "?after=0").statusCode()).isEqualTo(200);
        ok(as("iro.ahmed").post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today)));
        ok(as("iro.ahmed").post("/api/children/" + child + "/looked-after/periods", """
                {"startedOn":"%s","legalStatus":"C2","placement":"U6"}""".formatted(today)));
        return child;
    }

    private ApiClient as(String user) {
        return ApiClient.as(app.baseUrl(), user);
    }

    private List<JsonNode> visitClocks(String child) {
        List<JsonNode> clocks = new ArrayList<>();
        for (JsonNode entry : ok(as("iro.ahmed").get("/api/children/" + child + "/timeline")).get("clocks")) {
            if (entry.get("clock").get("kind").asText().equals(KIND)) {
                clocks.add(entry);
            }
        }
        return clocks;
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
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json(response);
    }

    private static void refusedWith(HttpResponse<String> response, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
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
