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
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.MovableClock;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.due.Urgency;

/**
 * A chair's caseload in a real browser as the injectable clock moves: a child whose first looked-after review
 * falls within the next 5 working days shows "Due within 5 working days" with the review and its date; once the
 * clock passes that date the child shows "Overdue" and moves to the top, in words and not only in colour. A QA
 * lead then finds the child among everything overdue today.
 */
class CaseloadUrgencyBrowserIT {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

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
    void aChairSeesAChildMoveFromDueSoonToOverdueAsTheClockPassesTheDueDate() throws Exception {
        MovableClock clock = journey.clock();
        LocalDate today = clock.today();
        // the latest start whose first review (20 working days on) is still due within 5 working days of today
        LocalDate started = today.minusDays(1);
        while (Urgency.of(CALENDAR.workingDaysAfter(started, 20), today, CALENDAR)
                != Urgency.DUE_WITHIN_5_WORKING_DAYS) {
            started = started.minusDays(1);
        }
        LocalDate due = CALENDAR.workingDaysAfter(started, 20);
        String soon = lookedAfterChild("Robin", "Soonwell", started);
        String later = lookedAfterChild("Kit", "Laterby", today.minusDays(1));

        Page page = journey.signedInAs("iro.ahmed");
        navigateTo(page, "My caseload");

        Locator row = row(page, "Robin Soonwell");
        assertThat(row.getByTestId("urgency")).hasText("Due within 5 working days");
        assertThat(row.getByTestId("next-due")).containsText("First looked-after review");
        assertThat(row.getByTestId("next-due")).containsText("by " + due.format(SPOKEN));
        assertThat(bodyRows(page).first()).containsText("Robin Soonwell");
        assertThat(page.getByTestId("bands").locator("[data-band=DUE_WITHIN_5_WORKING_DAYS]")).hasText("1 child");

        // the day after the due date, without anything recorded, the review is overdue
        clock.moveOn(Duration.ofDays(ChronoUnit.DAYS.between(today, due) + 1));
        page.reload();
        Locator overdue = row(page, "Robin Soonwell").getByTestId("urgency");
        assertThat(overdue).hasText("Overdue");
        assertThat(overdue).hasClass(Pattern.compile("govuk-tag--red"));
        assertThat(bodyRows(page).first()).containsText("Robin Soonwell");
        assertThat(row(page, "Kit Laterby").getByTestId("urgency")).not().hasText("Overdue");
        assertThat(page.getByTestId("bands").locator("[data-band=OVERDUE]")).hasText("1 child");
        screenshot(page, "caseload-urgency");
        page.context().close();

        // the QA lead sees it among everything overdue today, and only it
        Page qaPage = journey.signedInAs("qa.evans");
        navigateTo(qaPage, "Timeliness");
        Locator overdueTable = qaPage.getByTestId("overdue");
        assertThat(overdueTable).containsText("Robin Soonwell");
        assertThat(overdueTable).containsText("First looked-after review");
        assertThat(overdueTable).not().containsText("Kit Laterby");
        Locator north = qaPage.getByTestId("teams").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("North IRO team"));
        assertThat(north.getByRole(AriaRole.CELL).first()).hasText("1");
        qaPage.context().close();
        org.assertj.core.api.Assertions.assertThat(soon).isNotEqualTo(later);
    }

    private String lookedAfterChild(String given, String family, LocalDate started) {
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"%s"}""".formatted(family.toUpperCase(Locale.UK), given, family,
                started.minusYears(9)));
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(iro.get("/api/children/" + childId + "?after=0").statusCode())
                .isEqualTo(200);
        expectOk(iro.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(started.minusDays(1))));
        expectOk(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(started)));
        return childId;
    }

    private static void expectOk(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Locator bodyRows(Page page) {
        return page.getByTestId("caseload").locator("tbody tr");
    }

    private static Locator row(Page page, String name) {
        return bodyRows(page).filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))));
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path directory = Paths.get("target", "screenshots");
        Files.createDirectories(directory);
        page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
    }
}
