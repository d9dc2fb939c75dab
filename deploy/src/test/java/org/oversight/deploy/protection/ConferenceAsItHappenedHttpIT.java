package org.oversight.deploy.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.deploy.support.Weekdays;

/**
 * The conference as it happened, over the JSON API against a real PostgreSQL: attendance by role with the
 * family's names, the agencies' recommendations with a dissent, an inquorate review that may continue the plan but
 * not end it, and a transfer-in notification starting its clock; each read back from the projection, the child's
 * page and the timeline, and each refusal answered with the rule it broke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceAsItHappenedHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "GP");
    private static final List<String> INQUORATE = List.of("Children's social care", "Police");

    private OversightTestApp app;
    private int children;
    private LocalDate strategyDiscussion;
    private LocalDate initialConference;
    private LocalDate review;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        LocalDate today = LocalDate.now(LONDON);
        strategyDiscussion = Weekdays.onOrBefore(today.minusDays(60));
        initialConference = Weekdays.onOrBefore(today.minusDays(45));
        review = Weekdays.onOrBefore(today.minusDays(20));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChairRecordsWhoCameAndADissentingAgencyAndTheChildsRecordShowsThem() {
        String child = registerChild();
        String conferenceId = planAtInitialConference(child);

        HttpResponse<String> attendance = chair().post(api(child) + "conferences/" + conferenceId + "/attendance",
                write(Map.of("attendees", List.of(
                        attendee("CHILD", null, "Sam", "PART", false, null),
                        attendee("PARENT", null, "Alex Protect", "ALL", false, null),
                        attendee("PARENT", null, null, "NONE", false, null),
                        attendee("AGENCY", "Police", null, "ALL", true, true),
                        attendee("AGENCY", "School", null, "ALL", true, false),
                        attendee("INTERPRETER", null, null, "ALL", false, null)))));
        assertThat(attendance.statusCode()).as(attendance.body()).isEqualTo(200);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recommendations", List.of(recommendation("Police", "PLAN", "NEG", null),
                recommendation("School", "NO_PLAN", null, "Attendance and presentation have improved this term")));
        body.put("chairDecision", "PLAN");
        body.put("chairCategory", "NEG");
        body.put("familyViews", "The parents do not agree that a plan is needed");
        HttpResponse<String> recommended = chair().post(api(child) + "conferences/" + conferenceId
                + "/recommendations", write(body));
        assertThat(recommended.statusCode()).as(recommended.body()).isEqualTo(200);

        JsonNode conference = conferences(child, json(recommended).get("sequence").asLong()).get("conferences")
                .get(conferenceId);
        assertThat(conference.get("attendees")).hasSize(6);
        assertThat(conference.get("attendees").get(1).get("familyName").asText()).isEqualTo("Alex Protect");
        assertThat(conference.get("attendees").get(3).get("agency").asText()).isEqualTo("Police");
        assertThat(conference.get("attendees").get(4).get("reportSharedInTime").asBoolean()).isFalse();
        assertThat(conference.get("attendees").get(5).get("familyName").isNull()).isTrue();
        assertThat(conference.get("recommendations").get(1).get("dissentReason").asText())
                .isEqualTo("Attendance and presentation have improved this term");
        assertThat(conference.get("chairDecision").asText()).isEqualTo("PLAN");

        String page = chair().get("/children/" + child).body();
        assertThat(page).contains("Dissented: Attendance and presentation have improved this term")
                .contains("Parents and carers attended part of it")
                .contains("Received; not shared with the family in time")
                .contains("The family&#39;s views: The parents do not agree that a plan is needed");

        String history = chair().get("/api/children/" + child + "/history").body();
        assertThat(history).contains("with 1 agency dissenting");
    }

    @Test
    void aDissentWithoutItsReasonIsRefusedWithTheRule() {
        String child = registerChild();
        String conferenceId = planAtInitialConference(child);

        HttpResponse<String> refused = chair().post(api(child) + "conferences/" + conferenceId + "/recommendations",
                write(Map.of("recommendations", List.of(recommendation("School", "NO_PLAN", null, null)),
                        "chairDecision", "PLAN", "chairCategory", "NEG")));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("dissent-gives-reason");
        HttpResponse<String> unknown = chair().post(api(child) + "conferences/no-such-conference/attendance",
                write(Map.of("attendees", List.of(attendee("AGENCY", "Police", null, "ALL", false, null)))));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(json(unknown).get("rule").asText()).isEqualTo("conference-must-be-recorded");
    }

    @Test
    void anInquorateReviewCannotEndThePlanButMayContinueItWithItsReasonRecorded() {
        String child = registerChild();
        planAtInitialConference(child);

        HttpResponse<String> ending = chair().post("/api/protection/review-conferences", reviewConference(
                INQUORATE, reviewDecision(child, false, "NO_LONGER_AT_RISK")));
        assertThat(ending.statusCode()).as(ending.body()).isEqualTo(422);
        assertThat(json(ending).get("rule").asText()).isEqualTo("inquorate-review-cannot-end-plan");

        HttpResponse<String> continuing = chair().post("/api/protection/review-conferences", reviewConference(
                INQUORATE, reviewDecision(child, true, null)));
        assertThat(continuing.statusCode()).as(continuing.body()).isEqualTo(200);
        String reviewId = json(continuing).get("conferenceId").asText();
        HttpResponse<String> inquorate = chair().post(api(child) + "conferences/" + reviewId + "/inquorate",
                write(Map.of("reason", "Health and school sent apologies on the day",
                        "decision", "PLAN_CONTINUES_UNTIL_QUORATE_REVIEW")));
        assertThat(inquorate.statusCode()).as(inquorate.body()).isEqualTo(200);

        JsonNode conference = conferences(child, json(inquorate).get("sequence").asLong()).get("conferences")
                .get(reviewId);
        assertThat(conference.get("inquorateReason").asText()).isEqualTo("Health and school sent apologies on the day");
        assertThat(conference.get("inquorateDecision").asText()).isEqualTo("PLAN_CONTINUES_UNTIL_QUORATE_REVIEW");
        assertThat(chair().get("/children/" + child).body()).contains("Not quorate")
                .contains("The plan continues until a quorate review");
    }

    @Test
    void aTransferInNotificationStartsTheTransferInConferenceClock() {
        String child = registerChild();
        LocalDate received = Weekdays.onOrBefore(LocalDate.now(LONDON).minusDays(3));

        HttpResponse<String> notified = chair().post(api(child) + "transfer-in-notifications", write(Map.of(
                "receivedOn", received.toString(), "fromAuthority", "Northshire",
                "otherPlanStartedOn", received.minusMonths(7).toString())));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(200);

        JsonNode read = conferences(child, json(notified).get("sequence").asLong());
        assertThat(read.get("transfersIn")).hasSize(1);
        assertThat(read.get("transfersIn").get(0).get("fromAuthority").asText()).isEqualTo("Northshire");
        String timeline = chair().get("/api/children/" + child + "/timeline").body();
        assertThat(timeline).contains("transfer-in-conference");

        HttpResponse<String> early = chair().post(api(child) + "transfer-in-notifications", write(Map.of(
                "receivedOn", received.toString(), "fromAuthority", "Northshire",
                "otherPlanStartedOn", received.plusDays(1).toString())));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        assertThat(json(early).get("rule").asText()).isEqualTo("other-plan-before-notification");
    }

    @Test
    void anAdministratorReadsTheQuoracyRuleAndItsAgenciesBesideTheTimescales() {
        ApiClient admin = ApiClient.as(app.baseUrl(), "admin.ford");
        HttpResponse<String> rule = admin.get("/api/local-authorities/DEMO-N/quoracy");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);
        assertThat(json(rule).get("requiredAgency").asText()).isEqualTo("Children's social care");
        assertThat(json(rule).get("minimumOtherAgencies").asInt()).isEqualTo(2);
        assertThat(json(rule).get("agenciesOffered").get(1).asText()).isEqualTo("Police");
        String page = admin.get("/settings/DEMO-N/quoracy").body();
        assertThat(page).contains("at least 2 other agencies").contains("Health visitor");
        assertThat(admin.get("/settings/DEMO-N").body()).contains("/settings/DEMO-N/quoracy");
    }

    // Setting up

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    private static String api(String childId) {
        return "/api/children/" + childId + "/protection/";
    }

    private String registerChild() {
        String localIdentifier = "CA" + (++children);
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Protect%d",
                 "dateOfBirth":"2016-05-17"}""".formatted(localIdentifier, children));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        HttpResponse<String> read = chair().get("/api/children/" + childId + "?after="
                + json(registered).get("sequence").asLong());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + LocalDate.now(LONDON)
                        + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        return childId;
    }

    /** A strategy discussion and a quorate initial conference starting a plan under neglect; its conference id. */
    private String planAtInitialConference(String childId) {
        HttpResponse<String> discussed = chair().post(api(childId) + "strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + strategyDiscussion + "\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", childId);
        decision.put("enquiryId", json(discussed).get("id").asText());
        decision.put("outcome", "PLAN");
        decision.put("initialCategory", "NEG");
        decision.put("previousPlans", 0);
        decision.put("childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF"));
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences", write(Map.of("type", "INITIAL",
                "heldOn", initialConference.toString(), "attendingAgencies", QUORATE, "chairId", "chair.brown",
                "decisions", List.of(decision))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        return json(held).get("conferenceId").asText();
    }

    private String reviewConference(List<String> agencies, Map<String, Object> decision) {
        return write(Map.of("heldOn", review.toString(), "attendingAgencies", agencies, "chairId", "chair.brown",
                "decisions", List.of(decision)));
    }

    private static Map<String, Object> reviewDecision(String childId, boolean continues, String endReason) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", childId);
        decision.put("planContinues", continues);
        decision.put("endReason", endReason);
        decision.put("childsView", Map.of("attended", false, "conveyed", "THROUGH_ADVOCATE"));
        return decision;
    }

    private static Map<String, Object> attendee(String role, String agency, String name, String attendance,
            boolean report, Boolean shared) {
        Map<String, Object> attendee = new LinkedHashMap<>();
        attendee.put("role", role);
        attendee.put("agency", agency);
        attendee.put("name", name);
        attendee.put("invited", true);
        attendee.put("attendance", attendance);
        attendee.put("reportBeforeConference", report);
        attendee.put("reportSharedInTime", shared);
        return attendee;
    }

    private static Map<String, Object> recommendation(String agency, String recommended, String category,
            String dissent) {
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("agency", agency);
        recommendation.put("recommended", recommended);
        recommendation.put("category", category);
        recommendation.put("dissentReason", dissent);
        return recommendation;
    }

    private JsonNode conferences(String childId, long after) {
        HttpResponse<String> response = chair().get(api(childId) + "conferences?after=" + after);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
