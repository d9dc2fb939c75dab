package org.oversight.deploy.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.protection.ProtectionIds;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.deploy.support.Weekdays;

/**
 * A child's child protection journey end to end over the JSON API, against a real PostgreSQL: strategy
 * discussion, initial conference, review and end of the plan as the protection record and the caseload show
 * them; refusals answered with the rule broken; a sibling group decided at one conference, all or nothing;
 * corrections kept beside what was first recorded; and the projection rebuilt from the event store giving the
 * same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildProtectionHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SOCIAL_CARE = "Children's social care";
    private static final List<String> QUORATE = List.of(SOCIAL_CARE, "Police", "GP");
    private static final List<String> INQUORATE = List.of(SOCIAL_CARE, "Police");
    private static final String[] PROTECTION_TABLES = {
        "SELECT * FROM protection_enquiry ORDER BY enquiry_id",
        "SELECT * FROM protection_conference ORDER BY conference_id, child_id",
        "SELECT * FROM protection_plan ORDER BY plan_id",
        "SELECT * FROM protection_correction ORDER BY child_id, sequence",
        "SELECT * FROM projection_position WHERE aggregate_id LIKE 'protection-%' ORDER BY aggregate_id"};

    private OversightTestApp app;
    private String jdbcUrl;
    private int children;

    /** The journey's dates, relative to today in England and each moved back to a weekday, in this order. */
    private LocalDate strategyDiscussion;
    private LocalDate initialConference;
    private LocalDate review;
    private LocalDate end;
    /** A Saturday after the strategy discussion and not in the future. */
    private LocalDate saturday;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
        LocalDate today = LocalDate.now(LONDON);
        strategyDiscussion = Weekdays.onOrBefore(today.minusDays(60));
        initialConference = Weekdays.onOrBefore(today.minusDays(45));
        review = Weekdays.onOrBefore(today.minusDays(20));
        end = Weekdays.onOrBefore(today.minusDays(5));
        LocalDate day = today.minusDays(40);
        while (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            day = day.minusDays(1);
        }
        saturday = day;
        assertThat(List.of(strategyDiscussion, initialConference, review, end, today))
                .as("the journey's dates").isSorted().doesNotHaveDuplicates();
        assertThat(saturday).isAfter(strategyDiscussion);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    // The journey

    @Test
    void aPlanStartsAtAQuorateInitialConferenceIsReviewedAndEndsAndTheRecordAndCaseloadFollowIt() throws Exception {
        String child = registerChild();

        HttpResponse<String> discussed = recordStrategyDiscussion(child, strategyDiscussion);
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        String enquiryId = json(discussed).get("id").asText();
        assertThat(json(discussed).get("childId").asText()).isEqualTo(child);
        JsonNode enquiryOnly = protection(child, json(discussed).get("sequence").asLong());
        assertThat(enquiryOnly.get("enquiries")).hasSize(1);
        JsonNode enquiry = enquiryOnly.get("enquiries").get(0);
        assertThat(enquiry.get("enquiryId").asText()).isEqualTo(enquiryId);
        assertThat(enquiry.get("strategyDiscussionOn").asText()).isEqualTo(strategyDiscussion.toString());
        assertThat(enquiry.get("initialConferenceId").isNull()).isTrue();
        assertThat(enquiryOnly.get("conferences")).isEmpty();
        assertThat(enquiryOnly.get("plans")).isEmpty();

        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(child, enquiryId, "PLAN", "NEG", 1)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String conferenceId = json(held).get("conferenceId").asText();
        assertThat(conferenceId).isNotBlank();
        String planId = ProtectionIds.planOf(child, conferenceId);

        JsonNode onPlan = protection(child, sequenceOf(held, child));
        assertThat(onPlan.get("plans")).hasSize(1);
        JsonNode plan = onPlan.get("plans").get(0);
        assertThat(plan.get("planId").asText()).isEqualTo(planId);
        assertThat(plan.get("startDate").asText()).isEqualTo(initialConference.toString());
        assertThat(plan.get("initialCategory").asText()).isEqualTo("NEG");
        assertThat(plan.get("latestCategory").asText()).isEqualTo("NEG");
        assertThat(plan.get("previousPlans").asInt()).isEqualTo(1);
        assertThat(plan.get("reviews").asInt()).isZero();
        assertThat(plan.get("lastReviewOn").isNull()).isTrue();
        assertThat(plan.get("endDate").isNull()).isTrue();
        assertThat(onPlan.get("conferences")).hasSize(1);
        JsonNode conference = onPlan.get("conferences").get(0);
        assertThat(conference.get("conferenceId").asText()).isEqualTo(conferenceId);
        assertThat(conference.get("type").asText()).isEqualTo("INITIAL");
        assertThat(conference.get("heldOn").asText()).isEqualTo(initialConference.toString());
        assertThat(conference.get("planId").asText()).isEqualTo(planId);
        assertThat(conference.get("quorate").asBoolean()).isTrue();
        assertThat(conference.get("decision").asText()).isEqualTo("PLAN");
        assertThat(conference.get("category").asText()).isEqualTo("NEG");
        assertThat(texts(conference.get("attendingAgencies"))).isEqualTo(QUORATE);
        assertThat(conference.get("childAttended").asBoolean()).isTrue();
        assertThat(conference.get("viewsConveyed").asText()).isEqualTo("ATTENDED_SPOKE_FOR_SELF");
        assertThat(conference.get("chairName").asText()).isEqualTo("Ben Brown");
        assertThat(conference.get("siblingGroup")).isEmpty();
        assertThat(onPlan.get("enquiries")).hasSize(1);
        assertThat(onPlan.get("enquiries").get(0).get("initialConferenceId").asText())
                .as("the enquiry is concluded by the conference").isEqualTo(conferenceId);

        JsonNode onCaseload = caseloadPlanOf(child);
        assertThat(onCaseload.isNull()).as("the open plan on the caseload").isFalse();
        assertThat(onCaseload.get("planId").asText()).isEqualTo(planId);
        assertThat(onCaseload.get("startDate").asText()).isEqualTo(initialConference.toString());
        assertThat(onCaseload.get("latestCategory").asText()).isEqualTo("NEG");
        assertThat(onCaseload.get("lastReviewOn").isNull()).isTrue();
        assertThat(onCaseload.get("previousPlans").asInt()).isEqualTo(1);

        HttpResponse<String> reviewed = chair().post("/api/protection/review-conferences",
                reviewConference(review, QUORATE, "chair.brown", reviewDecision(child, true, "EMO", null)));
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        String reviewId = json(reviewed).get("conferenceId").asText();
        JsonNode afterReview = protection(child, sequenceOf(reviewed, child));
        JsonNode reviewedPlan = afterReview.get("plans").get(0);
        assertThat(reviewedPlan.get("latestCategory").asText()).isEqualTo("EMO");
        assertThat(reviewedPlan.get("initialCategory").asText()).isEqualTo("NEG");
        assertThat(reviewedPlan.get("lastReviewOn").asText()).isEqualTo(review.toString());
        assertThat(reviewedPlan.get("reviews").asInt()).isEqualTo(1);
        assertThat(reviewedPlan.get("endDate").isNull()).isTrue();
        assertThat(afterReview.get("conferences")).hasSize(2);
        JsonNode reviewRow = conference(afterReview, reviewId);
        assertThat(reviewRow.get("type").asText()).isEqualTo("REVIEW");
        assertThat(reviewRow.get("heldOn").asText()).isEqualTo(review.toString());
        assertThat(reviewRow.get("decision").asText()).isEqualTo("CONTINUE");
        assertThat(reviewRow.get("category").asText()).isEqualTo("EMO");
        assertThat(reviewRow.get("planId").asText()).isEqualTo(planId);

        JsonNode reviewedOnCaseload = caseloadPlanOf(child);
        assertThat(reviewedOnCaseload.get("startDate").asText()).isEqualTo(initialConference.toString());
        assertThat(reviewedOnCaseload.get("latestCategory").asText()).isEqualTo("EMO");
        assertThat(reviewedOnCaseload.get("lastReviewOn").asText()).isEqualTo(review.toString());
        assertThat(reviewedOnCaseload.get("previousPlans").asInt()).isEqualTo(1);

        HttpResponse<String> ended = chair().post("/api/children/" + child + "/protection/plan-end",
                "{\"endDate\":\"" + end + "\",\"reason\":\"NO_LONGER_AT_RISK\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        JsonNode afterEnd = protection(child, json(ended).get("sequence").asLong());
        assertThat(afterEnd.get("plans")).hasSize(1);
        JsonNode endedPlan = afterEnd.get("plans").get(0);
        assertThat(endedPlan.get("endDate").asText()).isEqualTo(end.toString());
        assertThat(endedPlan.get("endReason").asText()).isEqualTo("NO_LONGER_AT_RISK");
        assertThat(endedPlan.get("latestCategory").asText()).isEqualTo("EMO");
        assertThat(afterEnd.get("conferences")).as("ended without a conference").hasSize(2);
        assertThat(caseloadPlanOf(child).isNull()).as("no open plan on the caseload once it ended").isTrue();
        JsonNode closedEntry = StreamSupport.stream(caseloadOf("chair.brown").spliterator(), false)
                .filter(entry -> entry.get("childId").asText().equals(child)).findFirst().orElseThrow();
        assertThat(closedEntry.get("closedOn").asText()).as("the allocation closed with the plan").isEqualTo(end.toString());

        // the chair's caseload page lists open allocations only; the ended plan's is among the closed ones
        HttpResponse<String> page = chair().get("/caseload");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-child=\"" + child + "\"");
        assertThat(page.body()).containsPattern("[0-9]+ allocations? (has|have) closed");
        HttpResponse<String> closed = chair().get("/caseload/closed");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("data-child=\"" + child + "\"")
                // no Accept-Language: the page formats dates in the server's default locale
                .contains("Plan ended " + end.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                        java.util.Locale.getDefault())));
        // a page past the last shows the last; the team's page still lists every allocation of its chairs
        HttpResponse<String> beyond = chair().get("/caseload/closed?page=99");
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(beyond.body()).contains("data-child=\"" + child + "\"");
        HttpResponse<String> team = chair().get("/caseload/team");
        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(team.body()).contains("data-child=\"" + child + "\"");
    }

    // Refusals, each with the rule broken and nothing recorded

    @Test
    void aConferenceOnASaturdayIsRefused() throws Exception {
        String child = registerChild();
        HttpResponse<String> discussed = recordStrategyDiscussion(child, strategyDiscussion);
        String enquiryId = json(discussed).get("id").asText();

        HttpResponse<String> refused = chair().post("/api/protection/initial-conferences",
                initialConference(saturday, QUORATE, "chair.brown", decision(child, enquiryId, "PLAN", "NEG", 0)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("conference-on-a-weekday");
        assertThat(json(refused).get("problems").get(0).get("field").asText()).isEqualTo("heldOn");
        assertThat(json(refused).get("problems").get(0).get("message").asText()).contains("Saturday");
        assertThat(refused.body()).doesNotContain("Exception", "at org.");
        assertNothingRecordedSince(child, json(discussed).get("sequence").asLong());
    }

    @Test
    void anInquorateConferenceCannotStartAPlanButMayDecideOnNoPlan() throws Exception {
        String child = registerChild();
        HttpResponse<String> discussed = recordStrategyDiscussion(child, strategyDiscussion);
        String enquiryId = json(discussed).get("id").asText();

        HttpResponse<String> refused = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, INQUORATE, "chair.brown",
                        decision(child, enquiryId, "PLAN", "NEG", 0)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("plan-needs-quorate-conference");
        assertNothingRecordedSince(child, json(discussed).get("sequence").asLong());

        HttpResponse<String> noPlan = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, INQUORATE, "chair.brown",
                        decision(child, enquiryId, "NO_PLAN", null, 0)));
        assertThat(noPlan.statusCode()).as(noPlan.body()).isEqualTo(200);
        JsonNode record = protection(child, sequenceOf(noPlan, child));
        assertThat(record.get("plans")).isEmpty();
        assertThat(record.get("conferences")).hasSize(1);
        assertThat(record.get("conferences").get(0).get("quorate").asBoolean()).isFalse();
        assertThat(record.get("conferences").get(0).get("decision").asText()).isEqualTo("NO_PLAN");
    }

    @Test
    void aReviewOnOrBeforeThePlanStartIsRefused() throws Exception {
        String child = registerChild();
        long onPlan = childOnPlan(child);

        LocalDate before = Weekdays.onOrBefore(initialConference.minusDays(1));
        for (LocalDate heldOn : List.of(before, initialConference)) {
            HttpResponse<String> refused = chair().post("/api/protection/review-conferences",
                    reviewConference(heldOn, QUORATE, "chair.brown", reviewDecision(child, true, "EMO", null)));
            assertThat(refused.statusCode()).as(heldOn + ": " + refused.body()).isEqualTo(422);
            assertThat(json(refused).get("rule").asText()).isEqualTo("review-after-plan-start");
        }
        assertNothingRecordedSince(child, onPlan);
    }

    @Test
    void aSecondOpenPlanIsRefused() throws Exception {
        String child = registerChild();
        childOnPlan(child);

        HttpResponse<String> again = recordStrategyDiscussion(child, review);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        HttpResponse<String> refused = chair().post("/api/protection/initial-conferences",
                initialConference(end, QUORATE, "chair.brown",
                        decision(child, json(again).get("id").asText(), "PLAN", "PHY", 1)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("one-open-plan");
        JsonNode record = assertNothingRecordedSince(child, json(again).get("sequence").asLong());
        assertThat(record.get("plans")).hasSize(1);
    }

    @Test
    void aChairWhoIsNotAChildProtectionChairIsRefused() throws Exception {
        String child = registerChild();
        HttpResponse<String> discussed = recordStrategyDiscussion(child, strategyDiscussion);

        // the chair a conference names is the person recording it: a team-mate covering, who chairs no conferences
        ApiClient covering = ApiClient.as(app.baseUrl(), "iro.ahmed").because("Covering for Ben Brown");
        HttpResponse<String> refused = covering.post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "iro.ahmed",
                        decision(child, json(discussed).get("id").asText(), "PLAN", "NEG", 0)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("conference-chair-must-be-cp-chair");
        assertThat(json(refused).get("problems").get(0).get("field").asText()).isEqualTo("chairId");
        assertNothingRecordedSince(child, json(discussed).get("sequence").asLong());
    }

    @Test
    void anAuditorCannotRecordProtectionDecisionsAndNobodyAnonymousCan() throws Exception {
        String child = registerChild();
        HttpResponse<String> discussed = recordStrategyDiscussion(child, strategyDiscussion);
        String enquiryId = json(discussed).get("id").asText();
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies");

        assertThat(auditor.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + strategyDiscussion + "\"}").statusCode()).isEqualTo(403);
        assertThat(auditor.post("/api/protection/initial-conferences", initialConference(initialConference,
                QUORATE, "chair.brown", decision(child, enquiryId, "PLAN", "NEG", 0))).statusCode()).isEqualTo(403);
        assertThat(ApiClient.anonymous(app.baseUrl()).post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(child, enquiryId, "PLAN", "NEG", 0))).statusCode()).isIn(401, 403);
        assertNothingRecordedSince(child, json(discussed).get("sequence").asLong());
    }

    @Test
    void decisionsAboutAnUnknownChildAreRefusedNamingTheRule() {
        // the child addressed by the path is not found, as with every other address naming a child
        HttpResponse<String> discussion = recordStrategyDiscussion("no-such-child", strategyDiscussion);
        assertThat(discussion.statusCode()).as(discussion.body()).isEqualTo(404);
        assertThat(json(discussion).get("rule").asText()).isEqualTo("record-exists");

        // a child named in the body among the conference's decisions breaks a rule about that field

        HttpResponse<String> conference = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision("no-such-child", "no-such-enquiry", "PLAN", "NEG", 0)));
        assertThat(conference.statusCode()).as(conference.body()).isEqualTo(422);
        assertThat(json(conference).get("rule").asText()).isEqualTo("child-must-be-registered");
        assertThat(json(conference).get("problems").get(0).get("field").asText()).isEqualTo("decisions[0].childId");

        assertThat(chair().get("/api/children/no-such-child/protection").statusCode()).isEqualTo(404);
    }

    // Sibling groups

    @Test
    void oneConferenceDecidesForASiblingGroupAndEachChildsRecordNamesTheOther() throws Exception {
        String first = registerChild();
        String second = registerChild();
        String firstEnquiry = json(recordStrategyDiscussion(first, strategyDiscussion)).get("id").asText();
        String secondEnquiry = json(recordStrategyDiscussion(second, strategyDiscussion)).get("id").asText();

        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(first, firstEnquiry, "PLAN", "NEG", 0),
                        decision(second, secondEnquiry, "PLAN", "PHY", 0)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String conferenceId = json(held).get("conferenceId").asText();
        assertThat(iterable(json(held).get("sequences").fieldNames())).containsExactlyInAnyOrder(first, second);

        for (String[] pair : List.of(new String[] {first, second, "NEG"}, new String[] {second, first, "PHY"})) {
            JsonNode record = protection(pair[0], sequenceOf(held, pair[0]));
            assertThat(record.get("conferences")).hasSize(1);
            JsonNode conference = record.get("conferences").get(0);
            assertThat(conference.get("conferenceId").asText()).isEqualTo(conferenceId);
            assertThat(texts(conference.get("siblingGroup"))).as("sibling group of " + pair[0])
                    .containsExactly(pair[1]);
            assertThat(record.get("plans")).hasSize(1);
            assertThat(record.get("plans").get(0).get("planId").asText())
                    .isEqualTo(ProtectionIds.planOf(pair[0], conferenceId));
            assertThat(record.get("plans").get(0).get("initialCategory").asText()).isEqualTo(pair[2]);
            assertThat(record.get("enquiries").get(0).get("initialConferenceId").asText()).isEqualTo(conferenceId);
        }
    }

    @Test
    void aSiblingConferenceWithOneChildsDecisionBrokenRecordsNothingForEitherChild() throws Exception {
        // The handler takes the children in the order of their ids: the broken decision is the one taken last,
        // so the other child's decision has already been applied when the rule is broken.
        List<String> ids = new ArrayList<>(List.of(registerChild(), registerChild()));
        ids.sort(null);
        String valid = ids.get(0);
        String broken = ids.get(1);
        HttpResponse<String> validDiscussion = recordStrategyDiscussion(valid, strategyDiscussion);
        HttpResponse<String> brokenDiscussion = recordStrategyDiscussion(broken, strategyDiscussion);
        String validEnquiry = json(validDiscussion).get("id").asText();
        String brokenEnquiry = json(brokenDiscussion).get("id").asText();

        HttpResponse<String> refused = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(valid, validEnquiry, "PLAN", "NEG", 0),
                        decision(broken, brokenEnquiry, "PLAN", null, 0)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("initial-category-with-plan");
        assertThat(json(refused).get("problems").get(0).get("field").asText())
                .isEqualTo("decisions[1].initialCategory");
        assertThat(eventsOf(valid)).as("events stored for the child whose decision was valid").isEqualTo(1);
        assertThat(eventsOf(broken)).isEqualTo(1);

        // The same conference recorded correctly: each child's record shows that one conference and no other.
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(valid, validEnquiry, "PLAN", "SAB", 0),
                        decision(broken, brokenEnquiry, "PLAN", "NEG", 0)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String conferenceId = json(held).get("conferenceId").asText();
        assertThat(sequenceOf(held, valid)).as("strategy discussion (0), conference (1), plan (2)").isEqualTo(2);
        assertThat(sequenceOf(held, broken)).isEqualTo(2);
        for (String child : ids) {
            JsonNode record = protection(child, sequenceOf(held, child));
            assertThat(record.get("conferences")).hasSize(1);
            assertThat(record.get("conferences").get(0).get("conferenceId").asText()).isEqualTo(conferenceId);
            assertThat(record.get("plans")).hasSize(1);
        }
        assertThat(protection(valid, 2).get("plans").get(0).get("initialCategory").asText()).isEqualTo("SAB");
    }

    @Test
    void aSiblingReviewWithOneChildsDecisionBrokenRecordsNothingForEitherChild() throws Exception {
        List<String> ids = new ArrayList<>(List.of(registerChild(), registerChild()));
        ids.sort(null);
        String valid = ids.get(0);
        String broken = ids.get(1);
        String validEnquiry = json(recordStrategyDiscussion(valid, strategyDiscussion)).get("id").asText();
        String brokenEnquiry = json(recordStrategyDiscussion(broken, strategyDiscussion)).get("id").asText();
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(valid, validEnquiry, "PLAN", "NEG", 0),
                        decision(broken, brokenEnquiry, "PLAN", "NEG", 0)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);

        // The plan of the second child ends at the review without a reason: refused, for both.
        HttpResponse<String> refused = chair().post("/api/protection/review-conferences",
                reviewConference(review, QUORATE, "chair.brown", reviewDecision(valid, true, "EMO", null),
                        reviewDecision(broken, false, null, null)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("end-reason-when-plan-ends");
        assertThat(eventsOf(valid)).isEqualTo(3);
        assertThat(eventsOf(broken)).isEqualTo(3);

        HttpResponse<String> reviewed = chair().post("/api/protection/review-conferences",
                reviewConference(review, QUORATE, "chair.brown", reviewDecision(valid, true, "PHY", null),
                        reviewDecision(broken, false, null, "BECAME_LOOKED_AFTER")));
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        JsonNode validRecord = protection(valid, sequenceOf(reviewed, valid));
        assertThat(validRecord.get("conferences")).hasSize(2);
        assertThat(validRecord.get("plans").get(0).get("latestCategory").asText())
                .as("the refused review's category never reached the record").isEqualTo("PHY");
        assertThat(validRecord.get("plans").get(0).get("reviews").asInt()).isEqualTo(1);
        JsonNode brokenRecord = protection(broken, sequenceOf(reviewed, broken));
        assertThat(brokenRecord.get("conferences")).hasSize(2);
        assertThat(brokenRecord.get("plans").get(0).get("endDate").asText()).isEqualTo(review.toString());
        assertThat(brokenRecord.get("plans").get(0).get("endReason").asText()).isEqualTo("BECAME_LOOKED_AFTER");
    }

    // Corrections

    @Test
    void correctingTheInitialConferenceDateMovesThePlanStartAndKeepsWhatWasFirstRecorded() throws Exception {
        String child = registerChild();
        long onPlan = childOnPlan(child);
        String conferenceId = protection(child, onPlan).get("conferences").get(0).get("conferenceId").asText();
        LocalDate corrected = Weekdays.onOrBefore(initialConference.minusDays(2));

        HttpResponse<String> withoutReason = chair().post(
                "/api/children/" + child + "/protection/conference-date-corrections",
                "{\"conferenceId\":\"" + conferenceId + "\",\"correctedTo\":\"" + corrected + "\",\"reason\":\" \"}");
        assertThat(withoutReason.statusCode()).as(withoutReason.body()).isIn(400, 422);
        assertThat(json(withoutReason).get("problems").findValuesAsText("field")).contains("reason");
        assertNothingRecordedSince(child, onPlan);

        HttpResponse<String> correction = chair().post(
                "/api/children/" + child + "/protection/conference-date-corrections",
                "{\"conferenceId\":\"" + conferenceId + "\",\"correctedTo\":\"" + corrected
                        + "\",\"reason\":\"Typed the date the minutes were sent\"}");
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
        JsonNode record = protection(child, json(correction).get("sequence").asLong());
        assertThat(conference(record, conferenceId).get("heldOn").asText()).isEqualTo(corrected.toString());
        assertThat(record.get("plans").get(0).get("startDate").asText())
                .as("a plan starts on the date of its conference").isEqualTo(corrected.toString());
        assertThat(record.get("corrections")).hasSize(1);
        JsonNode recorded = record.get("corrections").get(0);
        assertThat(recorded.get("what").asText()).isEqualTo("conference date");
        assertThat(recorded.get("recordedAs").asText()).isEqualTo(initialConference.toString());
        assertThat(recorded.get("correctedTo").asText()).isEqualTo(corrected.toString());
        assertThat(recorded.get("reason").asText()).isEqualTo("Typed the date the minutes were sent");
    }

    @Test
    void correctingTheDateOfTheReviewThatEndedAPlanMovesThePlansEnd() throws Exception {
        String child = registerChild();
        childOnPlan(child);
        HttpResponse<String> ending = chair().post("/api/protection/review-conferences",
                reviewConference(review, QUORATE, "chair.brown",
                        reviewDecision(child, false, null, "NO_LONGER_AT_RISK")));
        assertThat(ending.statusCode()).as(ending.body()).isEqualTo(200);
        String reviewId = json(ending).get("conferenceId").asText();
        JsonNode ended = protection(child, sequenceOf(ending, child));
        assertThat(ended.get("plans").get(0).get("endDate").asText()).isEqualTo(review.toString());

        LocalDate corrected = Weekdays.onOrBefore(review.minusDays(2));
        HttpResponse<String> correction = chair().post(
                "/api/children/" + child + "/protection/conference-date-corrections",
                "{\"conferenceId\":\"" + reviewId + "\",\"correctedTo\":\"" + corrected
                        + "\",\"reason\":\"The review was brought forward\"}");
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
        JsonNode record = protection(child, json(correction).get("sequence").asLong());
        assertThat(conference(record, reviewId).get("heldOn").asText()).isEqualTo(corrected.toString());
        assertThat(record.get("plans").get(0).get("lastReviewOn").asText()).isEqualTo(corrected.toString());
        assertThat(record.get("plans").get(0).get("endDate").asText())
                .as("a plan ended at a review conference ends on that conference's (corrected) date, as the "
                        + "command side's journey holds it")
                .isEqualTo(corrected.toString());
    }

    // Replay

    @Test
    void rebuildingTheProtectionProjectionFromTheEventStoreGivesTheSameRows() throws Exception {
        // A journey touching every kind of row: enquiries concluded both ways, a sibling conference, reviews,
        // an ended plan, and both kinds of correction.
        String first = registerChild();
        String second = registerChild();
        String third = registerChild();
        String firstEnquiry = json(recordStrategyDiscussion(first, strategyDiscussion)).get("id").asText();
        String secondEnquiry = json(recordStrategyDiscussion(second, strategyDiscussion)).get("id").asText();
        HttpResponse<String> thirdDiscussion = recordStrategyDiscussion(third, strategyDiscussion);
        HttpResponse<String> notRequired = chair().post(
                "/api/children/" + third + "/protection/initial-conference-not-required",
                "{\"enquiryId\":\"" + json(thirdDiscussion).get("id").asText() + "\",\"decidedOn\":\""
                        + initialConference + "\",\"reason\":\"Concerns not substantiated\"}");
        assertThat(notRequired.statusCode()).as(notRequired.body()).isEqualTo(200);
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(first, firstEnquiry, "PLAN", "NEG", 0),
                        decision(second, secondEnquiry, "NO_PLAN", null, 0)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        String conferenceId = json(held).get("conferenceId").asText();
        HttpResponse<String> reviewed = chair().post("/api/protection/review-conferences",
                reviewConference(review, QUORATE, "chair.brown", reviewDecision(first, true, "EMO", null)));
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        HttpResponse<String> category = chair().post(
                "/api/children/" + first + "/protection/initial-category-corrections",
                "{\"planId\":\"" + ProtectionIds.planOf(first, conferenceId)
                        + "\",\"correctedTo\":\"PHY\",\"reason\":\"Wrong category chosen\"}");
        assertThat(category.statusCode()).as(category.body()).isEqualTo(200);
        HttpResponse<String> date = chair().post("/api/children/" + first + "/protection/conference-date-corrections",
                "{\"conferenceId\":\"" + conferenceId + "\",\"correctedTo\":\""
                        + Weekdays.onOrBefore(initialConference.minusDays(1)) + "\",\"reason\":\"Minutes misdated\"}");
        assertThat(date.statusCode()).as(date.body()).isEqualTo(200);
        HttpResponse<String> ended = chair().post("/api/children/" + first + "/protection/plan-end",
                "{\"endDate\":\"" + end + "\",\"reason\":\"TRANSFERRED_TO_ANOTHER_AUTHORITY\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        protection(first, json(ended).get("sequence").asLong());
        protection(second, sequenceOf(held, second));
        protection(third, json(notRequired).get("sequence").asLong());

        StreamingEventProcessor processor = app.caughtUp("protection");
        List<String> before = protectionRows();
        assertThat(before).anyMatch(row -> row.contains("Minutes misdated"))
                .anyMatch(row -> row.contains("Concerns not substantiated"))
                .anyMatch(row -> row.contains("TRANSFERRED_TO_ANOTHER_AUTHORITY"));

        processor.shutDown();
        processor.resetTokens();
        assertThat(protectionRows()).as("the reset empties the projection").isEmpty();
        processor.start();

        List<String> after = await(this::protectionRows, rows -> rows.equals(before));
        assertThat(after).isEqualTo(before);
    }

    // The journey's steps

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    /** Registers a child, waits until the child's record can be read and allocates chair.brown as CP chair. */
    private String registerChild() {
        String localIdentifier = "CP" + (++children);
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Protect%d",
                 "dateOfBirth":"2016-05-17"}""".formatted(localIdentifier, children));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        HttpResponse<String> read = chair().get("/api/children/" + childId + "?after="
                + json(registered).get("sequence").asLong());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        // a chair records decisions only for the children allocated to them
        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + LocalDate.now(LONDON)
                        + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        return childId;
    }

    private HttpResponse<String> recordStrategyDiscussion(String childId, LocalDate on) {
        return chair().post("/api/children/" + childId + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + on + "\"}");
    }

    /** Strategy discussion and a quorate initial conference starting a plan under neglect; answers the sequence. */
    private long childOnPlan(String childId) {
        HttpResponse<String> discussed = recordStrategyDiscussion(childId, strategyDiscussion);
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences",
                initialConference(initialConference, QUORATE, "chair.brown",
                        decision(childId, json(discussed).get("id").asText(), "PLAN", "NEG", 0)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        long sequence = sequenceOf(held, childId);
        assertThat(protection(childId, sequence).get("plans")).hasSize(1);
        return sequence;
    }

    /** The child's protection record once the projection has applied the child's events up to {@code after}. */
    private JsonNode protection(String childId, long after) {
        HttpResponse<String> response = chair().get("/api/children/" + childId + "/protection?after=" + after);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /**
     * Checks a refused decision left no trace: the child's stream in the event store ends where it did, and the
     * record (read once the projection has reached that point, and again a moment later) shows nothing after it.
     */
    private JsonNode assertNothingRecordedSince(String childId, long lastSequence) throws Exception {
        assertThat(eventsOf(childId)).as("events in the child's protection stream").isEqualTo(lastSequence + 1);
        JsonNode record = protection(childId, lastSequence);
        // not a poll: nothing is expected to arrive, so there is no condition to wait for; the pause gives a
        // wrongly recorded event time to reach the projection before the record is read again
        Thread.sleep(300);
        JsonNode later = protection(childId, lastSequence);
        assertThat(later).isEqualTo(record);
        return later;
    }

    private JsonNode caseloadOf(String chairId) {
        HttpResponse<String> response = ApiClient.as(app.baseUrl(), chairId).get("/api/caseload");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The open plan chair.brown's caseload shows for the child (JSON null when none). */
    private JsonNode caseloadPlanOf(String childId) {
        List<JsonNode> entries = StreamSupport.stream(caseloadOf("chair.brown").spliterator(), false)
                .filter(entry -> entry.get("childId").asText().equals(childId)).toList();
        assertThat(entries).as("caseload entries of " + childId).hasSize(1);
        assertThat(entries.get(0).get("role").asText()).isEqualTo("CP_CHAIR");
        return entries.get(0).get("protectionPlan");
    }

    private static JsonNode conference(JsonNode record, String conferenceId) {
        for (JsonNode conference : record.get("conferences")) {
            if (conference.get("conferenceId").asText().equals(conferenceId)) {
                return conference;
            }
        }
        throw new AssertionError("No conference " + conferenceId + " in " + record);
    }

    private static long sequenceOf(HttpResponse<String> conference, String childId) {
        JsonNode sequence = json(conference).get("sequences").get(childId);
        assertThat(sequence).as("sequence of " + childId + " in " + conference.body()).isNotNull();
        return sequence.asLong();
    }

    // Request bodies

    private static Map<String, Object> decision(String childId, String enquiryId, String outcome, String category,
            int previousPlans) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", childId);
        decision.put("enquiryId", enquiryId);
        decision.put("outcome", outcome);
        decision.put("initialCategory", category);
        decision.put("previousPlans", previousPlans);
        decision.put("childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF"));
        return decision;
    }

    private static Map<String, Object> reviewDecision(String childId, boolean continues, String latestCategory,
            String endReason) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", childId);
        decision.put("planContinues", continues);
        decision.put("latestCategory", latestCategory);
        decision.put("endReason", endReason);
        decision.put("childsView", Map.of("attended", false, "conveyed", "THROUGH_ADVOCATE"));
        return decision;
    }

    /** @param decisions each child's decision, from {@link #decision} */
    private static String initialConference(LocalDate heldOn, List<String> agencies, String chairId,
            Object... decisions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "INITIAL");
        body.put("heldOn", heldOn.toString());
        body.put("attendingAgencies", agencies);
        body.put("chairId", chairId);
        body.put("decisions", List.of(decisions));
        return write(body);
    }

    /** @param decisions each child's decision, from {@link #reviewDecision} */
    private static String reviewConference(LocalDate heldOn, List<String> agencies, String chairId,
            Object... decisions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", heldOn.toString());
        body.put("attendingAgencies", agencies);
        body.put("chairId", chairId);
        body.put("decisions", List.of(decisions));
        return write(body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // Reading answers and the database

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /** How many events the child's protection stream holds in the event store. */
    private long eventsOf(String childId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            statement.setString(1, ProtectionIds.protectionOf(childId));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> protectionRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (String query : PROTECTION_TABLES) {
                try (ResultSet rs = connection.createStatement().executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(rs.getMetaData().getTableName(1)).append(':');
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i))
                                    .append('|');
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
