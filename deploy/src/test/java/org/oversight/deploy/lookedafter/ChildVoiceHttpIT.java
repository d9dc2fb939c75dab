package org.oversight.deploy.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The child's voice, the people around the child and the other meetings an IRO chairs, over the JSON API against
 * a real PostgreSQL: the consultation clock met only by a private conversation (reg 36 of SI 2010/959), advocacy
 * steps, the parents' wishes, the child co-chairing, a meeting of a type the authority's administrator added; each
 * on the child's page, in the auditor's history in words and in the as-at view; refusals naming their rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildVoiceHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private OversightTestApp app;
    private LocalDate today;
    private int children;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        today = LocalDate.now(LONDON);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void onlyAPrivateConversationMeetsTheConsultationBeforeTheReview() {
        String child = lookedAfterChild(today.minusDays(10));

        long written = ok(iro().post(lookedAfter(child, "/consultations"), consultation(today.minusDays(5), "WRITTEN",
                false, "NOT_IN_PRIVATE"))).get("sequence").asLong();
        assertThat(consultationClock(child, written).get("metOn").isNull())
                .as("a written contact leaves the consultation open").isTrue();

        long spoken = ok(iro().post(lookedAfter(child, "/consultations"), consultation(today.minusDays(2), "IN_PERSON",
                true, "SPOKE_IN_PRIVATE"))).get("sequence").asLong();
        assertThat(consultationClock(child, spoken).get("metOn").asText()).isEqualTo(today.minusDays(2).toString());
    }

    @Test
    void aContactThatIsNotSpokenIsNeverAPrivateConversationAndTheOldAnswerIsNotOffered() {
        String child = lookedAfterChild(today.minusDays(10));

        refusedWith(iro().post(lookedAfter(child, "/consultations"), consultation(today, "THROUGH_ADVOCATE", true,
                "SPOKE_IN_PRIVATE")), 422, "private-conversation-is-spoken-alone");
        refusedWith(iro().post(lookedAfter(child, "/consultations"), consultation(today, "IN_PERSON", true,
                "NOT_ASKED_WHEN_RECORDED")), 422, "private-conversation-answered");
        refusedWith(iro().post(lookedAfter(child, "/consultations"),
                "{\"consultedOn\":\"%s\",\"method\":\"PHONE\",\"seenAlone\":true}".formatted(today)), 400, null);
    }

    @Test
    void advocacyParentsWishesChairingAndAMeetingShowOnThePageInTheHistoryAndAsAt() {
        String child = lookedAfterChild(today.minusDays(40));
        ok(iro().post(lookedAfter(child, "/advocacy"), "{\"step\":\"TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS\",\"on\":\"%s\"}"
                .formatted(today.minusDays(38))));
        refusedWith(iro().post(lookedAfter(child, "/advocacy"), "{\"step\":\"ADVOCATE_APPOINTED\",\"on\":\"%s\"}"
                .formatted(today.minusDays(30))), 422, "advocate-appointed-after-referral");
        ok(iro().post(lookedAfter(child, "/advocacy"), "{\"step\":\"REFERRED_FOR_ADVOCACY\",\"on\":\"%s\"}"
                .formatted(today.minusDays(31))));
        ok(iro().post(lookedAfter(child, "/advocacy"), "{\"step\":\"ADVOCATE_APPOINTED\",\"on\":\"%s\"}"
                .formatted(today.minusDays(25))));
        ok(iro().post(lookedAfter(child, "/parents-wishes"),
                "{\"soughtOn\":\"%s\",\"whose\":\"PARENT\",\"outcome\":\"ASCERTAINED\"}".formatted(today.minusDays(21))));
        String reviewId = ok(iro().post(lookedAfter(child, "/reviews"), """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay put"]}"""
                .formatted(today.minusDays(20)))).get("reviewId").asText();
        ok(iro().post(lookedAfter(child, "/reviews/" + reviewId + "/child-chairing"), "{\"chairing\":\"CO_CHAIRED\"}"));
        refusedWith(iro().post(lookedAfter(child, "/reviews/" + reviewId + "/child-chairing"),
                "{\"chairing\":\"CHAIRED\"}"), 422, "child-chairing-recorded-once");

        // an administrator adds a meeting type for the authority; the IRO records a meeting of that type
        refusedWith(ApiClient.as(app.baseUrl(), "iro.ahmed").post("/api/local-authorities/DEMO-N/meeting-types",
                "{\"code\":\"family-group\",\"title\":\"Family group meeting\",\"addedBecause\":\"Local protocol\"}"),
                403, null);
        ok(ApiClient.as(app.baseUrl(), "admin.ford").post("/api/local-authorities/DEMO-N/meeting-types",
                "{\"code\":\"family-group\",\"title\":\"Family group meeting\",\"addedBecause\":\"Local protocol\"}"));
        refusedWith(ApiClient.as(app.baseUrl(), "admin.ford").post("/api/local-authorities/DEMO-N/meeting-types",
                "{\"code\":\"disruption\",\"title\":\"Another\",\"addedBecause\":\"Again\"}"), 422,
                "meeting-type-unique");
        HttpResponse<String> noReason = ApiClient.as(app.baseUrl(), "admin.ford").post(
                "/api/local-authorities/DEMO-N/meeting-types", "{\"code\":\"x-1\",\"title\":\"Another\"}");
        refusedWith(noReason, 400, null);
        assertThat(noReason.body()).contains("addedBecause");
        refusedWith(iro().post(lookedAfter(child, "/meetings"), meeting("tea-party", today.minusDays(10))), 422,
                "meeting-type-must-be-known");
        ok(iro().post(lookedAfter(child, "/meetings"), meeting("secure-accommodation-review", today.minusDays(12))));
        long last = ok(iro().post(lookedAfter(child, "/meetings"), meeting("family-group", today.minusDays(10))))
                .get("sequence").asLong();

        String page = await(() -> okText(iro().get("/children/" + child + "?awaiting=care-" + child + ":" + last)),
                p -> p.contains("Family group meeting"), "the child's page");
        assertThat(page).contains("Told about advocacy and how to complain", "Referred to the advocacy service",
                "Advocate appointed", "Wishes and feelings ascertained",
                "The child co-chaired their review with the IRO", "Secure accommodation review (section 25)",
                "Social worker, Carer", "Placement to continue with extra support");

        for (String form : List.of("advocacy", "parents-wishes", "child-chairing", "meeting", "consultation")) {
            assertThat(okText(iro().get("/children/" + child + "/looked-after/" + form)))
                    .as("the %s form", form).contains("<form");
        }
        assertThat(okText(iro().get("/children/" + child + "/looked-after/meeting")))
                .contains("Family group meeting", "Secure accommodation review (section 25)");
        assertThat(okText(ApiClient.as(app.baseUrl(), "admin.ford").get("/settings/DEMO-N")))
                .contains("Family group meeting", "Add the meeting type");

        JsonNode history = json(auditor().get("/api/children/" + child + "/history"));
        List<String> headlines = new ArrayList<>();
        history.get("entries").forEach(e -> headlines.add(e.get("headline").asText()));
        assertThat(headlines).anyMatch(h -> h.startsWith("Advocate appointed on"))
                .anyMatch(h -> h.startsWith("Wishes and feelings of a parent sought for the review on"))
                .anyMatch(h -> h.startsWith("The child co-chaired the review of"))
                .anyMatch(h -> h.startsWith("Family group meeting chaired by Aisha Ahmed on"));

        JsonNode before = json(auditor().get("/api/children/" + child + "/as-at?on=" + today.minusDays(26)))
                .get("factsOn").get("voice");
        assertThat(before.get("advocacy")).hasSize(2);
        assertThat(before.get("meetings")).isEmpty();
        JsonNode now = json(auditor().get("/api/children/" + child + "/as-at?on=" + today)).get("factsOn").get("voice");
        assertThat(now.get("advocacy")).hasSize(3);
        assertThat(now.get("chairing").get(0).get("chairing").asText()).isEqualTo("CO_CHAIRED");
        assertThat(now.get("meetings").get(0).get("meetingTitle").asText()).isEqualTo("Family group meeting");
    }

    // Steps

    private ApiClient iro() {
        return ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    private ApiClient auditor() {
        return ApiClient.as(app.baseUrl(), "auditor.davies").because("Quarterly audit");
    }

    private static String lookedAfter(String childId, String path) {
        return "/api/children/" + childId + "/looked-after" + path;
    }

    private static String consultation(LocalDate on, String method, boolean alone, String privately) {
        return "{\"consultedOn\":\"%s\",\"method\":\"%s\",\"seenAlone\":%s,\"privateConversation\":\"%s\"}"
                .formatted(on, method, alone, privately);
    }

    private static String meeting(String type, LocalDate on) {
        return """
                {"meetingType":"%s","heldOn":"%s","attendeeRoles":["Social worker","Carer"],
                 "outcome":"Placement to continue with extra support"}""".formatted(type, on);
    }

    /** A child of DEMO-N, nine years old, looked after since {@code started}, with iro.ahmed as their IRO. */
    private String lookedAfterChild(LocalDate started) {
        HttpResponse<String> registered = iro().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"VO%d","givenName":"Sam","familyName":"Voice%d",
                 "dateOfBirth":"%s"}""".formatted(++children, children, today.minusYears(9)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        ok(iro().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(started)));
        ok(iro().post(lookedAfter(childId, "/periods"),
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started)));
        return childId;
    }

    /** The consultation clock before the first review, once the journey's event {@code after} is applied. */
    private JsonNode consultationClock(String childId, long after) {
        // the looked-after record waits for its own projection; the child itself comes from the caseload's
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> iro().get(lookedAfter(childId, "?after=" + after)).statusCode() == 200);
        JsonNode timeline = json(iro().get("/api/children/" + childId + "/timeline"));
        for (JsonNode clock : timeline.findParents("kind")) {
            if ("consultation".equals(clock.get("kind").asText())) {
                return clock;
            }
        }
        throw new AssertionError("No consultation clock in " + timeline);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().startsWith("{") || response.body().startsWith("[") ? json(response) : null;
    }

    private static String okText(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void refusedWith(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (rule != null) {
            assertThat(json(response).get("rule").asText()).as(response.body()).isEqualTo(rule);
        }
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static <T> T await(Supplier<T> query, Predicate<T> done, String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(query::get, done);
    }
}
