package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.SystemChromium;
import org.oversight.deploy.support.TestPostgres;

/**
 * An administrator changes a local authority's timescales in a real browser: a backdated change is refused with
 * the rule explained and nothing typed lost; a change from today is recorded and shows as in force, with who made
 * it and why. A QA lead reads the same page but finds no form on it.
 */
class LocalTimescalesBrowserIT {

    private static MovableClock clock;
    private static OversightTestApp app;
    private static SystemChromium chromium;

    @BeforeAll
    static void startApplicationAndBrowser() {
        clock = MovableClock.startingNow();
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
        chromium = SystemChromium.launch();
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdministratorChangesATimescaleFromTodayAndEveryoneCanSeeWhoAndWhy() {
        LocalDate today = clock.today();
        BrowserContext admin = chromium.newContext(app.baseUrl());
        Page page = admin.newPage();
        signIn(page, "admin.ford");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Local timescales")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Northmoor Council (demo)")).click();
        Locator inForce = page.getByTestId("in-force");
        assertThat(row(inForce, "IRO allocated within")).containsText("5 working days of becoming looked after");

        page.getByLabel("IRO allocated within (working days of becoming looked after)").fill("3");
        page.getByLabel("Team manager").fill("2");
        fillDate(page, "In force from", today.minusDays(1));
        page.getByLabel("Why the timescales are changing").fill("New protocol agreed with the director");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the change")).click();

        assertThat(page).hasTitle(Pattern.compile("^Error: Timescales for Northmoor"));
        assertThat(page.locator(".govuk-error-summary")).containsText("take effect today or later");
        assertThat(page.getByLabel("IRO allocated within (working days of becoming looked after)")).hasValue("3");
        assertThat(page.getByLabel("Why the timescales are changing")).hasValue("New protocol agreed with the director");

        fillDate(page, "In force from", today);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the change")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Settings recorded");
        assertThat(row(page.getByTestId("in-force"), "IRO allocated within")).containsText("3 working days");
        assertThat(row(page.getByTestId("in-force"), "Team manager responds within")).containsText("2 working days");
        Locator change = page.getByTestId("changes").locator("tbody tr").first();
        assertThat(change).containsText("IRO allocated within 3 working days of becoming looked after");
        assertThat(change).containsText("New protocol agreed with the director");
        assertThat(change).containsText("Fran Ford");
        admin.close();

        BrowserContext qa = chromium.newContext(app.baseUrl());
        Page qaPage = qa.newPage();
        signIn(qaPage, "qa.evans");
        qaPage.navigate("/settings/DEMO-N");
        assertThat(qaPage.getByTestId("changes")).containsText("Fran Ford");
        assertThat(qaPage.locator("form[method=post][action='/settings/DEMO-N']")).hasCount(0);
        qa.close();
    }

    private static Locator row(Locator list, String key) {
        return list.locator(".govuk-summary-list__row").filter(new Locator.FilterOptions().setHasText(key));
    }

    private static void fillDate(Page page, String legend, LocalDate date) {
        Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
        group.getByLabel("Day").fill(String.valueOf(date.getDayOfMonth()));
        group.getByLabel("Month").fill(String.valueOf(date.getMonthValue()));
        group.getByLabel("Year").fill(String.valueOf(date.getYear()));
    }

    private static void signIn(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(ApiClient.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByTestId("signed-in-as")).isVisible();
    }
}
