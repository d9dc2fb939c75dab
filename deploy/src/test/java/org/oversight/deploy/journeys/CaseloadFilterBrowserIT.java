package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.fillDate;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.caseload.CaseloadChildren;
import org.oversight.deploy.support.BrowserJourney;

/**
 * A chair works from their caseload in a real browser: filters it to overdue child protection plans, sorts it by
 * the child's name, goes to the second page and back, and the filter and order stay with every page (and in the
 * address, where the browser's back button and a bookmark keep them). From a child's row the chair opens the
 * timeline and moves its "as at" date with the GOV.UK day, month and year boxes; an impossible day is shown as
 * the field's problem, not an error page. The service's page size is set to 2 so a few children make pages.
 */
class CaseloadFilterBrowserIT {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static BrowserJourney journey;

    @BeforeAll
    static void startApplicationAndBrowser() {
        journey = BrowserJourney.start("--oversight.caseload.page-size=2");
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aChairFiltersToOverduePlansSortsByNamePagesOnAndBackAndMovesATimelinesDate() {
        LocalDate today = journey.clock().today();
        CaseloadChildren children = new CaseloadChildren(journey.app(), "chair.brown", today);
        children.onAnOverduePlan("Ava", "Zeller");
        children.onAnOverduePlan("Ben", "Young");
        children.onAnOverduePlan("Cleo", "Xu");
        children.lookedAfterSince("Eve", "Vance", today.minusDays(90));
        children.lookedAfterSince("Finn", "Upton", today.minusDays(1));
        children.awaitCaseload(5);

        Page page = journey.signedInAs("chair.brown");
        navigateTo(page, "My caseload");
        Locator filters = page.getByTestId("caseload-filters");
        filters.getByLabel("Plan or period of care").selectOption("PLAN");
        filters.getByLabel("How soon").selectOption("OVERDUE");
        filters.getByLabel("Sort by").selectOption("NAME");
        filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();

        assertThat(page).hasURL(Pattern.compile("/caseload\\?kind=PLAN&due=OVERDUE&sort=NAME$"));
        assertThat(page.getByTestId("caseload-showing")).containsText("Showing 1 to 2 of 3 allocations");
        assertThat(names(page)).hasText(new String[] {"Cleo Xu", "Ben Young"});

        pagination(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page")).click();
        assertThat(page).hasURL(Pattern.compile("/caseload\\?kind=PLAN&due=OVERDUE&sort=NAME&page=2$"));
        assertThat(names(page)).hasText(new String[] {"Ava Zeller"});
        assertThat(page.getByTestId("caseload-showing")).containsText("Showing 3 to 3 of 3 allocations");
        // the form still shows the filter and the order on the second page
        assertThat(filters.getByLabel("Plan or period of care")).hasValue("PLAN");
        assertThat(filters.getByLabel("How soon")).hasValue("OVERDUE");
        assertThat(filters.getByLabel("Sort by")).hasValue("NAME");

        pagination(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous page")).click();
        assertThat(page).hasURL(Pattern.compile("/caseload\\?kind=PLAN&due=OVERDUE&sort=NAME$"));
        assertThat(names(page)).hasText(new String[] {"Cleo Xu", "Ben Young"});
        page.goBack();
        assertThat(names(page)).hasText(new String[] {"Ava Zeller"});
        page.goForward();

        // the timeline of the first child, as at a past day typed into the three boxes
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline for Ben Young")).click();
        LocalDate past = today.minusDays(100);
        fillDate(page, "As at", past);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show timeline")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)
                .setName("Drift signals as at " + past.format(LONG)))).isVisible();
        Locator asAt = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("As at").setExact(true));
        assertThat(asAt.getByLabel("Day")).hasValue(String.valueOf(past.getDayOfMonth()));

        // 31 February: the design system's error summary and the field's own message, and no error page
        asAt.getByLabel("Day").fill("31");
        asAt.getByLabel("Month").fill("2");
        asAt.getByLabel("Year").fill(String.valueOf(today.getYear()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show timeline")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("There is a problem");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("The date to view as at must be a real date")).click();
        assertThat(asAt.getByLabel("Day")).isFocused();
        assertThat(asAt.locator(".govuk-error-message")).containsText("The date to view as at must be a real date");
        assertThat(asAt.getByLabel("Day")).hasValue("31");
        page.context().close();
    }

    private static Locator names(Page page) {
        return page.getByTestId("caseload").locator("tbody tr th a");
    }

    private static Locator pagination(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of the caseload"));
    }
}
