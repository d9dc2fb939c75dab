package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * An administrator manages a person in a real browser: adds them (a missing reason is refused, with what was
 * typed kept but never the password), adds a team and moves the person into it, gives them a role and finally
 * disables them; each change heads the person's history with who made it and why. The person signs in as soon
 * as they are added; a change of roles or disabling them ends the session they have open, and once disabled
 * they cannot sign in again. A chair finds no people pages.
 */
class PeopleBrowserIT {

    private static BrowserJourney journey;

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

    @Test
    void anAdministratorAddsAPersonMovesThemToANewTeamGivesThemARoleAndDisablesThem() throws Exception {
        Page page = journey.signedInAs("admin.ford");
        navigateTo(page, "People");
        Locator ahmed = page.getByTestId("people").locator("tr[data-username='iro.ahmed']");
        assertThat(ahmed).containsText("Chair (Independent Reviewing Officer)");
        assertThat(ahmed).containsText("Northmoor Council (demo)");
        assertThat(ahmed).containsText("North IRO team, Northmoor Council (demo)");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a person")).click();
        page.getByLabel("Full name").fill("Vera Vance");
        page.getByLabel("Username").fill("iro.vance");
        tick(page, "Chair");
        tick(page, "Independent Reviewing Officer");
        tick(page, "Southvale Borough (demo)");
        tick(page, "Southvale reviewing team, Southvale Borough (demo)");
        page.getByLabel("First password (optional)").fill(ApiClient.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the person")).click();

        assertThat(page).hasTitle(Pattern.compile("^Error: Add a person"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why you are making this change");
        assertThat(page.getByLabel("Full name")).hasValue("Vera Vance");
        assertThat(page.getByLabel("Username")).hasValue("iro.vance");
        assertThat(checkbox(page, "Southvale reviewing team, Southvale Borough (demo)")).isChecked();
        assertThat(page.getByLabel("First password (optional)")).hasValue("");
        screenshot(page, "person-add-refused");

        page.getByLabel("First password (optional)").fill(ApiClient.DEMO_PASSWORD);
        page.getByLabel("Why they are being added").fill("Joined Southvale's IRO service");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the person")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/people/iro.vance");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Person added");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Vera Vance");
        assertThat(latestChange(page)).containsText("Added to the service");
        assertThat(latestChange(page)).containsText("Joined Southvale's IRO service");
        assertThat(latestChange(page)).containsText("Fran Ford");
        screenshot(page, "person-added");

        Page vera = journey.signedInAs("iro.vance");
        assertThat(vera.getByTestId("signed-in-as")).containsText("Vera Vance");
        assertThat(vera.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People"))).hasCount(0);

        page.navigate("/people/teams");
        page.getByLabel("Local authority").selectOption("DEMO-S");
        page.getByLabel("Name of the team").fill("Southvale permanence team");
        page.getByLabel("Why the team is being added").fill("Permanence work gets a team of its own");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the team")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Team added");
        assertThat(page.getByTestId("teams")).containsText("Southvale permanence team");

        page.navigate("/people/iro.vance");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change teams")).click();
        assertThat(checkbox(page, "Southvale reviewing team, Southvale Borough (demo)")).isChecked();
        assertThat(page.getByText("North IRO team, Northmoor Council (demo)")).hasCount(0);
        checkbox(page, "Southvale reviewing team, Southvale Borough (demo)").uncheck();
        tick(page, "Southvale permanence team, Southvale Borough (demo)");
        page.getByLabel("Why the teams are changing").fill("Moved to the permanence team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change teams")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Teams changed");
        assertThat(page.getByTestId("person")).containsText("Southvale permanence team, Southvale Borough (demo)");
        assertThat(latestChange(page)).containsText("Teams changed");
        assertThat(latestChange(page)).containsText("Joined: Southvale permanence team, Southvale Borough (demo)");
        assertThat(latestChange(page)).containsText("Left: Southvale reviewing team, Southvale Borough (demo)");
        assertThat(latestChange(page)).containsText("Moved to the permanence team");
        assertThat(latestChange(page)).containsText("Fran Ford");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change roles")).click();
        assertThat(checkbox(page, "Chair")).isChecked();
        tick(page, "QA lead");
        page.getByLabel("Why the roles are changing").fill("Leads quality assurance for Southvale");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change roles")).click();
        assertThat(page.getByTestId("person")).containsText("Chair (Independent Reviewing Officer), QA lead");
        assertThat(latestChange(page)).containsText("Given the role: QA lead");

        // the session Vera signed in with held her old roles: it has ended, and signing in again brings the new
        vera.navigate("/caseload");
        assertThat(vera).hasURL(journey.app().baseUrl() + "/login");
        BrowserJourney.signIn(vera, "iro.vance");
        assertThat(vera.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Timeliness"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Disable this person")).click();
        page.getByLabel("Why they are being disabled").fill("Left the service");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Person disabled");
        assertThat(latestChange(page)).containsText("Disabled: can no longer sign in");
        assertThat(page.getByTestId("history").locator("tbody tr")).hasCount(4);
        screenshot(page, "person-history");
        navigateTo(page, "People");
        assertThat(page.getByTestId("people").locator("tr[data-username='iro.vance']")).containsText("Disabled");
        screenshot(page, "people");
        page.context().close();

        // disabling ended the session Vera had open: her next page is the sign-in page
        vera.navigate("/caseload");
        assertThat(vera).hasURL(journey.app().baseUrl() + "/login");
        vera.context().close();

        Page again = journey.chromium().newContext(journey.app().baseUrl()).newPage();
        again.navigate("/login");
        again.getByLabel("Username").fill("iro.vance");
        again.getByLabel("Password").fill(ApiClient.DEMO_PASSWORD);
        again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(again).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(again.getByTestId("signed-in-as")).hasCount(0);
        again.context().close();
    }

    @Test
    void aChairFindsNoPeoplePages() {
        Page page = journey.signedInAs("chair.brown");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People"))).hasCount(0);
        Response people = page.navigate("/people");
        org.assertj.core.api.Assertions.assertThat(people.status()).isEqualTo(403);
        page.context().close();
    }

    private static Locator checkbox(Page page, String label) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private static void tick(Page page, String label) {
        checkbox(page, label).check();
    }

    private static Locator latestChange(Page page) {
        return page.getByTestId("history").locator("tbody tr").first();
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
