package org.oversight.deploy.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The conference as it happened and its papers, recorded through the chair's forms against a real PostgreSQL:
 * each form posted as a browser posts it; a recorded decision goes back to the child's record with its notice and
 * is read back from the projection, and a refusal comes back to the form with the rule's own message on the
 * input it is about and what the chair typed still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceFormsHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern AWAITING = Pattern.compile("awaiting=[^:]+:(\\d+)");

    private OversightTestApp app;
    private SignedInPerson chair;
    private int children;
    private LocalDate conferenceDay;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        chair = SignedInPerson.signIn(app.baseUrl(), "chair.brown", ApiClient.DEMO_PASSWORD);
        conferenceDay = Weekdays.onOrBefore(LocalDate.now(LONDON).minusDays(45));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void attendanceByRoleIsRecordedFromTheRowsTheChairFilledIn() throws IOException {
        String child = registerChild();
        String conference = initialConference(child, List.of("Children's social care", "Police", "GP"));
        String form = "/children/" + child + "/protection/conferences/" + conference + "/attendance";

        String page = chair.get(form, null).body();
        assertThat(page).contains("Who was invited and who attended").contains("value=\"Police\"")
                .contains("name=\"attendees[0].role\"");

        HttpResponse<String> recorded = post(form, form(
                "attendees[0].role", "CHILD", "attendees[0].name", "Sam", "attendees[0].invited", "true",
                "attendees[0].attendance", "PART", "attendees[0].report", "",
                "attendees[1].role", "", "attendees[1].invited", "true", "attendees[1].report", "",
                "attendees[2].role", "PARENT", "attendees[2].name", "Alex Example",
                "attendees[2].attendance", "NONE", "attendees[2].report", "",
                "attendees[3].role", "AGENCY", "attendees[3].agency", "Police", "attendees[3].invited", "true",
                "attendees[3].attendance", "ALL", "attendees[3].report", "NOT_SHARED"));

        JsonNode read = afterRecording(recorded, child, "Attendance recorded").get("conferences").get(conference);
        JsonNode attendees = read.get("attendees");
        assertThat(attendees).hasSize(3);
        assertThat(attendees.get(0).get("familyName").asText()).isEqualTo("Sam");
        assertThat(attendees.get(0).get("attendance").asText()).isEqualTo("PART");
        assertThat(attendees.get(1).get("role").asText()).isEqualTo("PARENT");
        assertThat(attendees.get(1).get("invited").asBoolean()).isFalse();
        assertThat(attendees.get(2).get("agency").asText()).isEqualTo("Police");
        assertThat(attendees.get(2).get("reportBeforeConference").asBoolean()).isTrue();
        assertThat(attendees.get(2).get("reportSharedInTime").asBoolean()).isFalse();
    }

    @Test
    void aRefusedAttendanceComesBackWithTheRulesMessageOnItsRowAndWhatWasTyped() {
        String child = registerChild();
        String conference = initialConference(child, List.of("Children's social care", "Police", "GP"));
        String form = "/children/" + child + "/protection/conferences/" + conference + "/attendance";

        HttpResponse<String> missing = post(form, form(
                "attendees[0].role", "", "attendees[1].role", "PARENT", "attendees[1].name", "Alex Example",
                "attendees[1].report", ""));
        String back = refusedTo(missing, form);
        assertThat(back).contains("There is a problem").contains("Select how much of the conference they attended")
                .contains("href=\"#attendees[0].attendance\"").contains("value=\"Alex Example\"");

        HttpResponse<String> noAgency = post(form, form("attendees[0].role", "AGENCY",
                "attendees[0].attendance", "ALL", "attendees[0].report", "SHARED"));
        assertThat(refusedTo(noAgency, form)).contains("Enter the agency the representative came from")
                .contains("href=\"#attendees[0].agency\"");
    }

    @Test
    void recommendationsWithADissentingAgencyAreRecordedAndADissentWithoutItsReasonIsRefusedOnItsRow()
            throws IOException {
        String child = registerChild();
        String conference = initialConference(child, List.of("Children's social care", "Police", "School"));
        String form = "/children/" + child + "/protection/conferences/" + conference + "/recommendations";
        assertThat(chair.get(form, null).body()).contains("value=\"School\"");

        HttpResponse<String> refused = post(form, form("chairDecision", "PLAN", "chairCategory", "NEG",
                "recommendations[0].agency", "Police", "recommendations[0].recommended", "PLAN",
                "recommendations[0].category", "NEG", "recommendations[1].agency", "School",
                "recommendations[1].recommended", "NO_PLAN", "familyViews", "The parents want more help at home"));
        String back = unescaped(refusedTo(refused, form));
        assertThat(back).contains("The agency dissented from the chair's decision: record its reason")
                .contains("href=\"#recommendations[1].dissentReason\"")
                .contains("The parents want more help at home");

        HttpResponse<String> recorded = post(form, form("chairDecision", "PLAN", "chairCategory", "NEG",
                "recommendations[0].agency", "Police", "recommendations[0].recommended", "PLAN",
                "recommendations[0].category", "NEG", "recommendations[1].agency", "",
                "recommendations[2].agency", "School", "recommendations[2].recommended", "NO_PLAN",
                "recommendations[2].category", "NEG",
                "recommendations[2].dissentReason", "Attendance has improved this term",
                "familyViews", "The parents want more help at home"));
        JsonNode read = afterRecording(recorded, child, "Recommendations recorded").get("conferences")
                .get(conference);
        assertThat(read.get("recommendations")).hasSize(2);
        assertThat(read.get("recommendations").get(1).get("agency").asText()).isEqualTo("School");
        assertThat(read.get("recommendations").get(1).get("category").isNull()).isTrue();
        assertThat(read.get("recommendations").get(1).get("dissentReason").asText())
                .isEqualTo("Attendance has improved this term");
        assertThat(read.get("familyViews").asText()).isEqualTo("The parents want more help at home");
        assertThat(chair.get("/children/" + child, null).body())
                .contains("Dissented: Attendance has improved this term");
    }

    @Test
    void anInquorateConferencesReasonAndTheChairsDecisionAreRecordedFromTheForm() throws IOException {
        String child = registerChild();
        String conference = initialConference(child, List.of("Children's social care", "Police", "GP"));
        String review = reviewConference(child, List.of("Children's social care", "Police"));
        String form = "/children/" + child + "/protection/conferences/" + review + "/inquorate";
        assertThat(chair.get("/children/" + child, null).body()).contains(form)
                .doesNotContain("/conferences/" + conference + "/inquorate");

        HttpResponse<String> refused = post(form, form("reason", "The GP sent apologies"));
        assertThat(refusedTo(refused, form)).contains("Select what the chair decided")
                .contains("The GP sent apologies");

        HttpResponse<String> recorded = post(form, form("reason", "The GP sent apologies",
                "decision", "PLAN_CONTINUES_UNTIL_QUORATE_REVIEW"));
        JsonNode read = afterRecording(recorded, child, "Inquorate conference recorded").get("conferences")
                .get(review);
        assertThat(read.get("inquorateReason").asText()).isEqualTo("The GP sent apologies");
        assertThat(read.get("inquorateDecision").asText()).isEqualTo("PLAN_CONTINUES_UNTIL_QUORATE_REVIEW");
    }

    @Test
    void aTransferInNotificationIsRecordedFromItsDateInputsAndAnImpossibleDateIsNamedOnItsBoxes()
            throws IOException {
        String child = registerChild();
        String form = "/children/" + child + "/protection/transfer-in-notification";
        assertThat(chair.get("/children/" + child, null).body()).contains(form);
        assertThat(chair.get(form, null).body()).contains("name=\"notificationId\"");
        LocalDate received = Weekdays.onOrBefore(LocalDate.now(LONDON).minusDays(3));

        HttpResponse<String> impossible = post(form, form("receivedOn-day", "31", "receivedOn-month", "2",
                "receivedOn-year", "2026", "fromAuthority", "Northshire", "otherPlanStartedOn-day", "",
                "otherPlanStartedOn-month", "", "otherPlanStartedOn-year", ""));
        String back = unescaped(refusedTo(impossible, form));
        assertThat(back).contains("The date the notification was received must be a real date")
                .contains("href=\"#receivedOn-day\"").contains("Enter the date the other authority's plan started")
                .contains("value=\"Northshire\"").contains("value=\"31\"");

        HttpResponse<String> later = post(form, joined(dateBoxes("receivedOn", received),
                form("fromAuthority", "Northshire"), dateBoxes("otherPlanStartedOn", received.plusDays(1))));
        assertThat(refusedTo(later, form)).contains("must have started by the day its notification was received");

        HttpResponse<String> recorded = post(form, joined(dateBoxes("receivedOn", received),
                form("fromAuthority", "Northshire"), dateBoxes("otherPlanStartedOn", received.minusMonths(5))));
        JsonNode read = afterRecording(recorded, child, "Transfer-in notification recorded");
        assertThat(read.get("transfersIn")).hasSize(1);
        assertThat(read.get("transfersIn").get(0).get("receivedOn").asText()).isEqualTo(received.toString());
        assertThat(read.get("transfersIn").get(0).get("otherPlanStartedOn").asText())
                .isEqualTo(received.minusMonths(5).toString());
    }

    @Test
    void thePapersSentAndTheSummaryAndAnalysisAreRecordedFromTheirFormsWhichShowsWhatIsWrittenToChangeIt() throws IOException {
        String child = registerChild();
        String conference = initialConference(child, List.of("Children's social care", "Police", "GP"));
        String sent = "/children/" + child + "/protection/conferences/" + conference + "/paper-sent";
        String minutes = "/children/" + child + "/protection/conferences/" + conference + "/write-minutes";
        assertThat(chair.get("/children/" + child, null).body()).contains(sent).contains(minutes);

        HttpResponse<String> tooSoon = post(sent, joined(form("paper", "MINUTES"),
                dateBoxes("sentOn", conferenceDay.plusDays(1))));
        String back = unescaped(refusedTo(tooSoon, sent));
        assertThat(back).contains("Write the conference's summary and analysis first")
                .contains("value=\"" + conferenceDay.plusDays(1).getDayOfMonth() + "\"");

        HttpResponse<String> letter = post(sent, joined(form("paper", "OUTCOME_LETTER"),
                dateBoxes("sentOn", conferenceDay.plusDays(1))));
        afterRecording(letter, child, "Outcome letter to the parents recorded as sent");

        HttpResponse<String> noSummary = post(minutes, form("summary", "",
                "passages[0].text", "The school reports better attendance"));
        assertThat(unescaped(refusedTo(noSummary, minutes))).contains("Enter the chair's summary of the conference")
                .contains("The school reports better attendance");

        HttpResponse<String> written = post(minutes, form("summary", "The conference agreed a plan",
                "passages[0].text", "The school reports better attendance", "passages[1].text", "",
                "passages[2].text", "A neighbour's account of the evening", "passages[2].withheldFromParents", "true"));
        afterRecording(written, child, "Summary and analysis written");
        String page = chair.get("/children/" + child, null).body();
        assertThat(page).contains("Outcome letter to the parents: sent")
                .contains("Summary and analysis written (1 withheld from the parents)");
        String again = unescaped(chair.get(minutes, null).body());
        assertThat(again).contains("already written (2 passages, 1 withheld").contains("The conference agreed a plan")
                .contains("A neighbour's account of the evening");
        assertThat(again).containsPattern("id=\"passages\\[1]\\.withheldFromParents\"[^>]*checked")
                .doesNotContainPattern("id=\"passages\\[0]\\.withheldFromParents\"[^>]*checked");
    }

    // Setting up

    private String registerChild() {
        ApiClient api = ApiClient.as(app.baseUrl(), "chair.brown");
        String localIdentifier = "CF" + (++children);
        HttpResponse<String> registered = api.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Forms%d",
                 "dateOfBirth":"2016-05-17"}""".formatted(localIdentifier, children));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        assertThat(api.get("/api/children/" + childId + "?after=" + json(registered).get("sequence").asLong())
                .statusCode()).isEqualTo(200);
        HttpResponse<String> allocated = api.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + LocalDate.now(LONDON)
                        + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        return childId;
    }

    /** A strategy discussion and an initial conference starting a plan under neglect; its conference id. */
    private String initialConference(String childId, List<String> agencies) {
        ApiClient api = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> discussed = api.post("/api/children/" + childId + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + conferenceDay.minusDays(10) + "\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        HttpResponse<String> held = api.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":%s,"chairId":"chair.brown",
                 "decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN","initialCategory":"NEG",
                 "previousPlans":0,"childsView":{"attended":false,"conveyed":"THROUGH_ADVOCATE"}}]}"""
                .formatted(conferenceDay, write(agencies), childId, json(discussed).get("id").asText()));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        JsonNode answer = json(held);
        assertThat(api.get("/api/children/" + childId + "/protection?after="
                + answer.get("sequences").get(childId).asLong()).statusCode()).isEqualTo(200);
        return answer.get("conferenceId").asText();
    }

    /** A review at which the plan continues; its conference id. */
    private String reviewConference(String childId, List<String> agencies) {
        ApiClient api = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> held = api.post("/api/protection/review-conferences", """
                {"heldOn":"%s","attendingAgencies":%s,"chairId":"chair.brown",
                 "decisions":[{"childId":"%s","planContinues":true,
                 "childsView":{"attended":false,"conveyed":"THROUGH_ADVOCATE"}}]}"""
                .formatted(Weekdays.onOrBefore(LocalDate.now(LONDON).minusDays(5)), write(agencies), childId));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        JsonNode answer = json(held);
        assertThat(api.get("/api/children/" + childId + "/protection?after="
                + answer.get("sequences").get(childId).asLong()).statusCode()).isEqualTo(200);
        return answer.get("conferenceId").asText();
    }

    /**
     * A recorded form post: back to the child's record, awaiting the decision, with the notice; then the conference
     * record as the projection has it once the decision is applied.
     */
    private JsonNode afterRecording(HttpResponse<String> posted, String child, String notice) throws IOException {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String next = posted.headers().firstValue("Location").orElseThrow();
        assertThat(next).contains("/children/" + child + "?awaiting=");
        Matcher sequence = AWAITING.matcher(next);
        assertThat(sequence.find()).as(next).isTrue();
        assertThat(chair.get(next.substring(next.indexOf("/children/")), null).body()).contains(notice);
        HttpResponse<String> read = chair.get("/api/children/" + child + "/protection/conferences?after="
                + sequence.group(1), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.readTree(read.body());
    }

    /** A refused form post: back to the form's page, which shows the problems and what was typed. */
    private String refusedTo(HttpResponse<String> posted, String form) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String back = posted.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith(form);
        String page = chair.get(back.substring(back.indexOf("/children/")), null).body();
        assertThat(page).contains("There is a problem").contains("govuk-error-message");
        return page;
    }

    private static String form(String... pairs) {
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            encoded.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", encoded);
    }

    private HttpResponse<String> post(String path, String form) {
        return chair.postForm(path, form, null);
    }

    /** Parts of a form, each already encoded, as one body. */
    private static String joined(String... parts) {
        return String.join("&", parts);
    }

    private static String dateBoxes(String field, LocalDate date) {
        return form(field + "-day", String.valueOf(date.getDayOfMonth()), field + "-month",
                String.valueOf(date.getMonthValue()), field + "-year", String.valueOf(date.getYear()));
    }

    private static String unescaped(String page) {
        return page.replace("&#39;", "'");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
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
