package org.oversight.deploy.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * Children put on one chair's caseload through the API, in the states a caseload filters on: a child protection
 * plan whose first review conference is long overdue, a period of care whose first review is overdue or not yet
 * due. Names are synthetic.
 */
public final class CaseloadChildren {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    private final ApiClient chair;
    private final String chairId;
    private final LocalDate today;
    private int registered;

    public CaseloadChildren(OversightTestApp app, String chairId, LocalDate today) {
        this.chair = ApiClient.as(app.baseUrl(), chairId);
        this.chairId = chairId;
        this.today = today;
    }

    /** A child on a plan since a conference about half a year ago: its first review conference is overdue. */
    public String onAnOverduePlan(String given, String family) {
        String childId = registered(given, family);
        allocate(childId, "CP_CHAIR", today.minusDays(220));
        HttpResponse<String> discussed = ok(chair.post("/api/children/" + childId + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + workingDayOnOrBefore(today.minusDays(210)) + "\"}"));
        String enquiryId = json(discussed).get("id").asText();
        ok(chair.post("/api/protection/initial-conferences", write(Map.of(
                "type", "INITIAL",
                "heldOn", workingDayOnOrBefore(today.minusDays(200)).toString(),
                "attendingAgencies", List.of("Children's social care", "Police", "GP"),
                "chairId", chairId,
                "decisions", List.of(Map.of("childId", childId, "enquiryId", enquiryId, "outcome", "PLAN",
                        "initialCategory", "NEG", "previousPlans", 0,
                        "childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF")))))));
        return childId;
    }

    /** A child looked after since {@code started} (its first review 20 working days on), with this IRO. */
    public String lookedAfterSince(String given, String family, LocalDate started) {
        String childId = registered(given, family);
        allocate(childId, "IRO", started.minusDays(1));
        ok(chair.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started)));
        return childId;
    }

    /** Waits until the chair's caseload lists {@code count} open allocations with their clocks worked out. */
    public void awaitCaseload(int count) {
        Awaitility.await("the caseload lists every child").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    JsonNode all = json(ok(chair.get("/api/caseload?size=100")));
                    int withClocks = 0;
                    for (JsonNode entry : all) {
                        if (entry.hasNonNull("next")) {
                            withClocks++;
                        }
                    }
                    return withClocks >= count;
                });
    }

    ApiClient client() {
        return chair;
    }

    private String registered(String given, String family) {
        HttpResponse<String> response = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CF%d","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"%s"}""".formatted(++registered, given, family, today.minusYears(7)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String childId = json(response).get("childId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> chair.get("/api/children/" + childId).statusCode() == 200);
        return childId;
    }

    private void allocate(String childId, String role, LocalDate from) {
        ok(chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"%s\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(role, chairId, from)));
    }

    static LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!CALENDAR.isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
