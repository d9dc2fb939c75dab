package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * The social worker and their visits as an IRO records them in a real browser: the IRO records the allocated
 * social worker, and the first statutory visit (due within a week of the placement starting) becomes the child's
 * next due item on the caseload; a visit dated tomorrow is refused with nothing chosen lost; recorded for today,
 * it meets the clock, the next visit is due six weeks on, and the caseload's next due item goes back to the first
 * review.
 */
class SocialWorkBrowserIT {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final String CHILD = "Ola Visitwell";

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
    void anIroRecordsTheSocialWorkerAndAVisitAndSeesTheNextDueItemChange() throws Exception {
        LocalDate today = journey.clock().today();
        String childId = lookedAfterChild(today);
        Page page = journey.signedInAs("iro.ahmed");
        page.navigate(journey.app().baseUrl() + "/children/" + childId);
        Locator socialWork = page.getByTestId("social-work");
        assertThat(page.getByTestId("social-worker")).hasText("None allocated");

        // the allocated social worker starts the visits clock
        link(page, "Record the allocated social worker").click();
        assertThat(heading(page)).hasText("Record the allocated social worker");
        BrowserJourney.fillDate(page, "Date the social worker was allocated", today);
        page.getByLabel("Social worker’s name").fill("Priya Nair");
        page.getByLabel("Team (optional)").fill("Children in care team 2");
        button(page, "Save allocation").click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Social worker allocated");
        assertThat(page.getByTestId("social-worker")).containsText("Priya Nair, Children in care team 2, since "
                + today.format(LONG));
        assertThat(page.getByTestId("next-visit")).containsText("due by " + today.plusWeeks(1).format(LONG));
        assertThat(socialWork).containsText("Within one week of the start of the placement (reg 28(2)(a))");

        navigateTo(page, "My caseload");
        assertThat(caseloadRow(page).getByTestId("next-due")).containsText("Social worker's first visit");
        assertThat(caseloadRow(page).getByTestId("next-due")).containsText("by " + today.plusWeeks(1).format(SPOKEN));

        // a visit dated tomorrow is refused, and what was chosen is kept
        page.navigate(journey.app().baseUrl() + "/children/" + childId);
        link(page, "Record a social worker's visit").click();
        BrowserJourney.fillDate(page, "Date of the visit", today.plusDays(1));
        radio(page, "Did the social worker see the child alone?", "Yes").check();
        radio(page, "Where was the child seen?", "Where the child lives").check();
        button(page, "Save visit").click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Record a social worker"));
        assertThat(page.locator(".govuk-error-summary")).containsText("recorded once it has happened");
        assertThat(radio(page, "Where was the child seen?", "Where the child lives")).isChecked();

        BrowserJourney.fillDate(page, "Date of the visit", today);
        button(page, "Save visit").click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Social worker's visit recorded");
        assertThat(page.getByTestId("social-worker-visits")).containsText("Where the child lives");
        assertThat(page.getByTestId("next-visit")).containsText("due by " + today.plusWeeks(6).format(LONG));
        screenshot(page, "social-work");

        navigateTo(page, "My caseload");
        assertThat(caseloadRow(page).getByTestId("next-due")).containsText("First looked-after review");
        page.context().close();
    }

    private static String lookedAfterChild(LocalDate today) {
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"VISIT1","givenName":"Ola","familyName":"Visitwell",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(10)));
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(iro.get("/api/children/" + childId + "?after=0").statusCode())
                .isEqualTo(200);
        expectOk(iro.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today)));
        expectOk(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U6\"}".formatted(today)));
        return childId;
    }

    private static void expectOk(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Locator link(Page page, String name) {
        return page.getByTestId("social-work-links").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator caseloadRow(Page page) {
        return page.getByTestId("caseload").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(CHILD))));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator radio(Page page, String legend, String label) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
