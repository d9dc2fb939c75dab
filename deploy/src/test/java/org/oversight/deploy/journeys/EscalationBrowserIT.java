package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.query.escalations.FinancialQuarter;

/**
 * An escalation through the dispute resolution process as people do it in a real browser: an IRO raises it
 * about a child at team manager level (after being told what is missing), moves it up to the service manager,
 * records the response and resolves it; then the QA lead finds it counted on the escalations dashboard —
 * resolved, at service manager level, in this financial quarter — and follows the number to the escalation and
 * on to the child.
 */
class EscalationBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final Pattern ESCALATION_PAGE = Pattern.compile(".*/escalations/escalation-[0-9a-f-]{36}(\\?.*)?$");

    private static BrowserJourney journey;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startApplicationAndBrowser() {
        journey = BrowserJourney.start();
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (journey != null) {
            journey.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anIroTakesAnEscalationToTheServiceManagerAndResolvesItAndTheQaLeadSeesItCounted() throws Exception {
        String childId = registerChild("Esme", "Escalate", "ESCB1");
        registerChild("Eli", "Escalate", "ESCB2");

        signInAs("iro.ahmed");
        page.navigate("/children/" + childId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Esme Escalate");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Raise an escalation")).click();
        assertThat(page).hasTitle(Pattern.compile("^Raise an escalation"));

        // Nothing chosen: told what is missing, with the error summary focused.
        button("Raise escalation").click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Raise an escalation"));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Select whether this is a formal escalation or an informal alert");
        assertThat(summary).containsText("Select what the concern is about");

        page.getByLabel("What the concern is about").selectOption("PERMANENCE");
        page.getByLabel("What you are asking the local authority to do")
                .fill("Hold a permanence planning meeting within 10 working days");
        page.getByLabel("Formal escalation, at a level of the local authority").check();
        page.getByLabel("Level (for a formal escalation)").selectOption("TEAM_MANAGER");
        // the concern is the sibling group's: her brother is ticked too
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Is it also about brothers or sisters? (optional)"))
                .getByLabel("Eli Escalate").check();
        BrowserJourney.fillDate(page, "Date the escalation was raised", TODAY);
        button("Raise escalation").click();

        assertThat(page).hasURL(ESCALATION_PAGE);
        assertThat(successBanner()).containsText("Escalation raised");
        assertThat(page.locator(".govuk-summary-list__row").filter(new Locator.FilterOptions().setHasText("Children")))
                .containsText("Eli Escalate");
        assertThat(page.getByTestId("level")).hasText("Team manager");
        assertThat(page.getByTestId("status")).containsText("Open");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Move it up a level")).click();
        assertThat(page.getByLabel("Level to move it to").locator("option[value=TEAM_MANAGER]")).hasCount(0);
        page.getByLabel("Level to move it to").selectOption("SERVICE_MANAGER");
        BrowserJourney.fillDate(page, "Date it moved up", TODAY);
        page.getByLabel("Why").fill("No meeting arranged");
        button("Move up").click();
        assertThat(successBanner()).containsText("Escalation moved up");
        assertThat(page.getByTestId("level")).hasText("Service manager");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record the local authority's response"))
                .click();
        assertThat(page.getByTestId("current-level")).containsText("with the service manager");
        BrowserJourney.fillDate(page, "Date the response was received", TODAY);
        page.getByLabel("Who responded").fill("Sam Patel, service manager");
        page.getByLabel("What the response agreed to do").fill("Permanence planning meeting booked");
        button("Save response").click();
        assertThat(successBanner()).containsText("Response recorded");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resolve it")).click();
        BrowserJourney.fillDate(page, "Date it was resolved", TODAY);
        page.getByLabel("Outcome for the child").fill("Permanence plan agreed at the meeting");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        button("Resolve escalation").click();
        assertThat(page).hasURL(ESCALATION_PAGE);
        assertThat(successBanner()).containsText("Escalation resolved");
        assertThat(page.getByTestId("status")).containsText("Resolved");
        assertThat(page.getByTestId("steps").getByRole(AriaRole.ROW)).hasCount(5);
        assertThat(page.getByTestId("escalation-actions")).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Esme Escalate")).first().click();
        Locator onTheChild = page.getByTestId("escalations");
        assertThat(onTheChild).containsText("Permanence");
        assertThat(onTheChild).containsText("Service manager");
        assertThat(onTheChild).containsText("Resolved");
        context.close();

        signInAs("qa.evans");
        mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Escalations")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/escalations");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Escalations");
        assertThat(count("by-level", "SERVICE_MANAGER", "resolved")).hasText("1");
        assertThat(count("by-level", "TEAM_MANAGER", "resolved")).hasText("0");
        String quarter = FinancialQuarter.of(TODAY).key();
        assertThat(count("by-quarter", quarter, "raised")).hasText("1");
        assertThat(count("by-quarter", quarter, "resolved")).hasText("1");
        assertThat(count("outcomes", "in-childs-interest", "escalations")).hasText("1");
        // The script sits at the end of the page, so the tables can be visible before it has loaded: wait for it.
        assertEquals(200, page.request().get(journey.app().baseUrl() + "/webjars/chart.js/dist/chart.umd.js").status(),
                "Chart.js is served from its webjar");
        page.waitForFunction("() => typeof Chart === 'function'");
        assertThat(page.locator("#quarter-chart")).isVisible();
        screenshot("escalations");

        // The filters are an ordinary form: narrow to the team, then follow the number to its list.
        page.getByLabel("Team").selectOption("North IRO team");
        button("Apply filters").click();
        assertThat(page).hasURL(Pattern.compile(".*/escalations\\?.*team=North\\+IRO\\+team.*"));
        cell("by-level", "SERVICE_MANAGER", "resolved").getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile(".*/escalations/list\\?.*level=SERVICE_MANAGER.*status=resolved.*"));
        Locator list = page.getByTestId("escalation-list");
        assertThat(list.locator("caption")).hasText("1 escalation");
        String listPage = page.url();
        list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Permanence")).click();
        // the QA lead reads the children's records with a reason: asked once for each child of the escalation
        stateReason();
        stateReason();
        assertThat(page).hasURL(ESCALATION_PAGE);
        assertThat(page.getByTestId("level")).hasText("Service manager");
        page.navigate(listPage);
        page.getByTestId("escalation-list").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Esme Escalate")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/children/" + childId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Esme Escalate");
    }

    private static String registerChild(String givenName, String familyName, String localIdentifier)
            throws Exception {
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"2016-09-09"}""".formatted(localIdentifier, givenName, familyName));
        assertEquals(201, registered.statusCode(), registered.body());
        String childId = new ObjectMapper().readTree(registered.body()).get("childId").asText();
        assertEquals(200, chair.get("/api/children/" + childId + "?after=0").statusCode());
        // the IRO raises escalations only for children allocated to them
        HttpResponse<String> allocated = chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(TODAY));
        assertEquals(200, allocated.statusCode(), allocated.body());
        return childId;
    }

    private void signInAs(String username) {
        page = journey.signedInAs(username);
        context = page.context();
        assertThat(page).hasURL(journey.app().baseUrl() + "/");
    }

    private void stateReason() {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Why do you need this record?");
        page.getByLabel("Why do you need this record?").fill("Quarterly review of escalations");
        button("Continue").click();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private Locator mainNavigation() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    private Locator successBanner() {
        return page.locator(".govuk-notification-banner--success");
    }

    private Locator cell(String table, String row, String column) {
        return page.getByTestId(table).locator("tr[data-row='" + row + "'] td[data-column='" + column + "']");
    }

    /** The number in a dashboard cell, without the context a screen reader hears after it. */
    private Locator count(String table, String row, String column) {
        return cell(table, row, column).locator("span").first();
    }

    private void screenshot(String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }

}
