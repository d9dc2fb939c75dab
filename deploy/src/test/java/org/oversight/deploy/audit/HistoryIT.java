package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.deploy.support.Weekdays;

/**
 * A child's decision history as an auditor reads it over HTTP: read from the event store, in plain words, with a
 * correction beside the conference it corrects; the child's state as at a day between a review and its late
 * recording, in both views; the exports; and every read in the read log, which only QA leads and auditors see.
 *
 * <p>The story: a strategy discussion and an initial conference starting a plan under neglect are recorded on the
 * day; ten days later the chair records a review conference held on the first day (under emotional abuse), corrects
 * the initial conference's date, and raises an escalation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OversightTestApp app;
    private MovableClock clock;
    private String child;
    private LocalDate firstDay;
    private LocalDate strategy;
    private LocalDate initialConference;
    private LocalDate correctedConference;
    private LocalDate review;

    @BeforeAll
    void recordTheStory() {
        clock = MovableClock.startingNow();
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
        firstDay = clock.today();
        strategy = Weekdays.onOrBefore(firstDay.minusDays(30));
        initialConference = Weekdays.onOrBefore(firstDay.minusDays(20));
        correctedConference = Weekdays.onOrBefore(initialConference.minusDays(1));
        review = Weekdays.onOrBefore(firstDay);

        JsonNode registered = ok(chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"HIST1","givenName":"Ada","familyName":"Historia",
                 "dateOfBirth":"2016-05-17"}"""), 201);
        child = registered.get("childId").asText();
        ok(chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + strategy + "\"}"), 200);
        String enquiry = ok(chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + strategy + "\"}"), 200).get("id").asText();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", child);
        decision.put("enquiryId", enquiry);
        decision.put("outcome", "PLAN");
        decision.put("initialCategory", "NEG");
        decision.put("previousPlans", 0);
        decision.put("childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF"));
        String conference = ok(chair().post("/api/protection/initial-conferences", write(Map.of("type", "INITIAL",
                "heldOn", initialConference.toString(), "attendingAgencies",
                List.of("Children's social care", "Police", "GP"), "chairId", "chair.brown",
                "decisions", List.of(decision)))), 200).get("conferenceId").asText();

        clock.moveOn(Duration.ofDays(10));

        Map<String, Object> reviewDecision = new LinkedHashMap<>();
        reviewDecision.put("childId", child);
        reviewDecision.put("planContinues", true);
        reviewDecision.put("latestCategory", "EMO");
        reviewDecision.put("childsView", Map.of("attended", false, "conveyed", "THROUGH_ADVOCATE"));
        ok(chair().post("/api/protection/review-conferences", write(Map.of("heldOn", review.toString(),
                "attendingAgencies", List.of("Children's social care", "Police", "GP"), "chairId", "chair.brown",
                "decisions", List.of(reviewDecision)))), 200);
        ok(chair().post("/api/children/" + child + "/protection/conference-date-corrections",
                "{\"conferenceId\":\"" + conference + "\",\"correctedTo\":\"" + correctedConference
                        + "\",\"reason\":\"Typed the date the minutes were sent\"}"), 200);
        ok(chair().post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"HEALTH","asked":"A health assessment",
                 "formal":true,"level":"TEAM_MANAGER","raisedOn":"%s","raisedBy":"chair.brown"}"""
                .formatted(child, clock.today())), 201, 200);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theHistoryIsReadFromTheEventStoreInPlainWordsWithTheCorrectionBesideTheConference() {
        JsonNode history = await(() -> json(auditor().get("/api/children/" + child + "/history")),
                h -> types(h).contains("EscalationRaised"));

        assertThat(history.get("childName").asText()).isEqualTo("Ada Historia");
        assertThat(types(history)).containsExactlyInAnyOrder("ChildRegistered", "ChairAllocated",
                "Section47EnquiryStarted", "InitialConferenceHeld", "ChildProtectionPlanStarted", "ReviewConferenceHeld",
                "EscalationRaised");
        List<String> days = new ArrayList<>();
        history.get("entries").forEach(e -> days.add(e.get("effectiveOn").asText()));
        assertThat(days).as("oldest first by the day each took effect").isSorted();
        assertThat(types(history).subList(0, 2)).containsExactly("ChairAllocated", "Section47EnquiryStarted");
        assertThat(history.get("events").asInt()).isEqualTo(8);
        assertThat(history.get("streams").asInt()).isEqualTo(3);
        JsonNode conference = entry(history, "InitialConferenceHeld");
        assertThat(conference.get("effectiveOn").asText()).isEqualTo(correctedConference.toString());
        assertThat(conference.get("originallyEffectiveOn").asText()).isEqualTo(initialConference.toString());
        assertThat(conference.get("corrections")).hasSize(1);
        assertThat(conference.at("/corrections/0/headline").asText()).startsWith("Conference date corrected from ");
        assertThat(conference.at("/corrections/0/details/0").asText())
                .isEqualTo("Reason: Typed the date the minutes were sent");
        JsonNode plan = entry(history, "ChildProtectionPlanStarted");
        assertThat(plan.get("effectiveOn").asText()).as("a plan starts on its conference's corrected date")
                .isEqualTo(correctedConference.toString());
        assertThat(plan.get("sentence").asText()).startsWith("Plan started under Neglect at the initial child "
                + "protection conference on ").contains(" \u2014 recorded by Ben Brown on ");
        JsonNode reviewEntry = entry(history, "ReviewConferenceHeld");
        assertThat(reviewEntry.get("headline").asText()).endsWith("the plan continues under Emotional abuse (was Neglect)");
        assertThat(reviewEntry.get("effectiveOn").asText()).isEqualTo(review.toString());
        assertThat(reviewEntry.get("recordedAt").asText()).startsWith(clock.today().toString());

        String page = ok(auditor().get("/children/" + child + "/history"));
        assertThat(page).contains("Decision history", "Ada Historia", "8 events in 3 streams, read from the event store",
                "Corrections to this record", "Typed the date the minutes were sent");
    }

    @Test
    void asAtADayBetweenTheReviewAndItsLateRecordingTheTwoViewsDiffer() {
        LocalDate between = review.plusDays(2);

        JsonNode views = json(auditor().get("/api/children/" + child + "/as-at?on=" + between));

        JsonNode facts = views.get("factsOn");
        JsonNode recorded = views.get("recordedAt");
        assertThat(facts.get("view").asText()).isEqualTo("FACTS_ON");
        assertThat(recorded.get("view").asText()).isEqualTo("RECORDED_AT");
        assertThat(facts.at("/plans/0/latestCategory").asText()).isEqualTo("Emotional abuse");
        assertThat(facts.at("/plans/0/reviewsHeld").asInt()).isEqualTo(1);
        assertThat(facts.at("/plans/0/startDate").asText()).isEqualTo(correctedConference.toString());
        assertThat(recorded.at("/plans/0/latestCategory").asText()).isEqualTo("Neglect");
        assertThat(recorded.at("/plans/0/reviewsHeld").asInt()).isZero();
        assertThat(recorded.at("/plans/0/startDate").asText()).isEqualTo(initialConference.toString());
        assertThat(facts.get("clocks").findValuesAsText("name")).contains("First review conference");

        LocalDate beforePlan = strategy.plusDays(1);
        JsonNode early = json(auditor().get("/api/children/" + child + "/as-at?on=" + beforePlan)).get("factsOn");
        assertThat(early.get("plans")).isEmpty();
        assertThat(early.at("/enquiries/0/standing").asText()).isEqualTo("Open: no initial conference yet");

        String page = ok(auditor().get("/children/" + child + "/history/as-at?on=" + between));
        assertThat(page).contains("As the facts stood on", "As the record stood at");
    }

    @Test
    void exportsDownloadJsonAndPrintWithoutNavigation() {
        HttpResponse<String> download = auditor().get("/children/" + child + "/history/export.json");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"history-" + child + ".json\"");
        JsonNode export = json(download);
        assertThat(export.get("exportedBy").asText()).isEqualTo("auditor.davies");
        assertThat(export.at("/verification/intact").asBoolean()).isTrue();
        assertThat(export.at("/history/childId").asText()).isEqualTo(child);

        String print = ok(auditor().get("/children/" + child + "/history/print"));
        assertThat(print).contains("Decision history: Ada Historia", "chain intact", "history-print.css")
                .doesNotContain("govuk-service-navigation").doesNotContain("govuk-header");
    }

    @Test
    void everyReadIsLoggedWithItsReasonAndOnlyQaLeadsAndAuditorsSeeTheLog() {
        // the reason given by the history link itself, without the header
        ok(ApiClient.as(app.baseUrl(), "auditor.davies")
                .get("/children/" + child + "/history?purpose=Court%20bundle%20for%20hearing"));
        ok(auditor().get("/api/children/" + child + "/as-at?on=" + review));
        ok(auditor().get("/api/children/" + child + "/integrity"));

        JsonNode reads = json(ApiClient.as(app.baseUrl(), "qa.evans")
                .get("/api/audit/reads?child=" + child + "&user=auditor.davies"));
        List<String> hows = new ArrayList<>();
        reads.get("reads").forEach(r -> hows.add(r.get("how").asText()));
        assertThat(hows.subList(0, 3)).containsExactly("VERIFY", "AS_AT", "PAGE");
        assertThat(reads.at("/reads/2/purpose").asText()).isEqualTo("Court bundle for hearing");
        assertThat(reads.at("/reads/2/username").asText()).isEqualTo("auditor.davies");
        assertThat(reads.get("reads").findValuesAsText("childId")).containsOnly(child);

        assertThat(json(ApiClient.as(app.baseUrl(), "qa.evans").get("/api/audit/reads?user=nobody.at.all"))
                .get("reads")).isEmpty();
        // the access table lets auditors read the log, as QA leads do; nobody else
        assertThat(auditor().get("/api/audit/reads").statusCode()).isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "chair.brown").get("/audit/reads").statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "manager.hughes").get("/api/audit/reads").statusCode())
                .isEqualTo(403);
        assertThat(ok(ApiClient.as(app.baseUrl(), "qa.evans").get("/audit/reads?child=" + child)))
                .contains("Court bundle for hearing", "auditor.davies");
    }

    @Test
    void anUnknownChildHasNoHistoryAndItsReadIsNotLogged() {
        String nobody = "00000000-0000-0000-0000-000000000000";
        assertThat(auditor().get("/api/children/" + nobody + "/history").statusCode()).isEqualTo(404);
        assertThat(json(ApiClient.as(app.baseUrl(), "qa.evans").get("/api/audit/reads?child=" + nobody))
                .get("reads")).isEmpty();
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    /** An auditor reads a child's record only with a stated reason. */
    private ApiClient auditor() {
        return ApiClient.as(app.baseUrl(), "auditor.davies").because("Quarterly audit");
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.get("entries").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static JsonNode entry(JsonNode history, String type) {
        for (JsonNode entry : history.get("entries")) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    /** The first value read that is {@code until}; on timeout the failure shows the last value read. */
    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(read::get, until);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode ok(HttpResponse<String> response, Integer... statuses) {
        assertThat(response.statusCode()).as(response.body()).isIn((Object[]) statuses);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.statusCode() + ": " + response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
