package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * Drift seen, not read: a looked-after child whose first review was held weeks after it was due shows that review
 * as a late (hatched red, labelled) bar in the picture above the timeline's table, and on the team's drift view
 * for the chair's manager; seen as at a day before the review was due, the same clock is open and nothing is
 * late. The "as at" day is given in the address, as the page's own control sends it.
 */
class DriftPictureBrowserIT {

    private static BrowserJourney journey;
    private static String childId;
    private static LocalDate started;

    @BeforeAll
    static void aChildWhoseFirstReviewWasLate() {
        journey = BrowserJourney.start();
        LocalDate today = journey.clock().today();
        started = today.minusDays(70);
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"DRIFT1","givenName":"Robin","familyName":"Latereview",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(9)));
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        String api = "/api/children/" + childId;
        expectOk(iro.post(api + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(started)));
        expectOk(iro.post(api + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started)));
        // the first review is due within 20 working days (reg 33(1)): held some six weeks after that
        expectOk(iro.post(api + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay with carers"]}"""
                .formatted(today.minusDays(5))));
        await().atMost(Duration.ofSeconds(30)).until(() -> iro.get(api + "/timeline").body()
                .contains("\"HAPPENED_LATE\""));
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aLateReviewIsDrawnRedAndLabelledAndMovingTheAsAtDayBeforeItsDueDateRemovesTheLateMark() {
        Page page = journey.signedInAs("iro.ahmed");
        page.navigate("/children/" + childId + "/timeline");
        Locator picture = page.getByTestId("drift-picture");
        Locator image = picture.getByRole(AriaRole.IMG);
        assertThat(image).hasAccessibleName(java.util.regex.Pattern.compile("^Statutory clocks as at "));
        assertThat(image).hasAccessibleDescription(java.util.regex.Pattern.compile(
                "First looked-after review \\(happened late\\)"));
        // the first review, held late; the second is open and in time
        Locator review = picture.locator("g.drift-clock[data-kind='lac-review']").first();
        assertThat(picture.locator("g.drift-clock[data-kind='lac-review']")).hasCount(2);
        assertThat(review).hasClass(java.util.regex.Pattern.compile("\\bdrift-late\\b"));
        assertThat(review.locator(".drift-late-label")).hasText("late");
        assertThat(review.locator(".drift-late-span")).hasAttribute("fill",
                java.util.regex.Pattern.compile("^url\\(#"));
        assertThat(picture.locator(".drift-band--care")).hasCount(1);
        assertThat(picture.locator("line.drift-as-at")).hasCount(1);
        // the table stays, for everyone and for screen readers
        assertThat(page.getByTestId("clocks").getByRole(AriaRole.ROW, new Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^First looked-after review")))).containsText("Happened late");
        journey.assertAccessible(page);

        // as at ten days after the period began, the review was neither held nor due
        LocalDate before = started.plusDays(10);
        page.navigate("/children/" + childId + "/timeline?asAt=" + before);
        assertThat(image).hasAccessibleName("Statutory clocks as at " + before.format(
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)));
        assertThat(picture.locator("g.drift-clock[data-kind='lac-review']")).hasCount(1);
        assertThat(review).not().hasClass(java.util.regex.Pattern.compile("\\bdrift-late\\b"));
        assertThat(review).hasClass(java.util.regex.Pattern.compile("\\bdrift-open\\b"));
        assertThat(review.locator(".drift-late-label")).hasCount(0);
        assertThat(picture.locator(".drift-late")).hasCount(0);
        page.context().close();
    }

    @Test
    void theTeamManagerSeesTheLateReviewInTheRowOfTheChildUnderTheirChair() {
        Page page = journey.signedInAs("manager.hughes");
        page.navigate("/drift");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Drift in North IRO team");
        Locator row = page.getByTestId("drift-row").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Robin Latereview"))));
        assertThat(row).hasCount(1);
        assertThat(row.getByRole(AriaRole.CELL).first()).hasText("Aisha Ahmed");
        assertThat(row.locator("g.drift-clock.drift-late[data-kind='lac-review']")).hasCount(1);
        assertThat(row.getByRole(AriaRole.IMG)).hasAccessibleDescription(java.util.regex.Pattern.compile(", [1-9][0-9]* late\\.$"));
        journey.assertAccessible(page);

        page.navigate("/drift?asAt=" + started.plusDays(10));
        assertThat(row.locator(".drift-late")).hasCount(0);
        assertThat(row.getByRole(AriaRole.CELL).nth(1)).hasText("0");

        // the child's name leads to the timeline as at the same day
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Robin Latereview")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/children/" + childId + "/timeline\\?asAt="
                + started.plusDays(10) + "$"));
        page.context().close();
    }

    private static void expectOk(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
