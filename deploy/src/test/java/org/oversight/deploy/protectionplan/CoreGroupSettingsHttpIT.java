package org.oversight.deploy.protectionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * How an authority's core groups are held in Oversight, against a real PostgreSQL: a plan recorded long after its
 * initial conference shows its first core group overdue until the administrator says core groups are recorded
 * from a later date; then it shows no core group clock and the child's page says why. The settings form comes back
 * refused with what was typed, and records from the form or the JSON API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreGroupSettingsHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private OversightTestApp app;
    private SignedInPerson admin;
    private final LocalDate today = LocalDate.now(LONDON);

    @BeforeAll
    void start() throws IOException {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        admin = SignedInPerson.signIn(app.baseUrl(), "admin.ford", ApiClient.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPlanFromBeforeTheRecordedFromDateLosesItsOverdueCoreGroupAndThePageSaysWhy() throws IOException {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        String child = childWithAPlanFrom(chair, today.minusDays(90));
        assertThat(coreGroupClocks(chair, child)).as("without the setting: the first core group, long overdue")
                .extracting(c -> c.get("status").asText()).containsExactly("OVERDUE");

        String form = "/settings/DEMO-N/core-groups";
        HttpResponse<String> refused = admin.postForm(form, date("effectiveFrom", today)
                + date("recordedFrom", today.plusDays(2)) + "&laterIntervalWorkingDays=20&reason=Went+live", null);
        assertThat(refused.statusCode()).isEqualTo(302);
        String back = refused.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains(form);
        String page = admin.get(back.substring(back.indexOf("/settings/")), null).body();
        assertThat(page).contains("There is a problem", "not a future one", "value=\"20\"", "Went live",
                "href=\"#recordedFrom-day\"");

        LocalDate wentLive = today.minusDays(30);
        HttpResponse<String> recorded = admin.postForm(form, date("effectiveFrom", today)
                + date("recordedFrom", wentLive) + "&laterIntervalWorkingDays=20&reason=Went+live", null);
        assertThat(recorded.statusCode()).isEqualTo(302);
        String next = recorded.headers().firstValue("Location").orElseThrow();
        assertThat(next).contains("awaiting=");
        assertThat(admin.get(next.substring(next.indexOf("/settings/")), null).body())
                .contains("Core group settings recorded", "20 working days after the one before");

        JsonNode api = JSON.readTree(admin.get("/api/local-authorities/DEMO-N/core-group-settings", null).body());
        assertThat(api.get("recordedFrom").asText()).isEqualTo(wentLive.toString());
        assertThat(api.get("laterIntervalWorkingDaysToday").asInt()).isEqualTo(20);

        await().atMost(Duration.ofSeconds(20)).until(() -> coreGroupClocks(chair, child).isEmpty());
        SignedInPerson chairInBrowser = SignedInPerson.signIn(app.baseUrl(), "chair.brown", ApiClient.DEMO_PASSWORD);
        assertThat(chairInBrowser.get("/children/" + child, null).body().replace("&#39;", "'"))
                .contains("Core group meetings before", "are not held in Oversight");

        String laterChild = childWithAPlanFrom(chair, today.minusDays(7));
        assertThat(coreGroupClocks(chair, laterChild)).as("a plan from after the date keeps its clock").hasSize(1);
    }

    @Test
    void theJsonApiRefusesAnIntervalOutOfRangeNamingTheRule() {
        HttpResponse<String> refused = ApiClient.as(app.baseUrl(), "admin.ford").post(
                "/api/local-authorities/DEMO-N/core-group-settings", """
                {"effectiveFrom":"%s","laterIntervalWorkingDays":90,"reason":"Quarterly"}""".formatted(today));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("setting-within-range", "laterIntervalWorkingDays");
    }

    private List<JsonNode> coreGroupClocks(ApiClient chair, String child) throws IOException {
        JsonNode timeline = JSON.readTree(chair.get("/api/children/" + child + "/timeline").body());
        List<JsonNode> found = new ArrayList<>();
        timeline.get("clocks").forEach(c -> {
            if (c.get("clock").get("kind").asText().equals("core-group")) {
                found.add(c);
            }
        });
        return found;
    }

    private int children;

    private String childWithAPlanFrom(ApiClient chair, LocalDate around) throws IOException {
        // conferences are not held at weekends: the weekday before, whatever day the test runs on
        LocalDate conference = around;
        while (conference.getDayOfWeek() == DayOfWeek.SATURDAY || conference.getDayOfWeek() == DayOfWeek.SUNDAY) {
            conference = conference.minusDays(1);
        }
        int n = ++children;
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CG%d","givenName":"Alex","familyName":"Core%d",
                 "dateOfBirth":"2015-02-11"}""".formatted(n, n));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = JSON.readTree(registered.body()).get("childId").asText();
        HttpResponse<String> allocated = chair.post("/api/children/" + child + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + today + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        HttpResponse<String> discussed = chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + conference.minusDays(10) + "\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        String enquiryId = JSON.readTree(discussed.body()).get("id").asText();
        HttpResponse<String> held = chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(conference, child, enquiryId));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        long sequence = JSON.readTree(held.body()).get("sequences").get(child).asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/children/" + child
                + "/protection?after=" + sequence).statusCode() == 200);
        return child;
    }

    private static String date(String field, LocalDate date) {
        return "&" + field + "-day=" + date.getDayOfMonth() + "&" + field + "-month=" + date.getMonthValue() + "&"
                + field + "-year=" + date.getYear();
    }
}
