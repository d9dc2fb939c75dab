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

/**
 * A chair records an initial conference and then, on the forms the child's page links to, the conference as it
 * happened and its papers: who was invited and who came, each agency's recommendation with one agency dissenting
 * (a dissent first saved without its reason is refused on its row, and put right with the keyboard alone), the
 * outcome letter sent and the summary and analysis written with a passage withheld from the parents. The letter
 * and both minutes are downloaded and their text read back.
 */
class ConferenceAsItHappenedBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?$");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private static BrowserJourney journey;

    private BrowserContext context;
    private Page page;

    private final LocalDate today = LocalDate.now(LONDON);
    private final LocalDate strategyDiscussion = weekdayOnOrBefore(today.minusDays(30));
    private final LocalDate initialConference = weekdayOnOrBefore(today.minusDays(15));

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
    void aChairRecordsTheConferenceAsItHappenedAndDownloadsItsPapers() throws IOException {
        String dissent = "The school has seen attendance improve all term";
        String summary = "Robin needs a plan to keep them safe from neglect";
        String shown = "The family have engaged with the family support worker";
        String withheld = "A neighbour described what they saw on the evening";
        BrowserJourney.signIn(page, "chair.brown");
        registerChild("Robin", "Happened");
        recordInitialConference();

        // Who was invited and who attended: the agencies that attended are filled in
        Locator asItHappened = page.locator("[data-testid^='record-as-it-happened-']");
        asItHappened.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
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
        button("Save attendance").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(successBanner()).containsText("Attendance recorded");
        Locator attendance = page.getByTestId("attendance");
        assertThat(attendance.locator("tbody tr")).hasCount(6);
        assertThat(attendance).containsText("A parent (Alex Happened)");
        assertThat(attendance).containsText("Received; shared with the family in time");
        assertThat(page.getByTestId("parents-attended")).containsText("Parents and carers attended all of it");

        // The agencies' recommendations, the school dissenting
        asItHappened.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
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

        // The outcome letter sent
        Locator papers = page.getByTestId("conference-papers");
        papers.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Record a paper sent")))
                .click();
        assertThat(heading()).hasText("Record a paper sent");
        radio("Which paper was sent", "Outcome letter to the parents").check();
        BrowserJourney.fillDate(page, "Date it was sent", initialConference.plusDays(1));
        button("Save").click();
        assertThat(successBanner()).containsText("Outcome letter to the parents recorded as sent");
        assertThat(papers).containsText("Outcome letter to the parents: sent " + SHORT.format(initialConference.plusDays(1)));

        // The summary and analysis, one passage withheld from the parents
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

        // The papers, read back
        String letter = pdfText(page.waitForDownload(() -> papers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Outcome letter (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(letter).contains("Dear parent or carer", summary);
        String minutes = pdfText(page.waitForDownload(() -> papers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Minutes (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(minutes).contains(summary, shown, withheld);
        String forParents = pdfText(page.waitForDownload(() -> papers.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Minutes for the parents (PDF)").setExact(true)).click()));
        org.assertj.core.api.Assertions.assertThat(forParents).contains(summary, shown).doesNotContain(withheld);
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

    private static LocalDate weekdayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }
}
