package org.oversight.deploy.lookedafter;

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
import java.util.function.Predicate;
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
 * A looked-after child's journey end to end over the JSON API, against a real PostgreSQL: a period of care, the
 * child consulted, a review with its actions, an action completed and one overdue, the caseload's looked-after
 * columns and changes of IRO; refusals answered with the rule broken (903 rules on participation codes and
 * short breaks among them); and the projection rebuilt from the event store giving the same rows. Every date is
 * relative to today in England.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookedAfterHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] LOOKED_AFTER_TABLES = {
        "SELECT * FROM looked_after_period ORDER BY period_id",
        "SELECT * FROM looked_after_period_change ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_review ORDER BY review_id",
        "SELECT * FROM looked_after_review_line ORDER BY review_id, kind, position",
        "SELECT * FROM looked_after_consultation ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_iro_visit ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_midway_check ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_early_review_request ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_action ORDER BY action_id",
        "SELECT * FROM looked_after_action_change ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_permanence_plan ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_correction ORDER BY child_id, sequence",
        "SELECT * FROM looked_after_iro_change ORDER BY child_id, sequence",
        "SELECT * FROM projection_position WHERE aggregate_id LIKE 'care-%' ORDER BY aggregate_id"};

    private OversightTestApp app;
    private String jdbcUrl;
    private LocalDate today;
    private int children;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
        today = LocalDate.now(LONDON);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    // The journey

    @Test
    void aPeriodOfCareAReviewAndItsActionsShowOnTheRecordAndTheCaseload() throws Exception {
        String child = registerChild(today.minusYears(9), today.minusDays(60));

        JsonNode started = ok(iro().post(lookedAfter(child, "/periods"),
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C1\",\"placement\":\" u6 \"}".formatted(today.minusDays(40))));
        assertThat(started.get("sequence").asLong()).isZero();
        String periodId = started.get("id").asText();
        ok(iro().post(lookedAfter(child, "/legal-status-changes"),
                "{\"changedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today.minusDays(38))));
        ok(iro().post(lookedAfter(child, "/consultations"),
                ("{\"consultedOn\":\"%s\",\"method\":\"IN_PERSON\",\"seenAlone\":true,"
                        + "\"privateConversation\":\"SPOKE_IN_PRIVATE\"}").formatted(today.minusDays(35))));
        JsonNode reviewed = ok(iro().post(lookedAfter(child, "/reviews"), """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":false,
                 "decisions":["Stays with the current foster carers","Weekly contact with mother"],
                 "recommendations":["Referral to CAMHS"],
                 "actions":[{"action":"Complete the health assessment","owner":"Social worker","dueOn":"%s"},
                            {"action":"Find a school place","owner":"Virtual school head","dueOn":"%s"},
                            {"action":"Life story work","owner":"Foster carer","dueOn":"%s"}]}"""
                .formatted(today.minusDays(30), today.minusDays(20), today.plusDays(10), today.minusDays(25))));
        String reviewId = reviewed.get("reviewId").asText();
        List<String> actionIds = StreamSupport.stream(reviewed.get("actionIds").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(actionIds).hasSize(3).doesNotHaveDuplicates();
        ok(iro().post(lookedAfter(child, "/actions/" + actionIds.get(2) + "/completion"),
                "{\"completedOn\":\"%s\"}".formatted(today.minusDays(26))));
        ok(iro().post(lookedAfter(child, "/reviews/" + reviewId + "/distribution"),
                "{\"distributedOn\":\"%s\",\"childFriendlyVersion\":true}".formatted(today.minusDays(28))));
        JsonNode planned = ok(iro().post(lookedAfter(child, "/permanence-plans"),
                "{\"recordedOn\":\"%s\",\"plan\":\"LONG_TERM_FOSTERING\"}".formatted(today.minusDays(28))));

        JsonNode record = record(child, planned.get("sequence").asLong());
        JsonNode period = record.get("periods").get(0);
        assertThat(period.get("periodId").asText()).isEqualTo(periodId);
        assertThat(period.get("startedOn").asText()).isEqualTo(today.minusDays(40).toString());
        assertThat(period.get("startLegalStatus").asText()).isEqualTo("C1");
        assertThat(period.get("legalStatus").asText()).isEqualTo("C2");
        assertThat(period.get("placement").asText()).isEqualTo("U6");
        JsonNode review = record.get("reviews").get(0);
        assertThat(review.get("heldOn").asText()).isEqualTo(today.minusDays(30).toString());
        assertThat(review.get("participation").asText()).isEqualTo("PN1");
        assertThat(review.get("spokeToChildBeforehand").asBoolean()).isFalse();
        assertThat(review.get("consultedBefore").asBoolean()).as("a consultation before the review counts").isTrue();
        assertThat(review.get("decisions")).hasSize(2);
        assertThat(review.get("distributedOn").asText()).isEqualTo(today.minusDays(28).toString());
        assertThat(statusOf(record, actionIds.get(0))).isEqualTo("OVERDUE");
        assertThat(statusOf(record, actionIds.get(1))).isEqualTo("OPEN");
        assertThat(statusOf(record, actionIds.get(2))).isEqualTo("COMPLETED");
        assertThat(record.get("permanencePlans").get(0).get("plan").asText()).isEqualTo("LONG_TERM_FOSTERING");
        assertThat(record.get("consultations").get(0).get("iroName").asText()).isEqualTo("Aisha Ahmed");

        JsonNode onCaseload = await(() -> caseloadEntry("iro.ahmed", child), entry -> entry != null).get("lookedAfter");
        assertThat(onCaseload.get("lookedAfterSince").asText()).isEqualTo(today.minusDays(40).toString());
        assertThat(onCaseload.get("lastReviewOn").asText()).isEqualTo(today.minusDays(30).toString());
        assertThat(onCaseload.get("lastReviewParticipation").asText()).isEqualTo("PN1");
        assertThat(onCaseload.get("consultedBeforeReview").asBoolean()).isTrue();
        assertThat(onCaseload.get("openActions").asInt()).isEqualTo(2);
        assertThat(onCaseload.get("overdueActions").asInt()).isEqualTo(1);
        assertThat(onCaseload.get("iroChanges").asInt()).isZero();

        // A change of IRO within the period moves the child to the new IRO's caseload and counts as a change.
        ok(iro().post("/api/children/" + child + "/chairs", allocation("chair.brown", today.minusDays(10))));
        JsonNode moved = await(() -> caseloadEntry("chair.brown", child),
                entry -> entry != null && entry.get("lookedAfter").get("iroChanges").asInt() == 1);
        assertThat(moved.get("lookedAfter").get("iroChanges").asInt()).isEqualTo(1);

        HttpResponse<String> page = iro().get("/children/" + child);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Looked after since", "C2 – Full care order", "PN1", "Overdue",
                "Long-term fostering");
    }

    @Test
    void onTheFourthBirthdayEitherKindOfCodeIsAcceptedAndACorrectionKeepsWhatWasRecorded() {
        String child = registerChild(today.minusYears(4));
        startPeriod(child, today.minusDays(10), "C2");

        JsonNode reviewed = ok(iro().post(lookedAfter(child, "/reviews"), review(today, "PN0")));
        String reviewId = reviewed.get("reviewId").asText();
        JsonNode corrected = ok(iro().post(lookedAfter(child, "/reviews/" + reviewId + "/participation-corrections"),
                "{\"correctedTo\":\"PN1\",\"reason\":\"She spoke for herself\"}"));

        JsonNode record = record(child, corrected.get("sequence").asLong());
        assertThat(record.get("reviews").get(0).get("participation").asText()).isEqualTo("PN1");
        assertThat(record.get("corrections").get(0).get("recordedAs").asText()).isEqualTo("PN0");
        assertThat(record.get("corrections").get(0).get("reason").asText()).isEqualTo("She spoke for herself");
    }

    @Test
    void everyLookedAfterFormOpensForAChairAndNoneForAnAuditor() {
        String child = registerChild(today.minusYears(7));
        startPeriod(child, today.minusDays(20), "C2");
        JsonNode reviewed = ok(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(2), "PN1")));
        String actionId = reviewed.get("actionIds").get(0).asText();
        String reviewId = reviewed.get("reviewId").asText();
        record(child, reviewed.get("sequence").asLong());
        List<String> forms = List.of("start-period", "legal-status", "placement", "end-period", "consultation",
                "iro-visit", "midway-check", "early-review", "review", "complete-action?action=" + actionId,
                "change-action?action=" + actionId, "cancel-action?action=" + actionId, "permanence-plan",
                "distribution?review=" + reviewId, "correct-review-date?review=" + reviewId,
                "correct-participation?review=" + reviewId);
        for (String form : forms) {
            HttpResponse<String> page = iro().get("/children/" + child + "/looked-after/" + form);
            assertThat(page.statusCode()).as(form + ": " + page.body()).isEqualTo(200);
            assertThat(page.body()).as(form).contains("<form method=\"post\"", "govuk-button");
        }
        assertThat(iro().get("/children/" + child + "/looked-after/change-action?action=" + actionId).body())
                .as("the change form starts from the action as it stands").contains("value=\"Dental check\"");
        assertThat(iro().get("/children/" + child + "/looked-after/no-such-form").statusCode()).isEqualTo(404);
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").get("/children/" + child + "/looked-after/review")
                .statusCode()).isEqualTo(403);
    }

    // Refusals

    @Test
    void aReviewDatedBeforeThePeriodStartedIsRefused() {
        String child = registerChild(today.minusYears(8));
        startPeriod(child, today.minusDays(10), "C2");
        refusedWith(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(20), "PN1")), 422,
                "not-before-period-start");
    }

    @Test
    void pn0IsRefusedForAChildOfFive() {
        String child = registerChild(today.minusYears(5));
        startPeriod(child, today.minusDays(30), "C2");
        refusedWith(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(1), "PN0")), 422,
                "participation-code-matches-age");
    }

    @Test
    void pn1IsRefusedForAChildOfTwo() {
        String child = registerChild(today.minusYears(2));
        startPeriod(child, today.minusDays(30), "C2");
        refusedWith(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(1), "PN1")), 422,
                "participation-code-matches-age");
    }

    @Test
    void aPeriodOfShortBreaksOnlyIsReviewed() {
        String child = registerChild(today.minusYears(10));
        startPeriod(child, today.minusDays(30), "V3");
        ok(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(1), "PN1")));
    }

    @Test
    void aCancelledActionCannotBeCompleted() {
        String child = registerChild(today.minusYears(10));
        startPeriod(child, today.minusDays(30), "C2");
        String actionId = ok(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(5), "PN1")))
                .get("actionIds").get(0).asText();
        JsonNode cancelled = ok(iro().post(lookedAfter(child, "/actions/" + actionId + "/cancellation"),
                "{\"cancelledOn\":\"%s\",\"reason\":\"The plan changed\"}".formatted(today.minusDays(2))));

        refusedWith(iro().post(lookedAfter(child, "/actions/" + actionId + "/completion"),
                "{\"completedOn\":\"%s\"}".formatted(today)), 422, "action-must-be-open");
        JsonNode record = record(child, cancelled.get("sequence").asLong());
        assertThat(statusOf(record, actionId)).isEqualTo("CANCELLED");
    }

    @Test
    void nothingCanBeRecordedBeforeAPeriodOfCareStarts() {
        String child = registerChild(today.minusYears(10));
        refusedWith(iro().post(lookedAfter(child, "/consultations"),
                ("{\"consultedOn\":\"%s\",\"method\":\"PHONE\",\"seenAlone\":false,"
                        + "\"privateConversation\":\"CHILD_REFUSED\"}").formatted(today)), 422,
                "needs-open-period");
    }

    @Test
    void missingFieldsAreRefusedWith400AndAnAuditorCannotRecord() {
        String child = registerChild(today.minusYears(10));
        HttpResponse<String> missing = iro().post(lookedAfter(child, "/periods"), "{\"placement\":\"U6\"}");
        refusedWith(missing, 400, "invalid-input");
        assertThat(json(missing).get("problems").findValuesAsText("field")).contains("startedOn", "legalStatus");

        HttpResponse<String> auditor = ApiClient.as(app.baseUrl(), "auditor.davies").post(lookedAfter(child, "/periods"),
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today));
        assertThat(auditor.statusCode()).isEqualTo(403);
    }

    // Replay

    @Test
    void rebuildingTheLookedAfterProjectionFromTheEventStoreGivesTheSameRows() throws Exception {
        String child = registerChild(today.minusYears(12), today.minusDays(50));
        startPeriod(child, today.minusDays(40), "V2");
        ok(iro().post(lookedAfter(child, "/placement-changes"),
                "{\"changedOn\":\"%s\",\"placement\":\"K2\"}".formatted(today.minusDays(39))));
        ok(iro().post(lookedAfter(child, "/iro-visits"),
                "{\"visitedOn\":\"%s\",\"faceToFace\":true}".formatted(today.minusDays(38))));
        ok(iro().post(lookedAfter(child, "/midway-checks"),
                "{\"checkedOn\":\"%s\",\"finding\":\"CONCERNS_NOTED\"}".formatted(today.minusDays(37))));
        ok(iro().post(lookedAfter(child, "/early-review-requests"),
                "{\"requestedOn\":\"%s\",\"reason\":\"PLACEMENT_CHANGE\"}".formatted(today.minusDays(36))));
        JsonNode reviewed = ok(iro().post(lookedAfter(child, "/reviews"), review(today.minusDays(30), "PN3")));
        String reviewId = reviewed.get("reviewId").asText();
        String actionId = reviewed.get("actionIds").get(0).asText();
        ok(iro().post(lookedAfter(child, "/actions/" + actionId + "/changes"), """
                {"action":"Book the dentist","owner":"Foster carer","dueOn":"%s","reason":"Carer offered",
                 "changedOn":"%s"}""".formatted(today.minusDays(15), today.minusDays(29))));
        ok(iro().post(lookedAfter(child, "/reviews/" + reviewId + "/date-corrections"),
                "{\"correctedTo\":\"%s\",\"reason\":\"Minutes misdated\"}".formatted(today.minusDays(31))));
        ok(iro().post("/api/children/" + child + "/chairs", allocation("chair.brown", today.minusDays(20))));
        // the child's IRO now records for the child
        JsonNode ended = ok(ApiClient.as(app.baseUrl(), "chair.brown").post(lookedAfter(child, "/period-end"),
                "{\"endedOn\":\"%s\",\"reason\":\"E4A\"}".formatted(today.minusDays(5))));
        record(child, ended.get("sequence").asLong());
        StreamingEventProcessor processor = app.caughtUp("looked-after");
        List<String> before = lookedAfterRows();
        assertThat(before).anyMatch(row -> row.contains("chair.brown"))
                .anyMatch(row -> row.contains("Minutes misdated")).anyMatch(row -> row.contains("E4A"))
                .anyMatch(row -> row.contains("Book the dentist")).anyMatch(row -> row.contains("CONCERNS_NOTED"));

        processor.shutDown();
        processor.resetTokens();
        assertThat(lookedAfterRows()).as("the reset empties the projection").isEmpty();
        processor.start();

        List<String> after = await(this::lookedAfterRows, rows -> rows.equals(before));
        assertThat(after).isEqualTo(before);
    }

    // Steps

    private ApiClient iro() {
        return ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    private static String lookedAfter(String childId, String path) {
        return "/api/children/" + childId + "/looked-after" + path;
    }

    /** A child of DEMO-N with iro.ahmed as their IRO, who records for them. */
    private String registerChild(LocalDate dateOfBirth) {
        return registerChild(dateOfBirth, today.minusDays(60));
    }

    private String registerChild(LocalDate dateOfBirth, LocalDate iroFrom) {
        String localIdentifier = "LA" + (++children);
        HttpResponse<String> registered = iro().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Alex","familyName":"Care%d",
                 "dateOfBirth":"%s"}""".formatted(localIdentifier, children, dateOfBirth));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        ok(iro().post("/api/children/" + childId + "/chairs", allocation("iro.ahmed", iroFrom)));
        assertThat(iro().get("/api/children/" + childId + "?after=0").statusCode()).isEqualTo(200);
        return childId;
    }

    private void startPeriod(String childId, LocalDate on, String legalStatus) {
        ok(iro().post(lookedAfter(childId, "/periods"),
                "{\"startedOn\":\"%s\",\"legalStatus\":\"%s\"}".formatted(on, legalStatus)));
    }

    private static String allocation(String chairId, LocalDate from) {
        return "{\"role\":\"IRO\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(chairId, from);
    }

    /** A review with one action, due a week after it. */
    private static String review(LocalDate heldOn, String participation) {
        return """
                {"heldOn":"%s","participation":"%s","spokeToChildBeforehand":true,"decisions":["Stay put"],
                 "actions":[{"action":"Dental check","owner":"Social worker","dueOn":"%s"}]}"""
                .formatted(heldOn, participation, heldOn.plusDays(7));
    }

    /** The child's looked-after record once the projection has applied the journey's events up to {@code after}. */
    private JsonNode record(String childId, long after) {
        HttpResponse<String> response = iro().get(lookedAfter(childId, "?after=" + after));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode caseloadEntry(String chairId, String childId) {
        HttpResponse<String> response = ApiClient.as(app.baseUrl(), chairId).get("/api/caseload");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).spliterator(), false)
                .filter(entry -> entry.get("childId").asText().equals(childId)).findFirst().orElse(null);
    }

    private static String statusOf(JsonNode record, String actionId) {
        for (JsonNode action : record.get("actions")) {
            if (action.get("actionId").asText().equals(actionId)) {
                return action.get("status").asText();
            }
        }
        throw new AssertionError("No action " + actionId + " in " + record);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
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

    private List<String> lookedAfterRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (String query : LOOKED_AFTER_TABLES) {
                try (ResultSet rs = connection.createStatement().executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(query.substring(14, query.indexOf(' ', 14)));
                        for (int i = 1; i <= columns; i++) {
                            row.append('|').append(rs.getString(i));
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
    private static <T> T await(Query<T> query, Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(query::run, done);
    }
}
