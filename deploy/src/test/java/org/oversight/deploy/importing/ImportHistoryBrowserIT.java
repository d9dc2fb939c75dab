package org.oversight.deploy.importing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.BrowserJourney;

/**
 * A data officer brings Northmoor's returns in from the browser: chooses the authority, uploads the SSDA903 tables
 * and the CIN census, watches the run and reads the report child by child, with the refused row, the rule and the
 * rows held back; then opens the report as CSV.
 */
class ImportHistoryBrowserIT {

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

    private static FilePayload file(String name, String mime, String text) {
        return new FilePayload(name, mime, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDataOfficerUploadsTheReturnsAndReadsTheReport() {
        Page page = journey.signedInAs("data.iqbal");
        // the header's menu leads an officer of the data to the import
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Import history")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Northmoor")).click();
        assertThat(page.locator("h1")).hasText("Import history from the returns");

        page.locator("#files").setInputFiles(new FilePayload[] {
                file("header.csv", "text/csv", ImportHistoryIT.header()),
                file("episodes.csv", "text/csv", ImportHistoryIT.episodes()),
                file("reviews.csv", "text/csv", ImportHistoryIT.reviews()),
                file("cin.xml", "application/xml", ImportHistoryIT.census())});
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Import")).click();

        // the run page refreshes itself until the report is there
        assertThat(page.locator("#report")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#imported")).hasText("4");
        assertThat(page.locator("#refused")).hasText("1");
        assertThat(page.locator("#report")).containsText("reviews.csv row 4");
        assertThat(page.locator("#report")).containsText("needs-open-period");
        assertThat(page.locator("#report")).containsText("Held back");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/imports/DEMO-N/runs/[0-9a-f-]{36}$"));

        String csvPath = page.locator("#download").getAttribute("href");
        com.microsoft.playwright.APIResponse csv = page.request().get(csvPath);
        org.assertj.core.api.Assertions.assertThat(csv.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(csv.text()).contains("Refused,IMP-EARLY,reviews.csv,4,");
    }
}
