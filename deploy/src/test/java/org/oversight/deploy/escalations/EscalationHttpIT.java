package org.oversight.deploy.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * Escalations end to end over HTTP against a real PostgreSQL: every path of the dispute resolution process
 * through the JSON API, refusals with the rule broken, the QA lead's dashboard numbers, lists and CSV, and who
 * may do what. The dashboard's numbers are read for escalations raised in 2024 only, which no other test here
 * raises, so the tests may run in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String IN_2024 = "raisedFrom=2024-01-01&raisedTo=2024-12-31";
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private OversightTestApp app;
    private String jdbcUrl;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFormalEscalationSkipsALevelWithAReasonThenIsAnsweredAndResolved() {
        String childId = child("Skip");
        String id = raise(childId, "PERMANENCE", true, "TEAM_MANAGER", TODAY.minusDays(3));

        HttpResponse<String> noReason = move(id, "HEAD_OF_SERVICE", TODAY.minusDays(2), null);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
        assertThat(rule(noReason)).isEqualTo("skipping-levels-needs-reason");

        assertThat(sequence(move(id, "HEAD_OF_SERVICE", TODAY.minusDays(2), "No plan for permanence in 9 months")))
                .isEqualTo(1);
        assertThat(sequence(respond(id, "HEAD_OF_SERVICE", TODAY.minusDays(1)))).isEqualTo(2);
        assertThat(sequence(resolve(id, TODAY, "Permanence planning meeting held", true))).isEqualTo(3);

        JsonNode escalation = escalation(id, 3);
        JsonNode summary = escalation.get("summary");
        assertThat(summary.get("children").get(0).get("childId").asText()).isEqualTo(childId);
        assertThat(summary.get("children").get(0).get("name").asText()).isEqualTo("Robin Skip");
        assertThat(summary.get("raisedBy").asText()).isEqualTo("iro.ahmed");
        assertThat(summary.get("raisedByName").asText()).isEqualTo("Aisha Ahmed");
        assertThat(summary.get("team").asText()).isEqualTo("North IRO team");
        assertThat(summary.get("progress").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(summary.get("progress").get("level").asText()).isEqualTo("HEAD_OF_SERVICE");
        assertThat(summary.get("progress").get("levelsSkipped").asInt()).isEqualTo(1);
        assertThat(summary.get("progress").get("inChildsInterest").asBoolean()).isTrue();
        assertThat(escalation.get("steps").findValuesAsText("kind"))
                .containsExactly("RAISED", "MOVED_UP", "RESPONSE_RECEIVED", "RESOLVED");
        assertThat(escalation.get("steps").get(1).get("skippedLevels").get(0).asText()).isEqualTo("SERVICE_MANAGER");
        assertThat(escalation.get("timeliness").get("workingDaysToResolution").isInt()).isTrue();

        HttpResponse<String> page = chair().get("/escalations/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Resolved", "in the child’s interest", "Skipped: Service manager")
                .doesNotContain("Resolve it");

        HttpResponse<String> again = resolve(id, TODAY, "Again", true);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(rule(again)).isEqualTo("nothing-after-escalation-closed");

        JsonNode ofChild = json(chair().get("/api/children/" + childId + "/escalations"));
        assertThat(ofChild.findValuesAsText("escalationId")).containsExactly(id);

        // the child's timeline shows every step, and as at an earlier date only the steps taken by then
        JsonNode timeline = json(chair().get("/api/children/" + childId + "/timeline"));
        assertThat(timeline.at("/escalations/0/steps").findValuesAsText("kind"))
                .containsExactly("RAISED", "MOVED_UP", "RESPONSE_RECEIVED", "RESOLVED");
        JsonNode earlier = json(chair().get("/api/children/" + childId + "/timeline?asAt=" + TODAY.minusDays(2)));
        assertThat(earlier.at("/escalations/0/steps").findValuesAsText("kind")).containsExactly("RAISED", "MOVED_UP");
        JsonNode before = json(chair().get("/api/children/" + childId + "/timeline?asAt=" + TODAY.minusDays(4)));
        assertThat(before.get("escalations")).isEmpty();
        assertThat(chair().get("/children/" + childId + "/timeline").body()).contains("Escalation raised");
    }

    @Test
    void aResponseIsOverdueOnceTheLevelsFiveWorkingDaysHavePassedWithoutOne() {
        String late = raise(child("Late"), "STATUTORY_VISITS", true, "TEAM_MANAGER", TODAY.minusDays(30));
        String recent = raise(child("Recent"), "STATUTORY_VISITS", true, "TEAM_MANAGER", TODAY);

        JsonNode overdue = escalation(late, 0).get("timeliness");
        assertThat(overdue.get("responseOverdue").asBoolean()).isTrue();
        assertThat(overdue.get("workingDaysResponseOverdue").asInt()).isPositive();
        assertThat(overdue.get("pastFormalProcessTarget").asBoolean()).isTrue();
        assertThat(escalation(recent, 0).get("timeliness").get("responseOverdue").asBoolean()).isFalse();

        sequence(respond(late, "TEAM_MANAGER", TODAY));
        assertThat(escalation(late, 1).get("timeliness").get("responseOverdue").asBoolean()).isFalse();
    }

    @Test
    void aReferralToCafcassWhileOpenLeavesTheEscalationOpenAndIsMadeOnce() {
        String id = raise(child("Cafcass"), "LEGAL_PLANNING", true, "SERVICE_MANAGER", TODAY.minusDays(5));

        assertThat(sequence(refer(id, TODAY.minusDays(4)))).isEqualTo(1);
        JsonNode progress = escalation(id, 1).get("summary").get("progress");
        assertThat(progress.get("status").asText()).isEqualTo("OPEN");
        assertThat(progress.get("cafcassReferredOn").asText()).isEqualTo(TODAY.minusDays(4).toString());

        HttpResponse<String> twice = refer(id, TODAY);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(rule(twice)).isEqualTo("cafcass-referral-once");
        assertThat(sequence(respond(id, "SERVICE_MANAGER", TODAY))).as("the process goes on").isEqualTo(2);
    }

    @Test
    void anInformalAlertIsWithdrawnAndThenNothingMoreIsRecorded() {
        String id = raise(child("Withdrawn"), "CONTACT", false, null, TODAY.minusDays(2));

        assertThat(sequence(chair().post("/api/escalations/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"%s\",\"reason\":\"Contact restored\"}".formatted(TODAY)))).isEqualTo(1);
        JsonNode progress = escalation(id, 1).get("summary").get("progress");
        assertThat(progress.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(progress.get("level").isNull()).isTrue();

        HttpResponse<String> moved = move(id, "TEAM_MANAGER", TODAY, null);
        assertThat(moved.statusCode()).isEqualTo(422);
        assertThat(rule(moved)).isEqualTo("nothing-after-escalation-closed");
    }

    @Test
    void aRejectedResponseIsFollowedByAMoveUpWhichMakesANewDeadline() {
        String id = raise(child("Reject"), "CARE_PLAN_NOT_UPDATED", true, "TEAM_MANAGER", TODAY.minusDays(3));

        HttpResponse<String> nothingToReject = reject(id, TODAY.minusDays(3));
        assertThat(nothingToReject.statusCode()).isEqualTo(422);
        assertThat(rule(nothingToReject)).isEqualTo("rejection-needs-response");

        sequence(respond(id, "TEAM_MANAGER", TODAY.minusDays(2)));
        assertThat(sequence(reject(id, TODAY.minusDays(1)))).isEqualTo(2);
        JsonNode rejected = escalation(id, 2).get("summary").get("progress");
        assertThat(rejected.get("awaitingResponse").asBoolean()).isTrue();

        assertThat(sequence(move(id, "SERVICE_MANAGER", TODAY, null))).isEqualTo(3);
        JsonNode moved = escalation(id, 3);
        assertThat(moved.get("summary").get("progress").get("level").asText()).isEqualTo("SERVICE_MANAGER");
        assertThat(moved.get("summary").get("progress").get("levelReachedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(moved.get("timeliness").get("responseOverdue").asBoolean()).isFalse();
        assertThat(moved.get("steps").findValuesAsText("kind"))
                .containsExactly("RAISED", "RESPONSE_RECEIVED", "RESPONSE_REJECTED", "MOVED_UP");
    }

    @Test
    void refusalsNameTheRuleBroken() {
        String id = raise(child("Refused"), "HEALTH", true, "SERVICE_MANAGER", TODAY.minusDays(2));

        HttpResponse<String> down = move(id, "TEAM_MANAGER", TODAY, null);
        assertThat(down.statusCode()).isEqualTo(422);
        assertThat(rule(down)).isEqualTo("move-to-higher-level");

        HttpResponse<String> early = respond(id, "SERVICE_MANAGER", TODAY.minusDays(3));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(rule(early)).isEqualTo("not-before-escalation-raised");

        HttpResponse<String> wrongLevel = respond(id, "TEAM_MANAGER", TODAY);
        assertThat(wrongLevel.statusCode()).isEqualTo(422);
        assertThat(rule(wrongLevel)).isEqualTo("response-at-current-level");

        // The command's own shape check answers first, naming the field; the aggregate's rule is the backstop.
        HttpResponse<String> noOutcome = resolve(id, TODAY, " ", true);
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(rule(noOutcome)).isEqualTo("invalid-input");
        assertThat(json(noOutcome).get("problems").findValuesAsText("field")).containsExactly("outcomeForChild");

        HttpResponse<String> future = chair().post("/api/escalations", raiseBody(child("Future"), "HEALTH", true,
                "TEAM_MANAGER", TODAY.plusDays(1)));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(rule(future)).isEqualTo("escalation-date-not-in-future");

        HttpResponse<String> unknownCategory = chair().post("/api/escalations", raiseBody(child("Unknown"), "GRIEF",
                true, "TEAM_MANAGER", TODAY));
        assertThat(rule(unknownCategory)).isEqualTo("concern-category-configured");

        HttpResponse<String> noSuch = move("escalation-00000000-0000-0000-0000-000000000000", "DIRECTOR_OF_CHILDRENS_SERVICES",
                TODAY, "x");
        // answered by the access guard before the command, exactly as an escalation the chair may not know of
        assertThat(noSuch.statusCode()).isEqualTo(404);
        assertThat(rule(noSuch)).isEqualTo("record-exists");
        assertThat(noSuch.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void theQaLeadsDashboardCountsEscalationsAndEveryNumberLeadsToItsList() throws Exception {
        // A: raised at team manager on Thu 28 Mar 2024, up to service manager, resolved Wed 10 Apr: 7 working days
        // over Easter (Good Friday 29 Mar, Easter Monday 1 Apr).
        String childA = child("O'Neill, \"Jr\"");
        String a = raise(childA, "PERMANENCE", true, "TEAM_MANAGER", LocalDate.of(2024, 3, 28));
        sequence(move(a, "SERVICE_MANAGER", LocalDate.of(2024, 4, 2), null));
        sequence(respond(a, "SERVICE_MANAGER", LocalDate.of(2024, 4, 5)));
        sequence(resolve(a, LocalDate.of(2024, 4, 10), "Adoption plan agreed", true));
        // B: an informal alert by a chair of the South team, withdrawn.
        String b = raise(child("Bravo", "iro.okafor"), "HEALTH", false, null, LocalDate.of(2024, 4, 1),
                "iro.okafor");
        sequence(ApiClient.as(app.baseUrl(), "iro.okafor").post("/api/escalations/" + b + "/withdrawal",
                "{\"withdrawnOn\":\"2024-04-03\",\"reason\":\"Appointment made\"}"));
        // C: at head of service since 1 Jul 2024, never answered, referred to Cafcass.
        String c = raise(child("Charlie", "chair.brown"), "PLACEMENT", true, "HEAD_OF_SERVICE",
                LocalDate.of(2024, 7, 1), "chair.brown");
        sequence(ApiClient.as(app.baseUrl(), "chair.brown").post("/api/escalations/" + c + "/cafcass-referral",
                "{\"referredOn\":\"2024-07-05\",\"reason\":\"No response\"}"));
        // D: South team; answered, rejected, taken to the director skipping two levels, resolved in 5 working days.
        String d = raise(child("Delta", "iro.okafor"), "HEALTH", true, "TEAM_MANAGER", LocalDate.of(2024, 10, 1),
                "iro.okafor");
        ApiClient okafor = ApiClient.as(app.baseUrl(), "iro.okafor");
        sequence(okafor.post("/api/escalations/" + d + "/responses",
                "{\"level\":\"TEAM_MANAGER\",\"receivedOn\":\"2024-10-02\",\"respondent\":\"TM\",\"agreed\":\"Later\"}"));
        sequence(okafor.post("/api/escalations/" + d + "/response-rejections",
                "{\"rejectedOn\":\"2024-10-03\",\"reason\":\"Too late\"}"));
        sequence(okafor.post("/api/escalations/" + d + "/moves",
                "{\"toLevel\":\"DIRECTOR_OF_CHILDRENS_SERVICES\",\"movedOn\":\"2024-10-04\",\"reason\":\"Urgent\"}"));
        sequence(okafor.post("/api/escalations/" + d + "/responses", "{\"level\":\"DIRECTOR_OF_CHILDRENS_SERVICES\","
                + "\"receivedOn\":\"2024-10-07\",\"respondent\":\"DCS\",\"agreed\":\"Referral made\"}"));
        long last = sequence(okafor.post("/api/escalations/" + d + "/resolution",
                "{\"resolvedOn\":\"2024-10-08\",\"outcomeForChild\":\"Seen by CAMHS\",\"resolvedInChildsInterest\":false}"));
        escalation(okafor, d, last);

        JsonNode dashboard = json(qaLead().get("/api/escalations/dashboard?" + IN_2024));
        JsonNode headline = dashboard.get("headline");
        assertThat(headline.get("raised").get("value").asInt()).isEqualTo(4);
        assertThat(headline.get("open").get("value").asInt()).isEqualTo(1);
        assertThat(headline.get("overdueResponses").get("value").asInt()).isEqualTo(1);
        assertThat(headline.get("pastFormalProcessTarget").get("value").asInt()).isEqualTo(1);
        assertThat(headline.get("resolved").get("value").asInt()).isEqualTo(2);
        assertThat(headline.get("withdrawn").get("value").asInt()).isEqualTo(1);
        assertThat(headline.get("cafcassReferrals").get("value").asInt()).isEqualTo(1);
        assertThat(headline.get("medianWorkingDaysToResolution").get("value").asDouble()).isEqualTo(6.0);
        assertThat(headline.get("resolvedWithinTarget").get("value").asDouble()).isEqualTo(100.0);

        assertThat(cell(dashboard, "by-level", "HEAD_OF_SERVICE", "open")).isEqualTo(1);
        assertThat(cell(dashboard, "by-level", "HEAD_OF_SERVICE", "overdue")).isEqualTo(1);
        assertThat(cell(dashboard, "by-level", "SERVICE_MANAGER", "resolved")).isEqualTo(1);
        assertThat(cell(dashboard, "by-level", "DIRECTOR_OF_CHILDRENS_SERVICES", "resolved")).isEqualTo(1);
        assertThat(cell(dashboard, "by-level", "INFORMAL", "resolved")).isZero();
        assertThat(cell(dashboard, "by-category", "HEALTH", "raised")).isEqualTo(2);
        assertThat(cell(dashboard, "by-team", "North IRO team", "raised")).isEqualTo(2);
        assertThat(cell(dashboard, "by-team", "North IRO team", "overdue")).isEqualTo(1);
        assertThat(cell(dashboard, "by-team", "South IRO team", "withdrawn")).isEqualTo(1);
        assertThat(cell(dashboard, "by-chair", "iro.okafor", "raised")).isEqualTo(2);
        assertThat(cell(dashboard, "outcomes", "not-in-childs-interest", "escalations")).isEqualTo(1);
        assertThat(cell(dashboard, "cafcass", "open", "escalations")).isEqualTo(1);
        assertThat(cell(dashboard, "time-to-resolution", "SERVICE_MANAGER", "median")).isEqualTo(7);
        JsonNode quarters = table(dashboard, "by-quarter").get("rows");
        assertThat(quarters.findValuesAsText("key"))
                .containsExactly("2023-24-Q4", "2024-25-Q1", "2024-25-Q2", "2024-25-Q3");
        assertThat(cell(dashboard, "by-quarter", "2023-24-Q4", "raised")).isEqualTo(1);
        assertThat(cell(dashboard, "by-quarter", "2024-25-Q1", "resolved")).isEqualTo(1);
        assertThat(cell(dashboard, "by-quarter", "2024-25-Q3", "resolved")).isEqualTo(1);

        String drill = row(dashboard, "by-level", "HEAD_OF_SERVICE").get("cells").get("overdue").get("drill").asText();
        assertThat(drill).isEqualTo(IN_2024 + "&level=HEAD_OF_SERVICE&overdue=true");
        JsonNode list = json(qaLead().get("/api/escalations?" + drill));
        assertThat(list.findValuesAsText("escalationId")).containsExactly(c);

        JsonNode withFilter = json(qaLead().get("/api/escalations/dashboard?" + IN_2024 + "&team=South+IRO+team"));
        assertThat(withFilter.get("headline").get("raised").get("value").asInt()).isEqualTo(2);

        HttpResponse<String> csv = qaLead().get("/api/escalations/dashboard/by-team.csv?" + IN_2024);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("escalations-by-team.csv");
        assertThat(csv.body()).isEqualTo("Team of the chair who raised it,Raised,Open,Open with an overdue response,"
                + "Resolved,Withdrawn\r\nNorth IRO team,2,1,1,1,0\r\nSouth IRO team,2,0,0,1,1\r\n");
        HttpResponse<String> listCsv = qaLead().get("/api/escalations/list.csv?" + IN_2024 + "&category=PERMANENCE");
        String[] lines = listCsv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(a + ",\"Robin O'Neill, \"\"Jr\"\"\",Northmoor Council (demo),Permanence,"
                + "Service manager,Yes,Resolved,2024-03-28,Aisha Ahmed,North IRO team,");
        assertThat(listCsv.body()).doesNotContain("Adoption plan agreed");

        assertThat(qaLead().get("/api/escalations/dashboard/no-such-table.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyQaLeadsAndTeamManagersSeeTheDashboardAndOnlyChairsRecord() {
        String id = raise(child("Roles"), "OTHER", false, null, TODAY);

        assertThat(chair().get("/escalations").statusCode()).isEqualTo(403);
        assertThat(chair().get("/api/escalations/dashboard").statusCode()).isEqualTo(403);
        assertThat(chair().get("/api/escalations/list.csv").statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").get("/api/escalations/dashboard").statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = qaLead().get("/escalations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Escalations</h1>", "quarter-chart");
        assertThat(qaLead().get("/escalations/list?status=open").statusCode()).isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "manager.hughes").get("/api/escalations/dashboard").statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").get("/api/escalations/dashboard").statusCode())
                .as("administrators keep accounts and settings, never children's records").isEqualTo(403);

        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies");
        assertThat(auditor.post("/api/escalations", raiseBody(child("Auditor"), "OTHER", false, null, TODAY))
                .statusCode()).isEqualTo(403);
        assertThat(auditor.post("/api/escalations/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"%s\",\"reason\":\"x\"}".formatted(TODAY)).statusCode()).isEqualTo(403);
        assertThat(qaLead().post("/api/escalations/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"%s\",\"reason\":\"x\"}".formatted(TODAY)).statusCode()).isEqualTo(403);
        HttpResponse<String> unexplained = auditor.get("/api/escalations/" + id);
        assertThat(unexplained.statusCode()).isEqualTo(403);
        assertThat(unexplained.body()).contains("reason-required");
        ApiClient auditing = auditor.because("Quarterly audit");
        assertThat(auditing.get("/api/escalations/" + id).statusCode()).as("auditors read, saying why").isEqualTo(200);
        assertThat(auditing.get("/escalations/" + id).statusCode()).isEqualTo(200);
        assertThat(ApiClient.anonymous(app.baseUrl()).get("/api/escalations/dashboard").statusCode()).isEqualTo(401);
    }

    @Test
    void everyFormAndPageRendersForTheRolesThatUseIt() {
        String childId = child("Pages");
        String id = raise(childId, "PLACEMENT", true, "TEAM_MANAGER", TODAY);
        escalation(id, sequence(respond(id, "TEAM_MANAGER", TODAY)));

        HttpResponse<String> raiseForm = chair().get("/children/" + childId + "/escalations/new");
        assertThat(raiseForm.statusCode()).isEqualTo(200);
        assertThat(raiseForm.body()).contains("Raise an escalation", "value=\"DEMO-N\"", "Drift or delay in care planning",
                "Director of children&#39;s services");
        for (String form : List.of("move-up", "response", "reject-response", "resolve", "withdraw", "cafcass")) {
            HttpResponse<String> page = chair().get("/escalations/" + id + "/" + form);
            assertThat(page.statusCode()).as(form).isEqualTo(200);
            assertThat(page.body()).as(form).contains("action=\"/escalations/" + id + "/" + form + "\"");
        }
        assertThat(chair().get("/escalations/" + id + "/move-up").body())
                .contains("value=\"SERVICE_MANAGER\"").doesNotContain("value=\"TEAM_MANAGER\"");
        assertThat(chair().get("/escalations/" + id + "/no-such-form").statusCode()).isEqualTo(404);
        assertThat(qaLead().get("/escalations/" + id + "/resolve").statusCode()).isEqualTo(403);

        HttpResponse<String> page = chair().get("/escalations/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Escalation: Placement", "Robin Pages", "Reject the response");
        assertThat(qaLead().get("/escalations/list?" + "level=TEAM_MANAGER&status=open").body())
                .contains("Robin Pages", "/escalations/" + id);
        assertThat(chair().get("/escalations/escalation-00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
    }

    @Test
    void rebuildingTheEscalationsFromTheEventStoreGivesTheSameRows() throws Exception {
        String id = raise(child("Rebuild"), "EDUCATION", false, null, TODAY.minusDays(1));
        escalation(id, sequence(move(id, "SERVICE_MANAGER", TODAY, null)));
        StreamingEventProcessor escalations = app.caughtUp("escalations");
        List<String> before = rows();

        escalations.shutDown();
        escalations.resetTokens();
        escalations.start();

        List<String> after = await(this::rows, rows -> rows.equals(before));
        assertThat(after).isEqualTo(before);
    }

    // ---- the API as a chair uses it

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    private ApiClient qaLead() {
        return ApiClient.as(app.baseUrl(), "qa.evans");
    }

    private String child(String familyName) {
        return child(familyName, "iro.ahmed");
    }

    /** A child registered and then taken as IRO by the chair who will raise escalations about them. */
    private String child(String familyName, String iro) {
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ESC%d","givenName":"Robin","familyName":%s,
                 "dateOfBirth":"2017-05-05"}""".formatted(CHILDREN.incrementAndGet(), quoted(familyName)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        HttpResponse<String> allocated = ApiClient.as(app.baseUrl(), iro).post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"%s\",\"allocatedFrom\":\"2017-05-05\"}".formatted(iro));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        json(ApiClient.as(app.baseUrl(), iro).get("/api/children/" + childId + "?after=0"));
        return childId;
    }

    private String raise(String childId, String category, boolean formal, String level, LocalDate on) {
        return raise(childId, category, formal, level, on, "iro.ahmed");
    }

    private String raise(String childId, String category, boolean formal, String level, LocalDate on, String chair) {
        HttpResponse<String> raised = ApiClient.as(app.baseUrl(), chair).post("/api/escalations",
                raiseBody(childId, category, formal, level, on));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        JsonNode body = json(raised);
        assertThat(body.get("sequence").asLong()).isZero();
        String id = body.get("escalationId").asText();
        assertThat(raised.headers().firstValue("Location")).contains("/api/escalations/" + id);
        return id;
    }

    private static String raiseBody(String childId, String category, boolean formal, String level, LocalDate on) {
        return """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"%s","asked":"Allocate a social worker",
                 "formal":%s,"level":%s,"raisedOn":"%s","raisedBy":"someone.else"}"""
                .formatted(childId, category, formal, level == null ? "null" : "\"" + level + "\"", on);
    }

    private HttpResponse<String> move(String id, String toLevel, LocalDate on, String reason) {
        return chair().post("/api/escalations/" + id + "/moves", "{\"toLevel\":\"%s\",\"movedOn\":\"%s\",\"reason\":%s}"
                .formatted(toLevel, on, reason == null ? "null" : quoted(reason)));
    }

    private HttpResponse<String> respond(String id, String level, LocalDate on) {
        return chair().post("/api/escalations/" + id + "/responses", """
                {"level":"%s","receivedOn":"%s","respondent":"Service manager","agreed":"A plan by Friday"}"""
                .formatted(level, on));
    }

    private HttpResponse<String> reject(String id, LocalDate on) {
        return chair().post("/api/escalations/" + id + "/response-rejections",
                "{\"rejectedOn\":\"%s\",\"reason\":\"No date given\"}".formatted(on));
    }

    private HttpResponse<String> resolve(String id, LocalDate on, String outcome, boolean inInterest) {
        return chair().post("/api/escalations/" + id + "/resolution",
                "{\"resolvedOn\":\"%s\",\"outcomeForChild\":%s,\"resolvedInChildsInterest\":%s}"
                        .formatted(on, quoted(outcome), inInterest));
    }

    private HttpResponse<String> refer(String id, LocalDate on) {
        return chair().post("/api/escalations/" + id + "/cafcass-referral",
                "{\"referredOn\":\"%s\",\"reason\":\"Drift in care planning\"}".formatted(on));
    }

    /** The escalation as the read API has it once the projection has applied {@code sequence}. */
    private JsonNode escalation(String id, long sequence) {
        return escalation(chair(), id, sequence);
    }

    private static JsonNode escalation(ApiClient reader, String id, long sequence) {
        HttpResponse<String> read = reader.get("/api/escalations/" + id + "?after=" + sequence);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    private static long sequence(HttpResponse<String> recorded) {
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        return json(recorded).get("sequence").asLong();
    }

    private static String rule(HttpResponse<String> refused) {
        return json(refused).get("rule").asText();
    }

    private static JsonNode table(JsonNode dashboard, String id) {
        return StreamSupport.stream(dashboard.get("tables").spliterator(), false)
                .filter(t -> t.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode row(JsonNode dashboard, String table, String key) {
        return StreamSupport.stream(table(dashboard, table).get("rows").spliterator(), false)
                .filter(r -> r.get("key").asText().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + key + " in " + table));
    }

    private static int cell(JsonNode dashboard, String table, String key, String column) {
        return row(dashboard, table, key).get("cells").get(column).get("value").asInt();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (String query : List.of("SELECT * FROM escalation ORDER BY escalation_id",
                    "SELECT * FROM escalation_child ORDER BY escalation_id, child_id",
                    "SELECT * FROM escalation_step ORDER BY escalation_id, sequence")) {
                try (ResultSet rs = connection.createStatement().executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private interface Query<T> {
        T run() throws Exception;
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Query<T> query, java.util.function.Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(query::run, done);
    }
}
