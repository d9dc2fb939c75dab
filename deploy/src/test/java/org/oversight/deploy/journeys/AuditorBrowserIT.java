package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.Weekdays;

/**
 * An auditor in a real browser: opens a child on a plan, reads the decision history, moves the as-at date back to
 * before the plan started, verifies the chain, and at no step finds a button or form that could change the record.
 */
class AuditorBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** The only buttons an auditor may be offered: reading controls, and signing out. */
    private static final Set<String> READING_BUTTONS = Set.of("Sign out", "Show the state as at this date",
            "Show timeline");

    private static BrowserJourney journey;
    private static String child;
    private static LocalDate strategy;
    private static LocalDate conference;

    @BeforeAll
    static void startWithAChildOnAPlan() {
        journey = BrowserJourney.start();
        LocalDate today = LocalDate.now(LONDON);
        strategy = Weekdays.onOrBefore(today.minusDays(40));
        conference = Weekdays.onOrBefore(today.minusDays(25));
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        child = json(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"AUD1","givenName":"Ola","familyName":"Audit",
                 "dateOfBirth":"2015-02-03"}"""), 201).get("childId").asText();
        // only the child's allocated chair records its decisions
        json(chair.post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"" + strategy + "\"}"), 200);
        String enquiry = json(chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + strategy + "\"}"), 200).get("id").asText();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("childId", child);
        decision.put("enquiryId", enquiry);
        decision.put("outcome", "PLAN");
        decision.put("initialCategory", "NEG");
        decision.put("previousPlans", 0);
        decision.put("childsView", Map.of("attended", true, "conveyed", "ATTENDED_SPOKE_FOR_SELF"));
        json(chair.post("/api/protection/initial-conferences", write(Map.of("type", "INITIAL", "heldOn",
                conference.toString(), "attendingAgencies", List.of("Children's social care", "Police", "GP"),
                "chairId", "chair.brown", "decisions", List.of(decision)))), 200);
        // the child's page reads the caseload projection: wait until it knows the child
        json(chair.get("/api/children/" + child + "?after=0"), 200);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void anAuditorReadsTheHistoryMovesTheDateBackVerifiesTheChainAndCannotChangeAnything() {
        try (Page page = journey.signedInAs("auditor.davies")) {
            assertThat(page.getByTestId("signed-in-as")).containsText("(Auditor)");

            page.navigate("/children/" + child);
            // an auditor reads a child's record only with a stated reason, which then holds for the session
            assertThat(heading(page)).hasText("Why do you need this record?");
            page.getByLabel("Why do you need this record?").fill("Quarterly audit");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertThat(heading(page)).hasText("Ola Audit");
            assertNothingToChange(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decision history, as at any date"))
                    .click();
            assertThat(heading(page)).hasText("Decision history");
            Locator entries = page.getByTestId("history-entry");
            // the chair's allocation is an entry of its own
            assertThat(entries).hasCount(5);
            assertThat(page.getByTestId("history")).containsText("Plan started under Neglect at the initial child "
                    + "protection conference on " + LONG.format(conference) + " \u2014 recorded by Ben Brown on ");
            assertNothingToChange(page);

            LocalDate beforePlan = strategy.plusDays(1);
            BrowserJourney.fillDate(page, "Date", beforePlan);
            page.getByLabel("Why are you looking? (optional)").fill("Quality audit of plan timeliness");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the state as at this date"))
                    .click();
            assertThat(heading(page)).hasText("The record as at " + LONG.format(beforePlan));
            Locator facts = page.getByTestId("facts-on");
            Locator recorded = page.getByTestId("recorded-at");
            assertThat(facts.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                    .hasText("As the facts stood on " + LONG.format(beforePlan));
            assertThat(recorded.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                    .containsText("As the record stood at " + LONG.format(beforePlan));
            assertThat(facts).containsText("Open: no initial conference yet");
            assertThat(facts.getByTestId("state-plan")).hasCount(0);
            // everything was recorded today, so on that day the record held nothing yet
            assertThat(recorded).containsText("0 stored events used.");
            assertThat(page.getByTestId("history")).containsText("Section 47 enquiry started at a strategy discussion on "
                    + LONG.format(strategy));
            assertThat(page.getByTestId("history")).not().containsText("Plan started");
            assertNothingToChange(page);

            page.navigate("/children/" + child + "/history");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify the record's integrity")).click();
            assertThat(page.getByTestId("integrity")).containsText("Verified: 5 events in 2 streams, chain intact");
            assertNothingToChange(page);

            JsonNode reads = json(ApiClient.as(journey.app().baseUrl(), "qa.evans")
                    .get("/api/audit/reads?user=auditor.davies&child=" + child), 200);
            // newest first: the child's page, read first, is logged as every read of a child's record is
            assertThat(reads.get("reads").findValuesAsText("how")).containsExactly("VERIFY", "PAGE", "AS_AT", "PAGE",
                    "CHILD");
            assertThat(reads.get("reads").findValuesAsText("purpose")).contains("Quality audit of plan timeliness");
        }
    }

    /** No form that posts (other than signing out), and no button but reading controls. */
    private static void assertNothingToChange(Page page) {
        assertThat(page.locator("form[method=post]:not([action='/logout'])")).hasCount(0);
        List<String> buttons = page.locator("button, input[type=submit]").allInnerTexts().stream()
                .map(String::strip).toList();
        assertThat(buttons).as("buttons on " + page.url()).allMatch(READING_BUTTONS::contains);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile(
                "^(Record|Allocate|Change|Register|Raise|Correct|End|Move|Withdraw|Resolve)\\b")))).hasCount(0);
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
