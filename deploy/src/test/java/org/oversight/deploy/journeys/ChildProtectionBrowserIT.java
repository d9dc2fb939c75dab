package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.Weekdays;

/**
 * A child's child protection journey as a chair records it in a real browser against the whole application:
 * strategy discussion, an initial conference that starts a plan under neglect, a review that changes the
 * category to emotional abuse, and the end of the plan; a conference dated on a Saturday refused on the form
 * without losing what was typed; and the plan between conferences: its actions agreed, the first core group and an
 * action done.
 */
class ChildProtectionBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?$");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String VIEWS_LABEL = "How did the child\u2019s views reach the conference?";
    private static final String SPOKE_FOR_THEMSELVES = "Attended and spoke for themselves";

    private static BrowserJourney journey;

    private BrowserContext context;
    private Page page;
    private static int children;

    // The journey's dates, relative to today in England and each moved back to a weekday, in this order.
    private final LocalDate today = LocalDate.now(LONDON);
    private final LocalDate strategyDiscussion = Weekdays.onOrBefore(today.minusDays(60));
    private final LocalDate initialConference = Weekdays.onOrBefore(today.minusDays(45));
    private final LocalDate review = Weekdays.onOrBefore(today.minusDays(20));
    private final LocalDate end = Weekdays.onOrBefore(today.minusDays(5));

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
    void aChairRecordsAStrategyDiscussionAPlanItsReviewAndItsEnd() throws Exception {
        signInAs("chair.brown");
        registerChild("Nia", "Neglect");
        Locator protectionActions = page.getByTestId("protection-actions");
        assertThat(page.getByText("No child protection decisions are recorded.")).isVisible();

        // Strategy discussion
        protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a strategy discussion")).click();
        assertThat(heading()).hasText("Record a strategy discussion");
        BrowserJourney.fillDate(page, "Date of the strategy discussion", strategyDiscussion);
        button("Save strategy discussion").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Strategy discussion recorded");
        Locator openEnquiry = page.getByTestId("open-enquiry");
        assertThat(openEnquiry).containsText("Section 47 enquiry started at a strategy discussion on "
                + LONG.format(strategyDiscussion));
        assertThat(openEnquiry).containsText("no initial conference is recorded yet");
        assertThat(protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a strategy discussion"))).hasCount(0);

        // Initial conference: a plan starts under neglect
        protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record an initial conference")).click();
        assertThat(heading()).hasText("Record an initial child protection conference");
        assertThat(radio("Type of conference", "Initial child protection conference")).isChecked();
        fillInitialConference(initialConference, "Neglect");
        button("Save conference").click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("plan started");
        Locator openPlan = page.getByTestId("open-plan");
        assertThat(openPlan).isVisible();
        assertThat(summaryRow(openPlan, "Child protection plan since")).containsText(LONG.format(initialConference));
        assertThat(summaryRow(openPlan, "Initial category")).containsText("Neglect");
        assertThat(page.getByTestId("latest-category")).hasText("Neglect");
        assertThat(summaryRow(openPlan, "Last review conference")).containsText("None yet");
        assertThat(page.getByTestId("open-enquiry")).hasCount(0);
        Locator conferences = page.getByTestId("conferences").locator("tbody tr");
        assertThat(conferences).hasCount(1);
        assertThat(conferences.first()).containsText(SHORT.format(initialConference));
        assertThat(conferences.first()).containsText("Initial child protection conference");
        assertThat(conferences.first()).containsText("Plan started");
        assertThat(conferences.first()).containsText("Neglect");
        assertThat(conferences.first()).containsText(SPOKE_FOR_THEMSELVES);
        assertThat(conferences.first()).containsText("Ben Brown");

        // Review conference: the plan continues, under emotional abuse
        protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a review conference")).click();
        assertThat(heading()).hasText("Record a review conference");
        BrowserJourney.fillDate(page, "Date of the review conference", review);
        Locator agencies = group("Agencies that attended");
        assertThat(agencies.getByLabel("Children's social care")).isChecked();
        agencies.getByLabel("Police", new Locator.GetByLabelOptions().setExact(true)).check();
        agencies.getByLabel("GP", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        radio("Does the child protection plan continue?", "Yes").check();
        Locator latestCategory = page.getByLabel("Category of abuse from this review (if the plan continues)");
        assertThat(latestCategory).hasValue("NEG");
        latestCategory.selectOption(new SelectOption().setLabel("Emotional abuse"));
        radio("Did the child attend?", "Yes").check();
        page.getByLabel(VIEWS_LABEL, new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(SPOKE_FOR_THEMSELVES));
        button("Save review conference").click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Review conference recorded");
        assertThat(page.getByTestId("latest-category")).hasText("Emotional abuse");
        assertThat(summaryRow(page.getByTestId("open-plan"), "Initial category")).containsText("Neglect");
        assertThat(summaryRow(page.getByTestId("open-plan"), "Last review conference"))
                .containsText(LONG.format(review));
        assertThat(conferences).hasCount(2);
        assertThat(conferences.first()).containsText(SHORT.format(review));
        assertThat(conferences.first()).containsText("Review conference");
        assertThat(conferences.first()).containsText("Plan continues");
        assertThat(conferences.first()).containsText("Emotional abuse");

        // The plan ends without a conference
        protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("End the plan without a conference")).click();
        assertThat(heading()).hasText("End the child protection plan");
        BrowserJourney.fillDate(page, "Date the plan ended", end);
        page.getByLabel("Why the plan ended")
                .selectOption(new SelectOption().setLabel("No longer at continuing risk of significant harm"));
        button("End plan").click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Child protection plan ended");
        assertThat(page.getByTestId("open-plan")).hasCount(0);
        assertThat(page.getByTestId("latest-category")).hasCount(0);
        Locator plans = page.getByTestId("plans").locator("tbody tr");
        assertThat(plans).hasCount(1);
        assertThat(plans.first()).containsText(SHORT.format(initialConference));
        assertThat(plans.first()).containsText(SHORT.format(end) + " – No longer at continuing risk of significant harm");
        assertThat(plans.first().locator("td").nth(1)).hasText("Neglect");
        assertThat(plans.first().locator("td").nth(2)).hasText("Emotional abuse");
        assertThat(plans.first().locator("td").nth(3)).hasText("1");
        assertThat(conferences).hasCount(2);
        assertThat(protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a review conference"))).hasCount(0);
        assertThat(protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a strategy discussion"))).isVisible();
        screenshot("child-protection");
    }

    @Test
    void aConferenceOnASaturdayIsRefusedOnTheFormAndWhatWasTypedIsKept() {
        signInAs("chair.brown");
        registerChild("Sol", "Saturday");
        String childPage = page.url().replaceFirst("\\?.*$", "");
        recordStrategyDiscussion();
        String form = openInitialConferenceForm();
        LocalDate saturday = initialConference;
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.minusDays(1);
        }
        fillInitialConference(saturday, "Neglect");
        button("Save conference").click();

        assertThat(page).hasURL(form);
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).containsText("There is a problem");
        assertThat(summary).containsText("not held at weekends");
        assertThat(summary).containsText(LONG.format(saturday) + " is a Saturday");
        assertThat(summary.getByRole(AriaRole.LINK)).hasCount(1);
        assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#heldOn-day");
        assertThat(page.locator("#heldOn-error")).containsText("not held at weekends");

        Locator date = group("Date of the conference");
        assertThat(date.getByLabel("Day")).hasValue(String.valueOf(saturday.getDayOfMonth()));
        assertThat(date.getByLabel("Month")).hasValue(String.valueOf(saturday.getMonthValue()));
        assertThat(date.getByLabel("Year")).hasValue(String.valueOf(saturday.getYear()));
        assertThat(radio("Type of conference", "Initial child protection conference")).isChecked();
        Locator agencies = group("Agencies that attended");
        assertThat(agencies.getByLabel("Children's social care")).isChecked();
        assertThat(agencies.getByLabel("Police", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(agencies.getByLabel("GP", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        assertThat(agencies.getByLabel("Midwife", new Locator.GetByLabelOptions().setExact(true))).not().isChecked();
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        assertThat(radio("Does the child become subject to a child protection plan?",
                "Yes, the child becomes subject to a child protection plan")).isChecked();
        // exact labels: the chair's other children bring the siblings' own category and views fields to the form
        assertThat(page.getByLabel("Category of abuse (if a plan starts)", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("NEG");
        assertThat(radio("Did the child attend?", "Yes")).isChecked();
        assertThat(page.getByLabel(VIEWS_LABEL, new Page.GetByLabelOptions().setExact(true)))
                .hasValue("ATTENDED_SPOKE_FOR_SELF");

        // Only the date needs changing for the same conference to be recorded.
        BrowserJourney.fillDate(page, "Date of the conference", initialConference);
        button("Save conference").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertTrue(page.url().startsWith(childPage), "back on the child's page: " + page.url());
        assertThat(successBanner()).containsText("plan started");
        assertThat(page.getByTestId("latest-category")).hasText("Neglect");
        assertThat(page.getByTestId("conferences").locator("tbody tr")).hasCount(1);
    }

    @Test
    void aPlanWithoutACategoryIsRefusedOnTheFormPointingAtTheCategory() {
        signInAs("chair.brown");
        registerChild("Cass", "Uncategorised");
        recordStrategyDiscussion();
        String form = openInitialConferenceForm();
        fillInitialConference(initialConference, null);
        button("Save conference").click();

        assertThat(page).hasURL(form);
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        Locator summary = page.locator(".govuk-error-summary");
        String message = "Select the category of abuse under which the child becomes subject to a plan";
        assertThat(summary).containsText(message);
        assertThat(radio("Does the child become subject to a child protection plan?",
                "Yes, the child becomes subject to a child protection plan")).isChecked();
        // The summary links to the category and the category says what is wrong, as for every other field.
        assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(message)))
                .hasAttribute("href", "#initialCategory");
        assertThat(page.locator("#initialCategory-error")).containsText(message);
    }

    @Test
    void oneConferenceDecidesForTwoSiblingsAndEachChildsRecordShowsIt() {
        signInAs("chair.brown");
        registerChild("Ada", "Sibling");
        String adaPage = page.url().replaceFirst("\\?.*$", "");
        recordStrategyDiscussion();
        registerChild("Ben", "Sibling");
        recordStrategyDiscussion();
        openInitialConferenceForm();
        fillInitialConference(initialConference, "Neglect");

        page.getByText("Other children decided at this conference").click();
        Locator other = group("Other child 1");
        other.getByLabel("Which child").selectOption(new SelectOption().setLabel("Ada Sibling"));
        other.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions()
                        .setName("Does this child become subject to a child protection plan?"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                        .setName("Yes, the child becomes subject to a child protection plan"))
                .check();
        other.getByLabel("This child\u2019s category of abuse (if a plan starts)")
                .selectOption(new SelectOption().setLabel("Emotional abuse"));
        other.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Did this child attend?"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No").setExact(true)).check();
        other.getByLabel("How did this child\u2019s views reach the conference?")
                .selectOption(new SelectOption().setLabel("No views conveyed"));
        button("Save conference").click();

        assertThat(successBanner()).containsText("plan started");
        assertThat(page.getByTestId("conferences")).containsText("With 1 sibling");
        assertThat(summaryRow(page.getByTestId("open-plan"), "Latest category")).containsText("Neglect");

        page.navigate(adaPage);
        assertThat(heading()).hasText("Ada Sibling");
        assertThat(page.getByTestId("conferences")).containsText("With 1 sibling");
        assertThat(summaryRow(page.getByTestId("open-plan"), "Initial category")).containsText("Emotional abuse");
    }

    /**
     * After an initial conference, the chair's summary and analysis (one passage withheld from the parents) and the
     * outcome letter's sending are recorded through the API; the chair downloads the letter and both versions of the
     * minutes from the child's page, and the parents' version leaves the withheld passage out.
     */
    @Test
    void aChairDownloadsTheOutcomeLetterAndTheMinutesOfAConference() throws Exception {
        String summary = "Pip needs a plan to keep them safe from neglect";
        String withheld = "The health visitor shared what a neighbour reported";
        signInAs("chair.brown");
        registerChild("Pip", "Paperwork");
        String childId = page.url().replaceFirst("\\?.*$", "").replaceFirst(".*/children/", "");
        recordStrategyDiscussion();
        openInitialConferenceForm();
        fillInitialConference(initialConference, "Neglect");
        button("Save conference").click();
        assertThat(successBanner()).containsText("plan started");

        ApiClient api = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String conferenceId = json.readTree(api.get("/api/children/" + childId + "/protection").body())
                .get("conferences").get(0).get("conferenceId").asText();
        String papers = "/api/children/" + childId + "/protection/conferences/" + conferenceId + "/";
        org.assertj.core.api.Assertions.assertThat(api.post(papers + "minutes", """
                {"summary":"%s","passages":[{"text":"%s","withheldFromParents":true}]}"""
                .formatted(summary, withheld)).statusCode()).isEqualTo(200);
        var sent = api.post(papers + "papers-sent",
                "{\"paper\":\"OUTCOME_LETTER\",\"sentOn\":\"%s\"}".formatted(initialConference));
        org.assertj.core.api.Assertions.assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        long sequence = json.readTree(sent.body()).get("sequence").asLong();
        page.navigate(journey.app().baseUrl() + "/children/" + childId + "?awaiting=protection-" + childId + ":"
                + sequence);

        Locator conferencePapers = page.getByTestId("conference-papers");
        assertThat(conferencePapers).containsText("Outcome letter to the parents: sent "
                + SHORT.format(initialConference));
        assertThat(conferencePapers).containsText("Full minutes: not sent");
        String letter = pdfText(page.waitForDownload(() -> conferencePapers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Outcome letter (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(letter).contains("Dear parent or carer", summary,
                "category of neglect");
        String minutes = pdfText(page.waitForDownload(() -> conferencePapers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Minutes (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(minutes).contains(summary, withheld, "Ben Brown");
        String forParents = pdfText(page.waitForDownload(() -> conferencePapers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Minutes for the parents (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(forParents).contains(summary).doesNotContain(withheld);
    }

    /**
     * After the initial conference the chair agrees the plan with two SMART actions, records the first core group
     * with progress on both, and marks one action done, all through the forms; the child's page then shows the
     * core group met in time, one action done and one still open.
     */
    @Test
    void aChairAgreesThePlanRecordsTheFirstCoreGroupAndCompletesAnAction() {
        String referral = "Refer the family to parenting support";
        String dentist = "Register Kit with a dentist";
        LocalDate coreGroup = Weekdays.onOrBefore(initialConference.plusDays(7));
        signInAs("chair.brown");
        registerChild("Kit", "Coregroup");
        recordStrategyDiscussion();
        openInitialConferenceForm();
        fillInitialConference(initialConference, "Neglect");
        button("Save conference").click();
        assertThat(successBanner()).containsText("plan started");
        Locator protectionActions = page.getByTestId("protection-actions");

        // The plan: outcomes, contingency plan and two SMART actions, in the first two of the form's rows
        protectionActions.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Agree the plan's outcomes, actions and contingency plan")).click();
        assertThat(heading()).hasText("Agree the child protection plan");
        assertThat(page.getByLabel("The conference that agreed the plan")).containsText(LONG.format(initialConference));
        page.getByLabel("Outcomes for the child").fill("Kit is safe at home\nKit goes to school every day");
        page.getByLabel("Contingency plan").fill("A legal planning meeting if the home becomes unsafe");
        Locator first = group("Action 1");
        first.getByLabel("What is to be done").fill(referral);
        first.getByLabel("Who is responsible").fill("Social worker");
        BrowserJourney.fillDate(first, "Due by", initialConference.plusDays(20));
        Locator second = group("Action 2");
        second.getByLabel("What is to be done").fill(dentist);
        second.getByLabel("Who is responsible").fill("Health visitor");
        BrowserJourney.fillDate(second, "Due by", today.plusDays(20));
        button("Save the plan").click();
        assertThat(page).hasURL(Pattern.compile(".*/children/[0-9a-fA-F-]{36}\\?.*"));
        assertThat(successBanner()).containsText("Plan agreed");
        Locator actions = page.getByTestId("plan-actions").locator("tbody tr");
        assertThat(actions).hasCount(2);

        // The first core group, reached by the keyboard, with progress on both actions
        Locator coreGroupLink = protectionActions.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a core group meeting"));
        BrowserJourney.pressEnterOn(page, coreGroupLink);
        assertThat(heading()).hasText("Record a core group meeting");
        BrowserJourney.fillDate(page, "Date of the core group meeting", coreGroup);
        Locator attended = group("Who attended");
        assertThat(attended.getByLabel("Children's social care")).isChecked();
        attended.getByLabel("School", new Locator.GetByLabelOptions().setExact(true)).check();
        radio(referral + " (Social worker)", "On track").check();
        radio(dentist + " (Health visitor)", "Delayed").check();
        button("Save core group meeting").click();
        assertThat(successBanner()).containsText("Core group meeting recorded");

        // One action done, from its own row
        actions.filter(new Locator.FilterOptions().setHasText(referral)).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Done\\s+" + referral))).click();
        assertThat(heading()).hasText("Complete an action of the plan");
        assertThat(page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)))
                .containsText(referral);
        BrowserJourney.fillDate(page, "Date the action was done", coreGroup);
        button("Save completion").click();
        assertThat(successBanner()).containsText("Action completed");

        Locator coreGroups = page.getByTestId("core-groups").locator("tbody tr");
        assertThat(coreGroups).hasCount(1);
        assertThat(coreGroups.first()).containsText(SHORT.format(coreGroup));
        assertThat(coreGroups.first()).containsText("2 actions reviewed");
        assertThat(coreGroups.first()).containsText("Happened in time");
        assertThat(actions.filter(new Locator.FilterOptions().setHasText(referral)))
                .containsText("Done on " + SHORT.format(coreGroup));
        assertThat(actions.filter(new Locator.FilterOptions().setHasText(dentist))).containsText("Open");
        assertThat(page.getByTestId("plan-clocks")).not().containsText("First core group meeting");
        assertThat(page.getByTestId("plan-clocks")).containsText("Core group meeting");
    }

    private static String pdfText(com.microsoft.playwright.Download download) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                Files.readAllBytes(download.path()))) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    // Steps

    private void recordStrategyDiscussion() {
        page.getByTestId("protection-actions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a strategy discussion")).click();
        BrowserJourney.fillDate(page, "Date of the strategy discussion", strategyDiscussion);
        button("Save strategy discussion").click();
        assertThat(successBanner()).containsText("Strategy discussion recorded");
    }

    /** Opens the initial conference form from the child's page; answers its address. */
    private String openInitialConferenceForm() {
        page.getByTestId("protection-actions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record an initial conference")).click();
        assertThat(heading()).hasText("Record an initial child protection conference");
        return page.url();
    }

    private void signInAs(String username) {
        BrowserJourney.signIn(page, username);
        assertThat(page).hasURL(journey.app().baseUrl() + "/");
    }

    /** Registers a child through the form and ends on the child's page. */
    private void registerChild(String givenName, String familyName) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register a child")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/children/new");
        page.getByLabel("Local authority", new Page.GetByLabelOptions().setExact(true)).selectOption("DEMO-N");
        page.getByLabel("The local authority's identifier for the child").fill("CPB" + (++children));
        page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill(givenName);
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill(familyName);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", LocalDate.of(2017, 9, 4));
        button("Register child").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Child registered");
        assertThat(heading()).hasText(givenName + " " + familyName);
        allocateMyselfAsChildProtectionChair();
    }

    /** A chair records child protection decisions only for a child allocated to them: takes the new child on. */
    private void allocateMyselfAsChildProtectionChair() {
        page.getByTestId("chairs").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Allocate Child protection chair")).click();
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        BrowserJourney.fillDate(page, "Allocated from", strategyDiscussion.minusDays(1));
        button("Save allocation").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Chair allocated");
    }

    /**
     * Everything of a quorate initial conference at which the child becomes subject to a plan.
     *
     * @param category the category of abuse chosen, or {@code null} to leave it unchosen
     */
    private void fillInitialConference(LocalDate heldOn, String category) {
        BrowserJourney.fillDate(page, "Date of the conference", heldOn);
        Locator agencies = group("Agencies that attended");
        assertThat(agencies.getByLabel("Children's social care")).isChecked();
        agencies.getByLabel("Police", new Locator.GetByLabelOptions().setExact(true)).check();
        agencies.getByLabel("GP", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(page.getByLabel("Chair", new Page.GetByLabelOptions().setExact(true))).hasValue("chair.brown");
        radio("Does the child become subject to a child protection plan?",
                "Yes, the child becomes subject to a child protection plan").check();
        if (category != null) {
            page.getByLabel("Category of abuse (if a plan starts)", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(category));
        }
        assertThat(page.getByLabel("Number of previous child protection plans", new Page.GetByLabelOptions().setExact(true))).hasValue("0");
        radio("Did the child attend?", "Yes").check();
        page.getByLabel(VIEWS_LABEL, new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(SPOKE_FOR_THEMSELVES));
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
