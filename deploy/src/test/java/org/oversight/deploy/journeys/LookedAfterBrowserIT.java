package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.BrowserJourney;

/**
 * A looked-after child's care plan as an IRO keeps it in a real browser against the whole application, with a
 * clock the test moves on: the IRO registers a child and takes them on, starts a period of care, records a
 * consultation, holds a review (first refused for a participation code that does not fit the child's age, with
 * nothing typed lost), agrees two actions and completes one; eleven days later the other shows as overdue, in
 * words and not only in colour, on the child's page and on the caseload.
 */
class LookedAfterBrowserIT {

    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?(#.*)?$");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String HEALTH = "Complete the health assessment";
    private static final String SCHOOL = "Find a school place";

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
    void anIroKeepsACarePlanAndSeesAnActionBecomeOverdueOnceTheClockPassesItsDueDate() throws Exception {
        LocalDate today = journey.clock().today();
        signInAs("chair.brown");
        registerChild("Jamie", "Carewell", today.minusYears(11));
        allocateMyselfAsIro(today.minusDays(30));

        // A period of care
        lookedAfterLink("Start a period of care").click();
        assertThat(heading()).hasText("Start a period of care");
        BrowserJourney.fillDate(page, "Date the child started to be looked after", today.minusDays(20));
        page.getByLabel("Legal status", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setValue("C2"));
        page.getByLabel("Placement type (SSDA903 code, optional)").fill("u6");
        button("Save period of care").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Period of care started");
        Locator period = page.getByTestId("current-period");
        assertThat(summaryRow(period, "Looked after since")).containsText(today.minusDays(20).format(LONG));
        assertThat(summaryRow(period, "Legal status")).containsText("C2 – Full care order");
        assertThat(summaryRow(period, "Placement")).containsText("U6");

        // The child's voice before the review
        lookedAfterLink("Record a consultation with the child").click();
        BrowserJourney.fillDate(page, "Date of the consultation", today.minusDays(5));
        radio("How was the child consulted?", "In person").check();
        radio("Did you see or speak to the child on their own?", "Yes").check();
        radio("Did you speak to the child in private about what the review will consider?",
                "Spoke to the child in private").check();
        assertThat(page.getByLabel("IRO", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        button("Save consultation").click();
        assertThat(successBanner()).containsText("Consultation recorded");
        assertThat(page.getByTestId("iro-monitoring")).containsText("In person; seen alone; spoke to the child in private");

        // The review: a code for a child under 4 is refused for an 11-year-old, and nothing typed is lost
        lookedAfterLink("Record a review").click();
        assertThat(heading()).hasText("Record a looked-after review");
        BrowserJourney.fillDate(page, "Date of the review", today);
        radio("How did the child take part in the review?", "PN0: Child under 4 at the review").check();
        radio("Did you speak to the child before the review?", "Yes").check();
        page.getByLabel("Decisions").fill("Jamie stays with the current foster carers\n\nContact with mother weekly");
        page.getByLabel("Recommendations").fill("Referral to CAMHS");
        fillAction(1, HEALTH, "Social worker", today.plusDays(3));
        fillAction(3, SCHOOL, "Virtual school head", today.plusDays(10));
        button("Save review").click();

        assertThat(page).hasTitle(Pattern.compile("^Error: Record a looked-after review"));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("PN0 is for a child under 4");
        assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#participation");
        assertThat(page.getByLabel("Decisions")).hasValue("Jamie stays with the current foster carers\n\nContact with mother weekly");
        // the blank second row was dropped, so the school place now stands second
        assertThat(group("Action 2").getByLabel("What is to be done")).hasValue(SCHOOL);
        assertThat(group("Action 3").getByLabel("What is to be done")).hasValue("");
        radio("How did the child take part in the review?", "PN1: Attended and spoke for themselves").check();
        button("Save review").click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Review recorded");
        Locator reviews = page.getByTestId("looked-after-reviews");
        Locator reviewRow = reviews.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHasText(today.format(SHORT)));
        assertThat(reviewRow).containsText("PN1");
        assertThat(reviewRow).containsText("Attended and spoke for themselves");
        assertThat(reviewRow.getByRole(AriaRole.CELL).nth(2)).hasText("Yes");
        assertThat(actionRow(HEALTH)).containsText("Open");
        assertThat(actionRow(SCHOOL)).containsText("Open");

        // One action done today
        // the link's name goes on with the action's words, hidden but read out: "Complete: Complete the ..."
        actionRow(HEALTH).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Complete\\b.*" + HEALTH + "$"))).click();
        assertThat(heading()).hasText("Complete an action");
        assertThat(page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(Pattern.compile("[0-9a-f-]{36}"));
        BrowserJourney.fillDate(page, "Date the action was done", today);
        button("Save completion").click();
        assertThat(successBanner()).containsText("Action completed");
        assertThat(actionRow(HEALTH).locator(".govuk-tag")).hasText("Completed");
        assertThat(actionRow(SCHOOL).locator(".govuk-tag")).hasText("Open");

        // Eleven days on: the school place was due yesterday and is overdue; the completed action is not
        journey.clock().moveOn(Duration.ofDays(11));
        page.reload();
        Locator overdue = actionRow(SCHOOL).locator(".govuk-tag");
        assertThat(overdue).hasText("Overdue");
        assertThat(overdue).hasClass(Pattern.compile("govuk-tag--red"));
        assertThat(actionRow(HEALTH).locator(".govuk-tag")).hasText("Completed");
        assertThat(page.getByTestId("care-plan-actions").locator("caption")).hasText("Care plan actions: 1 overdue");
        screenshot("looked-after");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My caseload")).click();
        Locator row = page.getByTestId("caseload").getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jamie Carewell"))));
        assertThat(row).hasCount(1);
        Locator lookedAfter = row.getByTestId("looked-after");
        assertThat(lookedAfter).containsText("Since " + today.minusDays(20).format(SHORT));
        assertThat(lookedAfter).containsText("Last review " + today.format(SHORT) + ", PN1, consulted before");
        assertThat(lookedAfter.getByTestId("open-actions")).hasText("1 open action");
        assertThat(lookedAfter.getByTestId("overdue-actions")).hasText("1 overdue");
        assertThat(lookedAfter).containsText("0 changes of IRO in this period");
    }

    // Steps

    private void signInAs(String username) {
        BrowserJourney.signIn(page, username);
        assertThat(page).hasURL(journey.app().baseUrl() + "/");
    }

    private void registerChild(String givenName, String familyName, LocalDate dateOfBirth) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register a child")).click();
        page.getByLabel("Local authority", new Page.GetByLabelOptions().setExact(true)).selectOption("DEMO-N");
        page.getByLabel("The local authority's identifier for the child").fill("LAB1");
        page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill(givenName);
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill(familyName);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", dateOfBirth);
        button("Register child").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(heading()).hasText(givenName + " " + familyName);
    }

    private void allocateMyselfAsIro(LocalDate from) {
        page.getByTestId("chairs").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Allocate Independent Reviewing Officer")).click();
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        BrowserJourney.fillDate(page, "Allocated from", from);
        button("Save allocation").click();
        assertThat(successBanner()).containsText("Chair allocated");
    }

    private void fillAction(int row, String action, String owner, LocalDate dueOn) {
        Locator group = group("Action " + row);
        group.getByLabel("What is to be done").fill(action);
        group.getByLabel("Who is responsible").fill(owner);
        BrowserJourney.fillDate(group, "Due by", dueOn);
    }

    private Locator lookedAfterLink(String name) {
        return page.getByTestId("looked-after-links").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator actionRow(String action) {
        return page.getByTestId("care-plan-actions").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(action));
    }

    private Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private Locator successBanner() {
        return page.locator(".govuk-notification-banner--success");
    }

    private Locator group(String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    private Locator radio(String legend, String label) {
        return group(legend).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private static Locator summaryRow(Locator list, String key) {
        return list.locator(".govuk-summary-list__row", new Locator.LocatorOptions().setHasText(key));
    }

    private void screenshot(String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }

}
