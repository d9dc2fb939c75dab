package org.oversight.deploy.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.query.report.ReportPeriod;

/**
 * The IRO report as a QA lead reads it in a real browser: one looked-after child whose first review was held
 * ten days after they became looked after (in timescale) is counted; the chart draws beside its table; the figure's
 * drill-down lists the child and leads to their record; the spreadsheet downloads and reads back. A regional
 * viewer sees the same authority's figures without a child, a count under 5 not shown.
 */
class ReportBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

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

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aQaLeadReadsTheReportFollowsAFigureToTheChildAndDownloadsTheSpreadsheet() throws Exception {
        LocalDate held = TODAY.minusDays(30);
        String childId = lookedAfterChildReviewed(TODAY.minusDays(40), held);
        String period = ReportPeriod.yearOf(held).key();

        page = journey.signedInAs("qa.evans");
        context = page.context();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("IRO report")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("IRO report");
        // the projection applies the review a moment after it is recorded
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            page.navigate("/report?period=" + period);
            return "1".equals(value("lac-reviews-held").textContent().trim());
        });
        assertThat(value("lac-reviews-in-timescale")).hasText("100.0%");
        assertThat(value("lac-participation")).hasText("100.0%");
        assertThat(page.getByTestId("section-looked-after")).containsText("Out of: Looked-after reviews held in the period");
        assertEquals(200, page.request().get(journey.app().baseUrl() + "/webjars/chart.js/dist/chart.umd.js").status());
        page.waitForFunction("() => typeof Chart === 'function'");
        assertThat(page.getByTestId("report-chart")).hasAttribute("data-rendered", "true");
        assertThat(page.getByTestId("chart-table").locator("tr").filter(new Locator.FilterOptions()
                .setHasText("Looked-after reviews held in timescale"))).containsText("100.0%");

        assertThat(page.getByTestId("escalations")).containsText("Raised");
        assertEquals(400, page.request().get(journey.app().baseUrl() + "/report?period=2025").status(),
                "a period that is neither a financial year nor a quarter is refused");
        assertEquals(400, page.request().get(journey.app().baseUrl() + "/report?period=" + period
                + "&recordedAt=yesterday").status(), "so is a moment that is not a date");
        page.navigate("/report?period=" + period + "&recordedAt=" + held.minusDays(1));
        assertThat(value("lac-reviews-held")).hasText("0");
        assertThat(page.getByTestId("as-recorded")).containsText("As the record stood at");
        page.navigate("/report?period=" + period);

        Download download = page.waitForDownload(() -> page.getByTestId("download-xlsx").click());
        try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row timely = null;
            for (Row row : sheet) {
                if ("lac-reviews-in-timescale".equals(row.getCell(2).getStringCellValue())) {
                    timely = row;
                }
            }
            assertNotNull(timely, "the spreadsheet has the figure");
            assertEquals(1.0, timely.getCell(6).getNumericCellValue());
            assertEquals(1.0, timely.getCell(7).getNumericCellValue());
            assertEquals("100.0%", timely.getCell(8).getStringCellValue());
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Looked-after reviews held in timescale"))
                .click();
        assertThat(page.getByTestId("numerator")).hasText("1");
        assertThat(page.getByTestId("denominator")).hasText("1");
        Locator counted = page.getByTestId("drill").locator("tr[data-list='Counted']");
        assertThat(counted).hasCount(1);
        counted.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Robin Report")).click();
        // the QA lead reads a child's record with a reason
        page.getByLabel("Why do you need this record?").fill("Checking the annual report's figures");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasURL(journey.app().baseUrl() + "/children/" + childId);
        context.close();

        // a team manager who is not a QA lead reads their own team's figures, whatever team the address names
        page = journey.signedInAs("manager.hughes");
        context = page.context();
        page.navigate("/report?period=" + period + "&team=Southvale+reviewing+team");
        assertThat(page.getByLabel("Team").locator("option[selected]")).hasText("North IRO team");
        assertThat(value("lac-reviews-held")).hasText("1");
        context.close();

        page = journey.signedInAs("regional.taylor");
        context = page.context();
        page.navigate("/report/authorities?period=" + period);
        Locator reviews = page.getByTestId("by-authority").locator("tr[data-figure='lac-reviews-held']");
        assertThat(reviews).containsText("fewer than 5");
        assertThat(page.locator("body")).not().containsText("Robin");
        assertThat(page.getByTestId("as-recorded")).containsText("kept until a fact of that authority changes");
        // as recorded at a moment, every authority is worked out fact by fact, and the page says so
        page.navigate("/report/authorities?period=" + period + "&recordedAt=2099-12-31");
        assertThat(page.getByTestId("as-recorded")).containsText("worked out fact by fact for this moment");
        assertThat(page.getByTestId("by-authority").locator("tr[data-figure='lac-reviews-held']"))
                .containsText("fewer than 5");
        assertEquals(403, page.request().get(journey.app().baseUrl() + "/report/figures/lac-reviews-held").status(),
                "a regional viewer never reads a drill-down");
    }

    private Locator value(String figure) {
        return page.locator("tr[data-figure='" + figure + "'] td[data-column='value']");
    }

    private static String lookedAfterChildReviewed(LocalDate lookedAfterFrom, LocalDate heldOn) throws Exception {
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"RPT1","givenName":"Robin","familyName":"Report",
                 "dateOfBirth":"2014-03-03"}""");
        assertEquals(201, registered.statusCode(), registered.body());
        String childId = new ObjectMapper().readTree(registered.body()).get("childId").asText();
        assertEquals(200, chair.get("/api/children/" + childId + "?after=0").statusCode());
        HttpResponse<String> allocated = chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(lookedAfterFrom));
        assertEquals(200, allocated.statusCode(), allocated.body());
        String base = "/api/children/" + childId + "/looked-after";
        HttpResponse<String> started = chair.post(base + "/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(lookedAfterFrom));
        assertEquals(200, started.statusCode(), started.body());
        HttpResponse<String> reviewed = chair.post(base + "/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay put"]}"""
                .formatted(heldOn));
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        return childId;
    }
}
