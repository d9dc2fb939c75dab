package org.oversight.deploy.protectionplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.deploy.support.Weekdays;

/**
 * A child protection plan between conferences over the JSON API, against a real PostgreSQL: a strategy meeting
 * starts the enquiry the initial conference clock runs from; the conference agrees the plan's outcomes, actions and
 * contingency; the core group meets, an action is done, one changed and one cancelled, and the chair checks midway;
 * the child's page, the timeline and the auditor's history show it; a broken rule is a 4xx naming the rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanBetweenConferencesHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> AGENCIES = List.of("Children's social care", "Police", "GP");

    private OversightTestApp app;
    private int children;
    private LocalDate meeting;
    private LocalDate conference;
    private LocalDate coreGroup;
    private LocalDate midway;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        LocalDate today = LocalDate.now(LONDON);
        meeting = Weekdays.onOrBefore(today.minusDays(70));
        conference = Weekdays.onOrBefore(today.minusDays(56));
        coreGroup = Weekdays.onOrBefore(today.minusDays(49));
        midway = Weekdays.onOrBefore(today.minusDays(20));
        assertThat(List.of(meeting, conference, coreGroup, midway, today)).isSorted().doesNotHaveDuplicates();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChairAgreesThePlanTheCoreGroupMeetsAndThePageTimelineAndHistoryShowIt() {
        String child = registerChild();

        HttpResponse<String> met = post(child, "strategy-meetings", Map.of("heldOn", meeting.toString(),
                "attendingAgencies", AGENCIES, "decision", "SECTION_47_ENQUIRY"));
        assertThat(met.statusCode()).as(met.body()).isEqualTo(200);
        String enquiryId = json(met).get("enquiryId").asText();
        JsonNode record = protection(child, json(met).get("sequence").asLong());
        assertThat(record.get("enquiries").get(0).get("strategyDiscussionOn").asText())
                .as("the enquiry starts from the meeting").isEqualTo(meeting.toString());

        HttpResponse<String> held = chair().post("/api/protection/initial-conferences", write(Map.of(
                "type", "INITIAL", "heldOn", conference.toString(), "attendingAgencies", AGENCIES,
                "chairId", "chair.brown", "decisions", List.of(Map.of("childId", child, "enquiryId", enquiryId,
                        "outcome", "PLAN", "initialCategory", "NEG", "previousPlans", 0,
                        "childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF"))))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String conferenceId = json(held).get("conferenceId").asText();

        HttpResponse<String> agreed = post(child, "plan-agreements", Map.of("conferenceId", conferenceId,
                "outcomes", List.of("Sam goes to school every day"),
                "contingencyPlan", "A legal planning meeting if the home becomes unsafe",
                "actions", List.of(
                        Map.of("action", "Refer the family to parenting support", "owner", "Social worker",
                                "dueOn", conference.plusDays(14).toString()),
                        Map.of("action", "Register Sam with a dentist", "owner", "Health visitor",
                                "dueOn", conference.plusDays(21).toString()))));
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        json(agreed).get("actionIds").forEach(id -> actions.add(id.asText()));
        assertThat(actions).hasSize(2);

        HttpResponse<String> grouped = post(child, "core-group-meetings", Map.of("heldOn", coreGroup.toString(),
                "attendingAgencies", List.of("Children's social care", "School"),
                "actionProgress", List.of(Map.of("actionId", actions.get(0), "progress", "ON_TRACK")),
                "progressNote", "The referral is made"));
        assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(200);
        HttpResponse<String> done = post(child, "plan-actions/" + actions.get(0) + "/completion",
                Map.of("completedOn", coreGroup.toString()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        HttpResponse<String> checked = post(child, "midway-checks", Map.of("checkedOn", midway.toString(),
                "finding", "CONCERNS_NOTED", "alertRaisedTo", "Team manager"));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        long last = json(checked).get("sequence").asLong();

        HttpResponse<String> page = chair().get("/children/" + child + "?awaiting=protection-" + child + ":" + last);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The plan between conferences", "Sam goes to school every day",
                "A legal planning meeting if the home becomes unsafe", "Refer the family to parenting support",
                "Register Sam with a dentist", "Overdue", "Core group meetings", "The referral is made",
                "alert raised with Team manager", "A section 47 enquiry");

        JsonNode timeline = json(chair().get("/api/children/" + child + "/timeline"));
        List<JsonNode> coreGroups = new ArrayList<>();
        JsonNode icpc = null;
        for (JsonNode entry : timeline.get("clocks")) {
            String kind = entry.get("clock").get("kind").asText();
            if (kind.equals("core-group")) {
                coreGroups.add(entry);
            } else if (kind.equals("icpc")) {
                icpc = entry;
            }
        }
        assertThat(icpc).isNotNull();
        assertThat(icpc.get("clock").get("startedOn").asText()).isEqualTo(meeting.toString());
        assertThat(coreGroups).hasSize(2);
        assertThat(coreGroups.get(0).get("clock").get("metOn").asText()).isEqualTo(coreGroup.toString());
        assertThat(coreGroups.get(0).get("status").asText()).isEqualTo("HAPPENED_IN_TIME");
        assertThat(coreGroups.get(1).get("clock").get("startedOn").asText()).isEqualTo(coreGroup.toString());
        assertThat(coreGroups.get(1).get("clock").get("metOn").isNull()).isTrue();

        // the caseload's next due item: the dentist action, due three weeks after the conference and still open
        JsonNode next = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> caseloadEntry(child).get("next"),
                        n -> n != null && !n.isNull() && n.get("kind").asText().equals("cp-plan-action"));
        assertThat(next.get("dueOn").asText()).isEqualTo(conference.plusDays(21).toString());

        HttpResponse<String> history = chair().get("/api/children/" + child + "/history");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("Strategy meeting held on", "Child protection plan agreed at the conference",
                "Core group met on", "Child protection plan action done on", "Midway check of the child protection plan");
    }

    @Test
    void aBrokenRuleIsRefusedWithItsNameAndNothingIsRecorded() {
        String child = registerChild();
        HttpResponse<String> noPolice = post(child, "strategy-meetings", Map.of("heldOn", meeting.toString(),
                "attendingAgencies", List.of("Children's social care", "GP"), "decision", "NO_FURTHER_ACTION"));
        assertThat(noPolice.statusCode()).as(noPolice.body()).isEqualTo(422);
        assertThat(noPolice.body()).contains("strategy-meeting-agencies");

        HttpResponse<String> noPlan = post(child, "core-group-meetings", Map.of("heldOn", coreGroup.toString(),
                "attendingAgencies", List.of("School"), "actionProgress", List.of()));
        assertThat(noPlan.statusCode()).as(noPlan.body()).isEqualTo(422);
        assertThat(noPlan.body()).contains("decision-needs-open-plan");

        HttpResponse<String> noDate = post(child, "midway-checks", Map.of("finding", "PLAN_ON_TRACK"));
        assertThat(noDate.statusCode()).as(noDate.body()).isBetween(400, 499);
    }

    // Helpers

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    private HttpResponse<String> post(String child, String path, Map<String, Object> body) {
        return chair().post("/api/children/" + child + "/protection/" + path, write(body));
    }

    /** Registers a child and allocates chair.brown as its CP chair. */
    private String registerChild() {
        String localIdentifier = "PB" + (++children);
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Plan%d",
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

    private JsonNode caseloadEntry(String childId) {
        HttpResponse<String> response = chair().get("/api/caseload");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode entry : json(response)) {
            if (entry.get("childId").asText().equals(childId)) {
                return entry;
            }
        }
        throw new AssertionError("No caseload entry for the child");
    }

    private JsonNode protection(String childId, long after) {
        HttpResponse<String> response = chair().get("/api/children/" + childId + "/protection?after=" + after);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : body);
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
