package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.fillDate;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.BrowserJourney;

/**
 * An administrator changes a local authority's timescales in a real browser: a backdated change is refused with
 * the rule explained and nothing typed lost; a change from today is recorded and shows as in force, with who made
 * it and why. A QA lead reads the same page but finds no form on it.
 */
class LocalTimescalesBrowserIT {

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
    void anAdministratorChangesATimescaleFromTodayAndEveryoneCanSeeWhoAndWhy() {
        LocalDate today = journey.clock().today();
        Page page = journey.signedInAs("admin.ford");
        navigateTo(page, "Local timescales");
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
        page.context().close();

        Page qaPage = journey.signedInAs("qa.evans");
        qaPage.navigate("/settings/DEMO-N");
        assertThat(qaPage.getByTestId("changes")).containsText("Fran Ford");
        assertThat(qaPage.locator("form[method=post][action='/settings/DEMO-N']")).hasCount(0);
        qaPage.context().close();
    }

    private static Locator row(Locator list, String key) {
        return list.locator(".govuk-summary-list__row").filter(new Locator.FilterOptions().setHasText(key));
    }
}
