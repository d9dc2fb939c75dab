package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * The child's voice as an IRO records it in a real browser against the whole application: a written contact is
 * kept but leaves the consultation before the first review due on the timeline; a private conversation (reg 36 of
 * SI 2010/959) meets it, and the timeline's next open item moves on to the review itself; an advocacy referral and
 * a meeting the IRO chaired show on the child's page.
 */
class ChildVoiceBrowserIT {

    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/([0-9a-fA-F-]{36})(\\?.*)?(#.*)?$");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

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
    void anIroSpeaksToTheChildInPrivateAndRefersThemForAnAdvocate() {
        LocalDate today = journey.clock().today();
        signInAs("chair.brown");
        registerChild("Robin", "Voiceby", today.minusYears(12));
        String childPage = page.url().replaceAll("[?#].*$", "");
        allocateMyselfAsIro(today.minusDays(12));
        lookedAfterLink("Start a period of care").click();
        BrowserJourney.fillDate(page, "Date the child started to be looked after", today.minusDays(10));
        page.getByLabel("Legal status", new Page.GetByLabelOptions().setExact(true)).selectOption("C2");
        button("Save period of care").click();
        assertThat(successBanner()).containsText("Period of care started");

        // a letter from the child: kept, but the consultation before the review is still due
        lookedAfterLink("Record a consultation with the child").click();
        BrowserJourney.fillDate(page, "Date of the consultation", today.minusDays(6));
        radio("How was the child consulted?", "In writing (letter, message or consultation form)").check();
        radio("Did you see or speak to the child on their own?", "No").check();
        radio("Did you speak to the child in private about what the review will consider?",
                "Not a private conversation (written or through an advocate)").check();
        button("Save consultation").click();
        assertThat(successBanner()).containsText("Consultation recorded");
        page.navigate(childPage + "/timeline");
        Locator consultation = clockRow("Child consulted before the first looked-after review");
        assertThat(consultation).containsText("Due within 20 working days");
        assertThat(consultation).not().containsText(today.minusDays(6).format(SHORT));

        // speaking to the child in private meets it; what is still due before the review is the review itself
        page.navigate(childPage);
        lookedAfterLink("Record a consultation with the child").click();
        BrowserJourney.fillDate(page, "Date of the consultation", today.minusDays(2));
        radio("How was the child consulted?", "In person").check();
        radio("Did you see or speak to the child on their own?", "Yes").check();
        radio("Did you speak to the child in private about what the review will consider?",
                "Spoke to the child in private").check();
        button("Save consultation").click();
        assertThat(successBanner()).containsText("Consultation recorded");
        assertThat(page.getByTestId("iro-monitoring")).containsText("spoke to the child in private");
        page.navigate(childPage + "/timeline");
        consultation = clockRow("Child consulted before the first looked-after review");
        assertThat(consultation).containsText("Happened in time");
        assertThat(consultation).containsText(today.minusDays(2).format(SHORT));
        // (the health assessment, dental check and PEP clocks run beside them and are not the voice's)
        assertThat(dueClocks().filter(new Locator.FilterOptions().setHasText("consulted"))).hasCount(0);
        assertThat(dueClocks().filter(new Locator.FilterOptions().setHasText("First looked-after review")))
                .hasCount(1);

        // the child is referred for an advocate
        page.navigate(childPage);
        lookedAfterLink("Record advocacy or how to complain").click();
        radio("What happened?", "Referred to the advocacy service").check();
        BrowserJourney.fillDate(page, "Date it happened", today.minusDays(1));
        button("Save").click();
        assertThat(successBanner()).containsText("Advocacy recorded");
        assertThat(page.getByTestId("advocacy")).containsText("Referred to the advocacy service");
        assertThat(page.getByTestId("advocacy")).containsText(today.minusDays(1).format(SHORT));

        // a meeting the IRO chaired: refused until it says who took part, then on the child's page
        lookedAfterLink("Record a meeting you chaired").click();
        radio("Type of meeting", "Disruption meeting").check();
        BrowserJourney.fillDate(page, "Date of the meeting", today);
        page.getByLabel("Outcome").fill("Placement to continue with extra support");
        button("Save meeting").click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the roles of those who took part");
        assertThat(page.getByLabel("Outcome")).hasValue("Placement to continue with extra support");
        group("Who took part").getByLabel("Carer", new Locator.GetByLabelOptions().setExact(true)).check();
        group("Who took part").getByLabel("Social worker", new Locator.GetByLabelOptions().setExact(true)).check();
        button("Save meeting").click();
        assertThat(successBanner()).containsText("Meeting recorded");
        assertThat(page.getByTestId("meetings-chaired")).containsText("Disruption meeting");
        assertThat(page.getByTestId("meetings-chaired")).containsText("Carer, Social worker");
    }

    /** The clocks on the timeline still due: neither happened nor no longer needed. */
    private Locator dueClocks() {
        return page.getByTestId("clocks").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasNotText(Pattern.compile("Happened|Not needed")));
    }

    private Locator clockRow(String name) {
        return page.getByTestId("clocks").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText(name)).first();
    }

    private void signInAs(String username) {
        BrowserJourney.signIn(page, username);
    }

    private void registerChild(String givenName, String familyName, LocalDate dateOfBirth) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register a child")).click();
        page.getByLabel("Local authority", new Page.GetByLabelOptions().setExact(true)).selectOption("DEMO-N");
        page.getByLabel("The local authority's identifier for the child").fill("VOX1");
        page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill(givenName);
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill(familyName);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", dateOfBirth);
        button("Register child").click();
        assertThat(page).hasURL(CHILD_PAGE);
    }

    private void allocateMyselfAsIro(LocalDate from) {
        page.getByTestId("chairs").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Allocate Independent Reviewing Officer")).click();
        BrowserJourney.fillDate(page, "Allocated from", from);
        button("Save allocation").click();
        assertThat(successBanner()).containsText("Chair allocated");
    }

    private Locator lookedAfterLink(String name) {
        return page.getByTestId("looked-after-links").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
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
}
