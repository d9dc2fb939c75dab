package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.Weekdays;

/**
 * One child's story as a chair works it, in order, on the forms the child's page links to: an initial conference
 * starting a plan under neglect; who was invited and who came; each agency's recommendation with the school
 * dissenting (a dissent first saved without its reason is refused on its row, and put right with the keyboard
 * alone); the plan agreed with two SMART actions; the outcome letter sent; the first core group, within 10 working
 * days, with progress on both actions; the summary and analysis written with a passage withheld from the parents.
 * The letter and both minutes are then downloaded and their text read back.
 */
class ConferenceAsItHappenedBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?$");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static BrowserJourney journey;

    private BrowserContext context;
    private Page page;

    private final LocalDate today = LocalDate.now(LONDON);
    private final LocalDate strategyDiscussion = Weekdays.onOrBefore(today.minusDays(30));
    private final LocalDate initialConference = Weekdays.onOrBefore(today.minusDays(15));
    private final LocalDate letterSent = weekdayOnOrAfter(initialConference.plusDays(1));
    // Seven days on, moved back to a weekday: well inside the 10 working days, whatever the bank holidays.
    private final LocalDate firstCoreGroup = Weekdays.onOrBefore(initialConference.plusDays(7));

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
    void aChairHoldsTheConferenceAgreesThePlanMeetsTheCoreGroupAndDownloadsThePapers() throws IOException {
        String dissent = "The school has seen attendance improve all term";
        String referral = "Refer the family to parenting support";
        String dentist = "Register Robin with a dentist";
        String summary = "Robin needs a plan to keep them safe from neglect";
        String shown = "The family have engaged with the family support worker";
        String withheld = "A neighbour described what they saw on the evening";
        BrowserJourney.signIn(page, "chair.brown");
        registerChild("Robin", "Happened");
        recordInitialConference();

        recordAttendance();
        recordRecommendationsWithTheSchoolDissenting(dissent);
        agreeThePlan(referral, dentist);
        recordOutcomeLetterSent();
        recordFirstCoreGroup(referral, dentist);
        writeSummaryAndAnalysis(summary, shown, withheld);

        // The papers, read back
        Locator papers = page.getByTestId("conference-papers");
        String letter = download(papers, "Outcome letter (PDF)");
        org.assertj.core.api.Assertions.assertThat(letter).contains("Dear parent or carer", summary,
                "category of neglect");
        String minutes = download(papers, "Minutes (PDF)");
        org.assertj.core.api.Assertions.assertThat(minutes).contains(summary, shown, withheld, "School", dissent);
        String forParents = download(papers, "Minutes for the parents (PDF)");
        org.assertj.core.api.Assertions.assertThat(forParents).contains(summary, shown).doesNotContain(withheld);
    }

    // The conference as it happened

    /** Who was invited and who attended: the agencies that attended are filled in; the school was invited. */
    private void recordAttendance() {
        asItHappened().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Record who was invited and who attended")).click();
        assertThat(heading()).hasText("Who was invited and who attended");
        Locator child = group("Person 1");
        assertThat(child.getByLabel("Role")).hasValue("CHILD");
        child.getByLabel("How much of the conference they attended").selectOption(
                new SelectOption().setLabel("Attended part of it"));
        Locator parent = group("Person 2");
        parent.getByLabel("Name (optional, for the child, a parent or a carer)").fill("Alex Happened");
        parent.getByLabel("How much of the conference they attended").selectOption(
                new SelectOption().setLabel("Attended all of it"));
        group("Person 3").getByLabel("Role").selectOption(new SelectOption().setLabel("Leave this row out"));
        Locator police = group("Person 5");
        assertThat(police.getByLabel("Agency (for an agency\u2019s representative)")).hasValue("Police");
        police.getByLabel("Report for the conference").selectOption(
                new SelectOption().setLabel("Report received and shared with the family in time"));
        Locator school = group("Person 7");
        school.getByLabel("Role").selectOption(new SelectOption().setLabel("An agency"));
        school.getByLabel("Agency (for an agency\u2019s representative)").fill("School");
        school.getByLabel("Invited to the conference").focus();
        assertThat(school.getByLabel("Invited to the conference")).isChecked();
        school.getByLabel("How much of the conference they attended").selectOption(
                new SelectOption().setLabel("Did not attend"));
        BrowserJourney.pressEnterOn(page, button("Save attendance"));
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Attendance recorded");
        Locator attendance = page.getByTestId("attendance");
        assertThat(attendance.locator("tbody tr")).hasCount(6);
        assertThat(attendance).containsText("A parent (Alex Happened)");
        assertThat(attendance).containsText("Received; shared with the family in time");
        assertThat(page.getByTestId("parents-attended")).containsText("Parents and carers attended all of it");
    }

    /**
     * Each agency's recommendation, the school recommending no plan: saved first without the school's reason,
     * which is refused on its row with what was typed kept, then put right with the keyboard alone.
     */
    private void recordRecommendationsWithTheSchoolDissenting(String dissent) {
        asItHappened().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Record the agencies\u2019 recommendations")).click();
        assertThat(heading()).hasText("The agencies\u2019 recommendations");
        assertThat(radio("What the chair decided", "A child protection plan")).isChecked();
        assertThat(page.getByLabel("Category of abuse (with a plan)", new Page.GetByLabelOptions().setExact(true))
                .first()).hasValue("NEG");
        for (String agency : new String[] {"Agency 1", "Agency 2", "Agency 3"}) {
            Locator row = group(agency);
            row.getByLabel("Recommended").selectOption(new SelectOption().setLabel("A child protection plan"));
            row.getByLabel("Category of abuse (with a plan)").selectOption(new SelectOption().setLabel("Neglect"));
        }
        Locator schoolRecommends = group("Agency 4");
        schoolRecommends.getByLabel("Agency", new Locator.GetByLabelOptions().setExact(true)).fill("School");
        schoolRecommends.getByLabel("Recommended").selectOption(new SelectOption().setLabel("No plan"));
        page.getByLabel("The family\u2019s views of the decision (optional)").fill("The parents accept the plan");
        button("Save recommendations").click();

        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        Locator problems = page.locator(".govuk-error-summary");
        String rule = "The agency dissented from the chair's decision: record its reason";
        assertThat(problems).containsText(rule);
        assertThat(problems).isFocused();
        assertThat(group("Agency 4").getByLabel("Agency", new Locator.GetByLabelOptions().setExact(true)))
                .hasValue("School");
        assertThat(page.getByLabel("The family\u2019s views of the decision (optional)"))
                .hasValue("The parents accept the plan");
        Locator reason = page.locator("[id='recommendations[3].dissentReason']");
        assertThat(page.locator("[id='recommendations[3].dissentReason-error']")).containsText(rule);
        page.keyboard().press("Tab");
        assertThat(problems.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(rule))).isFocused();
        page.keyboard().press("Enter");
        assertThat(reason).isFocused();
        page.keyboard().type(dissent);
        button("Save recommendations").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Recommendations recorded");
        Locator recommendations = page.getByTestId("recommendations");
        assertThat(recommendations.locator("tbody tr")).hasCount(4);
        assertThat(recommendations).containsText("Dissented: " + dissent);
        assertThat(page.getByTestId("family-views")).containsText("The parents accept the plan");
    }

    // The plan between conferences

    /** The plan's outcomes, contingency plan and two SMART actions, in the first two of the form's rows. */
    private void agreeThePlan(String referral, String dentist) {
        page.getByTestId("protection-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Agree the plan's outcomes, actions and contingency plan")).click();
        assertThat(heading()).hasText("Agree the child protection plan");
        assertThat(page.getByLabel("The conference that agreed the plan")).containsText(LONG.format(initialConference));
        page.getByLabel("Outcomes for the child").fill("Robin is safe at home\nRobin goes to school every day");
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
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Plan agreed");
        Locator actions = planActions();
        assertThat(actions).hasCount(2);
        assertThat(actions.filter(new Locator.FilterOptions().setHasText(referral))).containsText("Open");
        assertThat(actions.filter(new Locator.FilterOptions().setHasText(dentist))).containsText("Open");
    }

    /**
     * The first core group, reached by the keyboard, with progress on both actions; the child's page then shows it
     * met in time and the first core group's clock met.
     */
    private void recordFirstCoreGroup(String referral, String dentist) {
        Locator coreGroupLink = page.getByTestId("protection-actions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a core group meeting"));
        BrowserJourney.pressEnterOn(page, coreGroupLink);
        assertThat(heading()).hasText("Record a core group meeting");
        BrowserJourney.fillDate(page, "Date of the core group meeting", firstCoreGroup);
        Locator attended = group("Who attended");
        assertThat(attended.getByLabel("Children's social care")).isChecked();
        attended.getByLabel("School", new Locator.GetByLabelOptions().setExact(true)).check();
        radio(referral + " (Social worker)", "On track").check();
        radio(dentist + " (Health visitor)", "Delayed").check();
        button("Save core group meeting").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Core group meeting recorded");
        Locator coreGroups = page.getByTestId("core-groups").locator("tbody tr");
        assertThat(coreGroups).hasCount(1);
        assertThat(coreGroups.first()).containsText(SHORT.format(firstCoreGroup));
        assertThat(coreGroups.first()).containsText("2 actions reviewed");
        assertThat(coreGroups.first()).containsText("Happened in time");
        assertThat(page.getByTestId("plan-clocks")).not().containsText("First core group meeting");
        assertThat(page.getByTestId("plan-clocks")).containsText("Core group meeting");
        assertThat(planActions()).hasCount(2);
    }

    // The papers

    private void recordOutcomeLetterSent() {
        Locator papers = page.getByTestId("conference-papers");
        papers.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Record a paper sent")))
                .click();
        assertThat(heading()).hasText("Record a paper sent");
        radio("Which paper was sent", "Outcome letter to the parents").check();
        BrowserJourney.fillDate(page, "Date it was sent", letterSent);
        button("Save").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Outcome letter to the parents recorded as sent");
        assertThat(papers).containsText("Outcome letter to the parents: sent " + SHORT.format(letterSent));
    }

    /** The chair's summary and two passages of analysis, the second withheld from the parents by the keyboard. */
    private void writeSummaryAndAnalysis(String summary, String shown, String withheld) {
        Locator papers = page.getByTestId("conference-papers");
        papers.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Write the summary and analysis"))).click();
        assertThat(heading()).hasText("Write the summary and analysis");
        page.getByLabel("The chair\u2019s summary of the conference").fill(summary);
        page.getByLabel("Text of passage 1", new Page.GetByLabelOptions().setExact(true)).fill(shown);
        page.getByLabel("Text of passage 2", new Page.GetByLabelOptions().setExact(true)).fill(withheld);
        Locator withhold = group("Passage 2").getByLabel("Withhold from the parents\u2019 minutes");
        withhold.focus();
        page.keyboard().press("Space");
        assertThat(withhold).isChecked();
        button("Save summary and analysis").click();
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Summary and analysis written");
        assertThat(papers).containsText("Summary and analysis written (1 withheld from the parents)");
    }

    /** Downloads one of the conference's papers from the child's page and answers its text. */
    private String download(Locator papers, String link) throws IOException {
        return pdfText(page.waitForDownload(() -> papers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(link).setExact(true)).click()));
    }

    private static String pdfText(Download download) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    // Steps

    /** Registers a child through the form, allocates the signed-in chair and ends on the child's page. */
    private void registerChild(String givenName, String familyName) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Register a child")).click();
        page.getByLabel("Local authority", new Page.GetByLabelOptions().setExact(true)).selectOption("DEMO-N");
        page.getByLabel("The local authority's identifier for the child").fill("CAH1");
        page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill(givenName);
        page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill(familyName);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of birth", LocalDate.of(2018, 2, 12));
        button("Register child").click();
        assertThat(successBanner()).containsText("Child registered");
        page.getByTestId("chairs").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Allocate Child protection chair")).click();
        BrowserJourney.fillDate(page, "Allocated from", strategyDiscussion.minusDays(1));
        button("Save allocation").click();
        assertThat(successBanner()).containsText("Chair allocated");
    }

    /** A strategy discussion, then a quorate initial conference starting a plan under neglect, on their forms. */
    private void recordInitialConference() {
        Locator actions = page.getByTestId("protection-actions");
        actions.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Record a strategy discussion")).click();
        BrowserJourney.fillDate(page, "Date of the strategy discussion", strategyDiscussion);
        button("Save strategy discussion").click();
        assertThat(successBanner()).containsText("Strategy discussion recorded");
        actions.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Record an initial conference")).click();
        BrowserJourney.fillDate(page, "Date of the conference", initialConference);
        Locator agencies = group("Agencies that attended");
        agencies.getByLabel("Police", new Locator.GetByLabelOptions().setExact(true)).check();
        agencies.getByLabel("GP", new Locator.GetByLabelOptions().setExact(true)).check();
        radio("Does the child become subject to a child protection plan?",
                "Yes, the child becomes subject to a child protection plan").check();
        page.getByLabel("Category of abuse (if a plan starts)", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Neglect"));
        radio("Did the child attend?", "No").check();
        page.getByLabel("How did the child\u2019s views reach the conference?", new Page.GetByLabelOptions()
                .setExact(true)).selectOption(new SelectOption().setLabel("No views conveyed"));
        button("Save conference").click();
        assertThat(successBanner()).containsText("plan started");
    }

    private Locator asItHappened() {
        return page.locator("[data-testid^='record-as-it-happened-']");
    }

    private Locator planActions() {
        return page.getByTestId("plan-actions").locator("tbody tr");
    }

    private Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
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

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
