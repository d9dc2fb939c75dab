package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A QA lead makes the CIN census child protection module and the Annex A lists in a real browser: the form asks why
 * before anything is shown, the checks are listed, each file downloads and reads back with what was recorded, and
 * every child in a file is in the read log with the reason given.
 */
class CinAndAnnexABrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "Preparing the annual census return";
    private static BrowserJourney journey;
    private static String onPlan;
    private static String inCare;

    @BeforeAll
    static void startApplicationAndBrowser() throws IOException {
        journey = BrowserJourney.start();
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        onPlan = register(chair, "RET1", "2016-02-11");
        ok(chair.post("/api/children/" + onPlan + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"2025-06-02\"}"));
        String enquiry = JSON.readTree(ok(chair.post("/api/children/" + onPlan
                + "/protection/strategy-discussions", "{\"strategyDiscussionOn\":\"2025-06-02\"}"))).get("id").asText();
        ok(chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"2025-06-20","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":1,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}""".formatted(onPlan, enquiry)));
        ok(chair.post("/api/protection/review-conferences", """
                {"heldOn":"2025-09-19","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","planContinues":true,"latestCategory":"EMO",
                 "endReason":null,"childsView":{"attended":false,"conveyed":"THROUGH_ADVOCATE"}}]}""".formatted(onPlan)));

        inCare = register(chair, "RET2", "2012-04-01");
        ok(chair.post("/api/children/" + inCare + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"2025-05-12\"}"));
        ok(chair.post("/api/children/" + inCare + "/looked-after/periods",
                "{\"startedOn\":\"2025-05-12\",\"legalStatus\":\"C2\"}"));
        ok(chair.post("/api/children/" + inCare + "/looked-after/reviews", """
                {"heldOn":"2025-06-06","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Placement to continue"]}"""));

        JdbcTemplate jdbc = journey.app().bean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM returns_conference WHERE child_id = ? AND review", Integer.class, onPlan) == 1
                && jdbc.queryForObject("SELECT count(*) FROM returns_care_day WHERE child_id = ? AND kind = 'REVIEW'",
                        Integer.class, inCare) == 1);
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aQaLeadChecksAndDownloadsTheCinCensusModuleAndEveryChildInItIsLoggedAsRead() throws IOException {
        Page page = journey.signedInAs("qa.evans");
        navigateTo(page, "Returns");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CIN census")).first().click();
        page.getByLabel("Collection year").selectOption("2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the return")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: CIN census"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why you are making this return");

        page.getByLabel("Why are you making this return?").fill(REASON);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the return")).click();
        assertThat(page.getByTestId("children-in-file")).containsText("1 children");
        assertThat(page.getByTestId("checks-passed")).isVisible();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the census XML")).click());
        assertThat(download.suggestedFilename()).isEqualTo("cin-census-DEMO-N-2026.xml");
        String xml = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Year>2026</Year>", "<LAchildID>RET1</LAchildID>",
                "<PersonBirthDate>2016-02-11</PersonBirthDate>",
                "<S47ActualStartDate>2025-06-02</S47ActualStartDate>",
                "<InitialCPCtarget>2025-06-23</InitialCPCtarget>", "<DateOfInitialCPC>2025-06-20</DateOfInitialCPC>",
                "<ICPCnotRequired>false</ICPCnotRequired>", "<CPPstartDate>2025-06-20</CPPstartDate>",
                "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>",
                "<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>", "<NumberOfPreviousCPP>1</NumberOfPreviousCPP>",
                "<CPPreviewDate>2025-09-19</CPPreviewDate>");
        assertThat(xml).doesNotContain("RET2").doesNotContain("<CPPendDate>");

        assertThat(readsOf(onPlan, "CIN_CENSUS")).containsExactly("qa.evans|" + REASON);
    }

    @Test
    void aQaLeadDownloadsList7AsASpreadsheetAndList8AsCsv() throws IOException {
        Page page = journey.signedInAs("qa.evans");
        page.navigate(journey.app().baseUrl() + "/returns/DEMO-N/annex-a");
        assertThat(page.getByTestId("left-for-the-council")).containsText("Allocated Worker");
        page.getByLabel("List 7: Children who are the subject of a child protection plan").check();
        page.getByLabel("Why are you making this list?").fill("Ofsted inspection starts today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the list")).click();
        assertThat(page.getByTestId("rows-in-list")).containsText("1 rows in list 7");

        Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download as XLSX")).click());
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("List 7");
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 17; i++) {
                    cells.add(text.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(6)).isEqualTo("Child Protection Plan Start Date");
        assertThat(rows.get(1)).containsExactly("RET1", "", "", "11/02/2016", "10", "", "20/06/2025", "Neglect",
                "Emotional abuse", "", "", "19/09/2025", "", "", "1", "", "");

        page.getByLabel("List 8: Children in care").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the list")).click();
        assertThat(page.getByTestId("rows-in-list")).containsText("1 rows in list 8");
        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download as CSV")).click());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("RET2,,,01/04/2012,")
                .contains(",12/05/2025,,N,12/05/2025,C2,06/06/2025,");

        assertThat(readsOf(onPlan, "ANNEX_A")).containsExactly("qa.evans|Ofsted inspection starts today");
        assertThat(readsOf(inCare, "ANNEX_A")).containsExactly("qa.evans|Ofsted inspection starts today");
    }

    @Test
    void aDownloadPostedWithoutAReasonIsRefusedAndNothingIsWrittenOrLogged() throws Exception {
        String form = "year=2026&reason=" + URLEncoder.encode(" ", StandardCharsets.UTF_8);
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(journey.app().baseUrl() + "/returns/DEMO-N/cin/download"))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(journey.app().baseUrl(), "qa.evans"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("<Message>").doesNotContain("RET1");
        assertThat(journey.app().bean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM history_read WHERE username = 'qa.evans' AND purpose IS NULL AND how = 'CIN_CENSUS'",
                Integer.class)).isZero();
    }

    private static List<String> readsOf(String childId, String how) {
        return journey.app().bean(JdbcTemplate.class).queryForList(
                "SELECT username || '|' || purpose FROM history_read WHERE child_id = ? AND how = ?", String.class,
                childId, how);
    }

    private static String register(ApiClient chair, String identifier, String born) throws IOException {
        return JSON.readTree(ok(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Rowan","familyName":"Returns",
                 "dateOfBirth":"%s"}""".formatted(identifier, born)))).get("childId").asText();
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
