package org.oversight.deploy.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;

/**
 * The consultation before a review on the IRO's caseload, over HTTP against a real PostgreSQL. The caseload ranks
 * one item a child, and the consultation falls due on the review's own day, after it in rank: so while the child
 * has not been spoken to in private (reg 36 of SI 2010/959) the review's line says the consultation is not yet
 * held, and once it is recorded the line says so no more. A child with nothing of the kind due is listed as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationOnTheCaseloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "Consultation not yet held";

    private OversightTestApp app;
    private SignedInPerson iro;
    private LocalDate today;
    private int registered;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        today = LocalDate.now(ZoneId.of("Europe/London"));
        new TestPeople(app).person("cc.iro", "CHAIR", "DEMO-N", "Consultation team");
        iro = SignedInPerson.signIn(app.baseUrl(), "cc.iro", DemoPeople.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theReviewsLineSaysTheConsultationIsNotYetHeldUntilTheChildIsSpokenToInPrivate() {
        String child = lookedAfterChild(today.minusDays(10));
        String untouched = allocatedChild();

        JsonNode before = rowOf(child, row -> row.path("consultationNotYetHeld").asBoolean());
        assertThat(before.get("next").get("kind").asText()).isEqualTo("lac-review");
        assertThat(before.get("next").get("name").asText()).isEqualTo("First looked-after review");
        assertThat(page()).contains(TAG);
        // another child's row carries nothing new
        assertThat(rowOf(untouched, row -> true).has("consultationNotYetHeld")).isFalse();

        // a written contact is the child's voice, but not the private conversation the regulation asks for
        long written = ok(iro.postJson(lookedAfter(child, "/consultations"), consultation("WRITTEN", false,
                "NOT_IN_PRIVATE"), null)).get("sequence").asLong();
        awaitApplied(child, written);
        assertThat(rowOf(child, row -> true).path("consultationNotYetHeld").asBoolean()).isTrue();

        long spoken = ok(iro.postJson(lookedAfter(child, "/consultations"), consultation("IN_PERSON", true,
                "SPOKE_IN_PRIVATE"), null)).get("sequence").asLong();
        awaitApplied(child, spoken);
        JsonNode after = rowOf(child, row -> !row.has("consultationNotYetHeld"));
        assertThat(after.get("next").get("kind").asText()).as("the review still ranks the child").isEqualTo("lac-review");
        assertThat(after.get("next").get("dueOn").asText()).isEqualTo(before.get("next").get("dueOn").asText());
        assertThat(page()).doesNotContain(TAG);
    }

    private String page() {
        HttpResponse<String> page = iro.get("/caseload", null);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The child's caseload row, once it meets {@code settled}. */
    private JsonNode rowOf(String childId, java.util.function.Predicate<JsonNode> settled) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode row : ok(iro.get("/api/caseload", null))) {
                if (row.get("childId").asText().equals(childId)) {
                    return row;
                }
            }
            return null;
        }, row -> row != null && settled.test(row));
    }

    private void awaitApplied(String childId, long sequence) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> iro.get(lookedAfter(childId, "?after=" + sequence), null).statusCode() == 200);
    }

    private static String lookedAfter(String childId, String path) {
        return "/api/children/" + childId + "/looked-after" + path;
    }

    private String consultation(String method, boolean alone, String privately) {
        return "{\"consultedOn\":\"%s\",\"method\":\"%s\",\"seenAlone\":%s,\"privateConversation\":\"%s\"}"
                .formatted(today.minusDays(1), method, alone, privately);
    }

    /** A child of DEMO-N with cc.iro as their IRO, not looked after. */
    private String allocatedChild() {
        String childId = ok(iro.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CC%d","givenName":"Robin","familyName":"Caseload%d",
                 "dateOfBirth":"%s"}""".formatted(++registered, registered, today.minusYears(8)), null), 201)
                .get("childId").asText();
        ok(iro.postJson("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"cc.iro\",\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(30)),
                null));
        return childId;
    }

    /** A child allocated to cc.iro, looked after since {@code started}. */
    private String lookedAfterChild(LocalDate started) {
        String childId = allocatedChild();
        ok(iro.postJson(lookedAfter(childId, "/periods"), "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}"
                .formatted(started), null));
        return childId;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
