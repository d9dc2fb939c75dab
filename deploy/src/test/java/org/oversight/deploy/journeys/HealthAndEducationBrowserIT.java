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
 * An IRO records a looked-after child's initial health assessment in a real browser: the caseload's next due item
 * is the overdue assessment; the IRO opens the child, records it on the form (first refused for a date in the
 * future, with the choice kept), sees it on the child's page, and back on the caseload the next due item has
 * moved on.
 */
class HealthAndEducationBrowserIT {

    private static final Pattern CHILD_PAGE = Pattern.compile(".*/children/[0-9a-fA-F-]{36}(\\?.*)?(#.*)?$");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

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
    void anIroRecordsTheInitialHealthAssessmentAndSeesTheNextDueItemChange() throws Exception {
        LocalDate today = journey.clock().today();
        LocalDate reviewed = today.minusDays(40);
        lookedAfterChildReviewedOn(reviewed, today.minusDays(60));

        Page page = journey.signedInAs("iro.ahmed");
        navigateTo(page, "My caseload");
        Locator nextDue = row(page).getByTestId("next-due");
        assertThat(nextDue).containsText("Initial health assessment");

        row(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Robin Wellbeing").setExact(true))
                .click();
        assertThat(page).hasURL(CHILD_PAGE);
        page.getByTestId("looked-after-links").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Record a health assessment or dental check").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Record a health assessment or dental check");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Which health check was it?"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Initial health assessment")
                        .setExact(true)).check();
        BrowserJourney.fillDate(page, "Date of the health check", today.plusDays(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save health check")).click();

        assertThat(page.locator(".govuk-error-summary")).containsText("recorded once it has happened");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Initial health assessment")
                .setExact(true))).isChecked();
        BrowserJourney.fillDate(page, "Date of the health check", today.minusDays(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save health check")).click();

        assertThat(page).hasURL(CHILD_PAGE);
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Health check recorded");
        assertThat(page.getByTestId("health-and-education").getByRole(AriaRole.ROW).filter(
                new Locator.FilterOptions().setHasText(today.minusDays(1).format(SHORT))))
                .containsText("Initial health assessment");
        screenshot(page, "health-check");

        navigateTo(page, "My caseload");
        assertThat(row(page).getByTestId("next-due")).not().containsText("Initial health assessment");
        page.context().close();
    }

    /** A two-year-old looked after since {@code started}, IRO allocated, first review held and its paperwork done. */
    private static void lookedAfterChildReviewedOn(LocalDate reviewed, LocalDate started) {
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"WELL1","givenName":"Robin","familyName":"Wellbeing",
                 "dateOfBirth":"%s"}""".formatted(started.minusYears(2)));
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(iro.get("/api/children/" + childId + "?after=0").statusCode())
                .isEqualTo(200);
        String api = "/api/children/" + childId;
        expectOk(iro.post(api + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(started)));
        expectOk(iro.post(api + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started)));
        HttpResponse<String> review = iro.post(api + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN0","spokeToChildBeforehand":true,"decisions":["Stay with carers"]}"""
                .formatted(reviewed));
        expectOk(review);
        String reviewId = review.body().replaceAll(".*\"reviewId\":\"([^\"]+)\".*", "$1");
        expectOk(iro.post(api + "/looked-after/reviews/" + reviewId + "/decisions-sent",
                "{\"sentOn\":\"%s\"}".formatted(reviewed)));
        expectOk(iro.post(api + "/looked-after/reviews/" + reviewId + "/distribution",
                "{\"distributedOn\":\"%s\",\"childFriendlyVersion\":false}".formatted(reviewed)));
    }

    private static void expectOk(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Locator row(Page page) {
        return page.getByTestId("caseload").locator("tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Robin Wellbeing"))));
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path directory = Paths.get("target", "journeys");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
