package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.BrowserJourney;

/**
 * The first decisions about a child, as a person does them in a real browser against the whole application:
 * a chair registers a child (after being told what is missing), allocates themselves as the child's IRO and
 * finds the child on their caseload; a date of birth in the future is refused without losing what was typed;
 * an auditor can neither see nor use the way to register a child.
 */
class FirstDecisionBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?$");

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

    @BeforeEach
    void openFreshContext() {
        context = journey.chromium().newContext(journey.app().baseUrl());
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aChairRegistersAChildAllocatesThemselvesAndSeesTheChildOnTheirCaseload() throws Exception {
        signInAs("iro.ahmed");
        assertThat(page.getByTestId("signed-in-as")).containsText("Aisha Ahmed");

        mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register a child")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/children/new");
        assertThat(page).hasTitle(Pattern.compile("^Register a child"));

        // Nothing filled in: the form comes back with the GOV.UK error summary, focused, linking to each field.
        registerChildButton().click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/children/new");
        assertThat(page).hasTitle(Pattern.compile("^Error: Register a child"));
        Locator summary = errorSummary();
        assertThat(summary).isVisible();
        assertThat(summary).containsText("There is a problem");
        assertThat(summary).containsText("Enter the child's given name");
        assertThat(summary).containsText("Select whether the child has been born");
        assertThat(summary).isFocused();
        Locator givenNameProblem = summary.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Enter the child's given name"));
        assertThat(givenNameProblem).hasAttribute("href", "#givenName");
        assertThat(page.locator("#givenName-error")).containsText("Enter the child's given name");
        givenNameProblem.click();
        assertThat(givenName()).isFocused();

        localAuthority().selectOption("DEMO-N");
        page.getByLabel("The local authority's identifier for the child").fill("BRW1");
        givenName().fill("Rosie");
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill("Brown");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", LocalDate.of(2019, 3, 14));
        registerChildButton().click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Child registered");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Rosie Brown");
        assertThat(page.locator(".govuk-summary-list__row", new Page.LocatorOptions().setHasText("Date of birth")))
                .containsText("14 March 2019");
        Locator chairs = page.getByTestId("chairs");
        assertThat(chairs).containsText("Not allocated");

        chairs.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Allocate Independent Reviewing Officer")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Allocate Independent Reviewing Officer");
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("iro.ahmed");
        LocalDate today = LocalDate.now(LONDON);
        BrowserJourney.fillDate(page, "Allocated from", today);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save allocation")).click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Chair allocated");
        Locator iroRow = page.getByTestId("chairs").locator(".govuk-summary-list__row",
                new Locator.LocatorOptions().setHasText("Independent Reviewing Officer"));
        assertThat(iroRow).containsText("Aisha Ahmed");
        assertThat(page.getByTestId("chairs").locator(".govuk-summary-list__row",
                new Locator.LocatorOptions().setHasText("Child protection chair"))).containsText("Not allocated");
        screenshot("child-page");

        mainNavigation().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My caseload")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/caseload");
        // the demo chair's caseload runs to several pages: find the new child by name, as a chair would
        page.getByLabel("Child's name contains").fill("Rosie");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        Locator caseload = page.getByTestId("caseload");
        Locator row = caseload.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rosie Brown"))));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Independent Reviewing Officer");
        assertThat(row).containsText("14 Mar 2019");
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rosie Brown")))
                .hasAttribute("href", Pattern.compile("^/children/[0-9a-fA-F-]{36}$"));
    }

    @Test
    void aFutureDateOfBirthIsRefusedOnTheFormAndWhatWasTypedIsKept() {
        signInAs("chair.brown");
        Response form = page.navigate("/children/new");
        assertNotNull(form, "navigating to /children/new gave no response");
        assertEquals(200, form.status(), "a chair opening the register form");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Register a child");

        LocalDate nextYear = LocalDate.now(LONDON).plusYears(1);
        localAuthority().selectOption("DEMO-S");
        page.getByLabel("The local authority's identifier for the child").fill("FUT1");
        givenName().fill("Florence");
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill("Future");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", nextYear);
        registerChildButton().click();

        assertThat(page).hasURL(journey.app().baseUrl() + "/children/new");
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        Locator summary = errorSummary();
        assertThat(summary).containsText("There is a problem");
        assertThat(summary).containsText("must be today or in the past");
        assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#dateOfBirth-day");
        assertThat(page.locator("#dateOfBirth-error")).containsText("must be today or in the past");

        assertThat(givenName()).hasValue("Florence");
        assertThat(page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true))).hasValue("Future");
        assertThat(page.getByLabel("The local authority's identifier for the child")).hasValue("FUT1");
        assertThat(localAuthority()).hasValue("DEMO-S");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)))
                .isChecked();
        Locator dateOfBirth = dateGroup("Date of birth");
        assertThat(dateOfBirth.getByLabel("Day")).hasValue(String.valueOf(nextYear.getDayOfMonth()));
        assertThat(dateOfBirth.getByLabel("Month")).hasValue(String.valueOf(nextYear.getMonthValue()));
        assertThat(dateOfBirth.getByLabel("Year")).hasValue(String.valueOf(nextYear.getYear()));
    }

    @Test
    void anAuditorCannotRegisterAChild() {
        signInAs("auditor.davies");
        assertThat(page.getByTestId("signed-in-as")).containsText("Dan Davies");
        assertThat(mainNavigation()).isVisible();
        assertThat(mainNavigation().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a child")))
                .hasCount(0);
        String csrfToken = page.locator("input[name=_csrf]").first().inputValue();

        Response form = page.navigate("/children/new");
        assertNotNull(form, "navigating to /children/new gave no response");
        assertEquals(403, form.status(), "an auditor opening the register form");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You cannot do this");
        assertThat(page.locator("form[action='/children']")).hasCount(0);

        FormData child = FormData.create()
                .set("localAuthority", "DEMO-N")
                .set("localIdentifier", "AUD1")
                .set("givenName", "Audrey")
                .set("familyName", "Auditor")
                .set("born", "born")
                .set("dateOfBirth-day", "1")
                .set("dateOfBirth-month", "1")
                .set("dateOfBirth-year", "2020");
        APIResponse withoutToken = page.request().post("/children", RequestOptions.create().setForm(child)
                .setMaxRedirects(0));
        assertEquals(403, withoutToken.status(), "an auditor posting the register form without a CSRF token");

        // With a valid CSRF token the refusal can only be the role's.
        APIResponse withToken = page.request().post("/children", RequestOptions.create()
                .setForm(child.set("_csrf", csrfToken)).setMaxRedirects(0));
        assertEquals(403, withToken.status(), "an auditor posting the register form with a valid CSRF token");
        assertTrue(withToken.text().contains("You cannot do this"), "the refusal names the role, not the token");

        APIResponse caseload = page.request().get("/api/caseload", RequestOptions.create().setMaxRedirects(0));
        assertEquals(403, caseload.status(), "an auditor asking for a caseload");
        assertTrue(caseload.text().contains("You cannot do this"), "the caseload API explains the refusal");
    }

    private void signInAs(String username) {
        BrowserJourney.signIn(page, username);
        assertThat(page).hasURL(journey.app().baseUrl() + "/");
    }

    private Locator mainNavigation() {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    private Locator registerChildButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register child"));
    }

    private Locator localAuthority() {
        return page.getByLabel("Local authority", new Page.GetByLabelOptions().setExact(true));
    }

    private Locator givenName() {
        return page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true));
    }

    private Locator errorSummary() {
        return page.locator(".govuk-error-summary");
    }

    private Locator successBanner() {
        return page.locator(".govuk-notification-banner--success");
    }

    private Locator dateGroup(String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    private void screenshot(String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")));
    }

}
