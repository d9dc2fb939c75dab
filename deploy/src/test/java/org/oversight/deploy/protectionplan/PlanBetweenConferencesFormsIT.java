package org.oversight.deploy.protectionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.oversight.deploy.support.Weekdays;

/**
 * The forms of the plan between conferences and of a strategy meeting, posted as a browser posts them, against a
 * real PostgreSQL: each records its decision and goes back to the child's page with its notice, and each refused
 * post comes back to its form with the problem beside its question and what was typed still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanBetweenConferencesFormsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private OversightTestApp app;
    private SignedInPerson chair;
    private int children;
    private final LocalDate today = LocalDate.now(LONDON);
    private final LocalDate meeting = today.minusDays(40);
    // a conference is never at a weekend, and thirty days back from a Monday or Tuesday would be one
    private final LocalDate conference = Weekdays.onOrBefore(today.minusDays(30));

    @BeforeAll
    void start() throws IOException {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        chair = SignedInPerson.signIn(app.baseUrl(), "chair.brown", ApiClient.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aStrategyMeetingIsRecordedFromItsFormOrComesBackWithWhatWasTyped() throws IOException {
        String child = registerChild();
        String form = "/children/" + child + "/protection/strategy-meeting";
        String meetingId = hidden(chair.get(form, null).body(), "meetingId");

        String refused = refusedPage(chair.postForm(form, "meetingId=" + meetingId + date("heldOn", meeting)
                + "&attendingAgencies=" + enc("Children's social care") + "&attendingAgencies=GP"
                + "&decision=NO_FURTHER_ACTION", null), form);
        assertThat(refused).contains("There is a problem",
                "A strategy meeting includes children’s social care, the police and health".replace("’", "'"))
                .contains("value=\"" + meeting.getDayOfMonth() + "\"").contains("value=\"GP\" checked");

        String page = recorded(chair.postForm(form, "meetingId=" + meetingId + date("heldOn", meeting)
                + "&attendingAgencies=" + enc("Children's social care") + "&attendingAgencies=Police"
                + "&attendingAgencies=GP&decision=SECTION_47_ENQUIRY", null));
        assertThat(page).contains("Strategy meeting recorded", "A section 47 enquiry");
    }

    @Test
    void thePlanIsAgreedFromItsFormOrComesBackWithEveryRowAsTyped() throws IOException {
        String child = childWithAPlan();
        String form = "/children/" + child + "/protection/plan/agree";
        String conferenceId = selected(chair.get(form, null).body(), "conferenceId");

        String refused = refusedPage(chair.postForm(form, "conferenceId=" + conferenceId
                + "&outcomes=" + enc("Sam is safe at home") + "&contingencyPlan="
                + "&actions%5B0%5D.action=" + enc("Refer to parenting support") + "&actions%5B0%5D.owner="
                + enc("Social worker") + date("actions%5B0%5D.dueOn", "31", "2", String.valueOf(today.getYear())),
                null), form);
        assertThat(refused).contains("There is a problem", "The date action 1 is due must be a real date")
                .contains("Sam is safe at home", "value=\"Refer to parenting support\"", "value=\"31\"");

        String page = recorded(chair.postForm(form, "conferenceId=" + conferenceId
                + "&outcomes=" + enc("Sam is safe at home\nSam goes to school every day")
                + "&contingencyPlan=" + enc("A legal planning meeting if the home becomes unsafe")
                + "&actions%5B0%5D.action=&actions%5B0%5D.owner="
                + "&actions%5B1%5D.action=" + enc("Refer to parenting support") + "&actions%5B1%5D.owner="
                + enc("Social worker") + date("actions%5B1%5D.dueOn", today.plusDays(14)), null));
        assertThat(page).contains("Plan agreed", "Sam goes to school every day", "Refer to parenting support",
                "A legal planning meeting if the home becomes unsafe");
    }

    @Test
    void anActionIsCompletedChangedAndCancelledFromItsFormsOrTheyComeBackWithWhatWasTyped() throws IOException {
        String child = childWithAPlan();
        List<String> actions = agreeTwoActions(child);

        String complete = "/children/" + child + "/protection/plan/complete-action";
        assertThat(chair.get(complete + "?action=" + actions.get(0), null).body())
                .contains("value=\"" + actions.get(0) + "\" selected");
        String refusedCompletion = refusedPage(chair.postForm(complete, "actionId=" + actions.get(0)
                + date("completedOn", today.plusDays(3)), null), complete);
        assertThat(refusedCompletion).contains("There is a problem")
                .contains("value=\"" + today.plusDays(3).getDayOfMonth() + "\"");
        assertThat(recorded(chair.postForm(complete, "actionId=" + actions.get(0) + date("completedOn", today),
                null))).contains("Action completed", "Done on");

        String change = "/children/" + child + "/protection/plan/change-action";
        String refusedChange = refusedPage(chair.postForm(change, "actionId=" + actions.get(1)
                + "&action=" + enc("See the dentist") + "&owner=" + enc("Health visitor")
                + date("dueOn", today.plusDays(20)) + "&reason=" + date("changedOn", today), null), change);
        assertThat(refusedChange).contains("There is a problem", "Enter why the action is changing")
                .contains("value=\"See the dentist\"");
        assertThat(recorded(chair.postForm(change, "actionId=" + actions.get(1) + "&action=" + enc("See the dentist")
                + "&owner=" + enc("Health visitor") + date("dueOn", today.plusDays(20)) + "&reason="
                + enc("The surgery had no appointment sooner") + date("changedOn", today), null)))
                .contains("Action changed", "See the dentist", "(changed once)");

        String cancel = "/children/" + child + "/protection/plan/cancel-action";
        String refusedCancel = refusedPage(chair.postForm(cancel, "actionId=" + actions.get(1)
                + "&reason=" + enc("The family moved surgery"), null), cancel);
        assertThat(refusedCancel).contains("There is a problem", "value=\"The family moved surgery\"");
        assertThat(recorded(chair.postForm(cancel, "actionId=" + actions.get(1) + date("cancelledOn", today)
                + "&reason=" + enc("The family moved surgery"), null))).contains("Action cancelled", "Cancelled on");
    }

    @Test
    void aCoreGroupIsRecordedWithProgressOnEachActionOrComesBackWithEachAnswerOnItsAction() throws IOException {
        String child = childWithAPlan();
        List<String> actions = agreeTwoActions(child);
        String form = "/children/" + child + "/protection/plan/core-group";
        String blank = chair.get(form, null).body();
        assertThat(blank).contains("Refer to parenting support", "Register Sam with a dentist");
        String meetingId = hidden(blank, "meetingId");

        String refused = refusedPage(chair.postForm(form, "meetingId=" + meetingId
                + date("heldOn", conference.plusDays(5)) + "&progress." + actions.get(1) + "=DELAYED"
                + "&progressNote=" + enc("The dentist has a waiting list"), null), form);
        assertThat(refused).contains("There is a problem", "Select the agencies that attended")
                .contains("The dentist has a waiting list")
                .containsPattern("id=\"progress\\." + actions.get(1) + "-DELAYED\"[^>]*value=\"DELAYED\" checked"
                        + "|name=\"progress\\." + actions.get(1) + "\" value=\"DELAYED\" checked");

        String page = recorded(chair.postForm(form, "meetingId=" + meetingId + date("heldOn", conference.plusDays(5))
                + "&attendingAgencies=" + enc("Children's social care") + "&attendingAgencies=School"
                + "&progress." + actions.get(0) + "=ON_TRACK&progress." + actions.get(1) + "=DELAYED", null));
        assertThat(page).contains("Core group meeting recorded", "2 actions reviewed");
    }

    @Test
    void aMidwayCheckIsRecordedWithItsAlertOrComesBackWithWhatWasTyped() throws IOException {
        String child = childWithAPlan();
        agreeTwoActions(child);
        String form = "/children/" + child + "/protection/plan/midway-check";

        String refused = refusedPage(chair.postForm(form, date("checkedOn", today) + "&finding=PLAN_ON_TRACK"
                + "&alertRaisedTo=" + enc("Team manager"), null), form);
        assertThat(refused).contains("There is a problem", "An alert is raised only from a check that noted concerns")
                .contains("value=\"Team manager\"");

        assertThat(recorded(chair.postForm(form, date("checkedOn", today) + "&finding=CONCERNS_NOTED"
                + "&alertRaisedTo=" + enc("Team manager"), null)))
                .contains("Midway check recorded with its alert", "alert raised with Team manager");
    }

    // Helpers

    /** A refused form post goes back to its own form, which shows the problems and what was typed. */
    private String refusedPage(HttpResponse<String> response, String form) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String back = response.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains(form);
        String page = chair.get(back.substring(back.indexOf("/children/")), null).body();
        assertThat(page).contains("govuk-error-summary").contains("govuk-error-message");
        return page.replace("&#39;", "'");
    }

    /** A recorded decision goes to the child's page, which shows its notice once the decision is applied. */
    private String recorded(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String next = response.headers().firstValue("Location").orElseThrow();
        assertThat(next).as("a refusal would go back to the form").doesNotContain("/protection/plan/")
                .doesNotContain("/strategy-meeting");
        return chair.get(next.substring(next.indexOf("/children/")), null).body();
    }

    private String childWithAPlan() throws IOException {
        String child = registerChild();
        HttpResponse<String> discussed = chair.postJson("/api/children/" + child
                + "/protection/strategy-discussions", "{\"strategyDiscussionOn\":\"" + meeting + "\"}", null);
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        String enquiryId = JSON.readTree(discussed.body()).get("id").asText();
        HttpResponse<String> held = chair.postJson("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(conference, child, enquiryId), null);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        long sequence = JSON.readTree(held.body()).get("sequences").get(child).asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/children/" + child
                + "/protection?after=" + sequence, null).statusCode() == 200);
        return child;
    }

    private List<String> agreeTwoActions(String child) throws IOException {
        String conferenceId = selected(chair.get("/children/" + child + "/protection/plan/agree", null).body(),
                "conferenceId");
        HttpResponse<String> agreed = chair.postJson("/api/children/" + child + "/protection/plan-agreements", """
                {"conferenceId":"%s","outcomes":["Sam is safe at home"],"contingencyPlan":"A legal planning meeting",
                 "actions":[{"action":"Refer to parenting support","owner":"Social worker","dueOn":"%s"},
                            {"action":"Register Sam with a dentist","owner":"Health visitor","dueOn":"%s"}]}"""
                .formatted(conferenceId, today.plusDays(10), today.plusDays(15)), null);
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(agreed.body());
        long sequence = answer.get("sequence").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/children/" + child
                + "/protection?after=" + sequence, null).statusCode() == 200);
        List<String> ids = new ArrayList<>();
        answer.get("actionIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private String registerChild() throws IOException {
        int n = ++children;
        HttpResponse<String> registered = chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"PF%d","givenName":"Sam","familyName":"Form%d",
                 "dateOfBirth":"2016-05-17"}""".formatted(n, n), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = JSON.readTree(registered.body()).get("childId").asText();
        HttpResponse<String> allocated = chair.postJson("/api/children/" + childId + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + today + "\"}", null);
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/children/" + childId + "?after="
                + JSON.readTree(allocated.body()).get("sequence").asLong(), null).statusCode() == 200);
        return childId;
    }

    private static String hidden(String page, String name) {
        var found = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(found.find()).as("the form carries " + name).isTrue();
        return found.group(1);
    }

    private static String selected(String page, String select) {
        int at = page.indexOf("name=\"" + select + "\"");
        var found = java.util.regex.Pattern.compile("value=\"([^\"]+)\" selected").matcher(page.substring(at));
        assertThat(found.find()).as("a choice of " + select + " is made").isTrue();
        return found.group(1);
    }

    private static String date(String field, LocalDate date) {
        return date(field, String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()));
    }

    private static String date(String field, String day, String month, String year) {
        return "&" + field + "-day=" + day + "&" + field + "-month=" + month + "&" + field + "-year=" + year;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
