package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * An IRO records a looked-after review in the browser, records that its record went out with a version for the
 * child, sees both sent on the child's page, and downloads the full record and the child's version: the full
 * record holds the recommendation, the child's version speaks to the child and leaves it out.
 */
class ReviewRecordBrowserIT {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String DECISION = "Jo stays with the current foster carers";
    private static final String RECOMMENDATION = "Head of service to review the placement budget";
    private static final String ACTION = "Arrange a visit to the new school";

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        LocalDate today = LocalDate.now(journey.clock());
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        String registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"RRB1","givenName":"Jo","familyName":"Pemberton",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(12))).body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(iro.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"" + today.minusDays(50) + "\"}").statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U4\"}".formatted(today.minusDays(15)))
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void anIroRecordsAReviewAndDownloadsTheFullRecordAndTheChildsVersion() throws IOException {
        LocalDate today = LocalDate.now(journey.clock());
        Page page = journey.signedInAs("iro.ahmed");
        page.navigate("/children/" + childId);

        page.getByTestId("looked-after-links").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a review").setExact(true)).click();
        BrowserJourney.fillDate(page, "Date of the review", today);
        radio(page, "How did the child take part in the review?", "PN1: Attended and spoke for themselves").check();
        radio(page, "Did you speak to the child before the review?", "Yes").check();
        page.getByLabel("Decisions").fill(DECISION);
        page.getByLabel("Recommendations").fill(RECOMMENDATION);
        Locator action = group(page, "Action 1");
        action.getByLabel("What is to be done").fill(ACTION);
        action.getByLabel("Who is responsible").fill("Social worker");
        BrowserJourney.fillDate(action, "Due by", today.plusDays(14));
        button(page, "Save review").click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Review recorded");

        Locator row = page.getByTestId("looked-after-reviews").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(today.format(SHORT)));
        assertThat(row.getByTestId("records-sent")).containsText("Full record: not yet sent");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Record distribution"))).click();
        BrowserJourney.fillDate(page, "Date the record was sent", today);
        radio(page, "Was a version written for the child sent with it?", "Yes").check();
        button(page, "Save distribution").click();
        assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
        row = page.getByTestId("looked-after-reviews").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(today.format(SHORT)));
        assertThat(row.getByTestId("records-sent")).containsText("Full record: sent " + today.format(SHORT));
        assertThat(row.getByTestId("records-sent"))
                .containsText("Child-friendly version: sent " + today.format(SHORT));

        Locator reviewRow = row;
        Download full = page.waitForDownload(() -> reviewRow.getByTestId("review-record-pdf").click());
        String fullText = text(full);
        assertThat(fullText).contains("Record of the looked-after review of Jo Pemberton on " + today.format(LONG),
                "Aisha Ahmed", DECISION, RECOMMENDATION, ACTION, "Version for the child Sent on " + today.format(LONG));

        Download forChild = page.waitForDownload(() -> reviewRow.getByTestId("review-for-child-pdf").click());
        String childText = text(forChild);
        assertThat(childText).contains("Dear Jo,", "I am Aisha Ahmed", DECISION,
                ACTION + ". Social worker will do this by " + today.plusDays(14).format(LONG),
                "Your next review will be by " + today.plusMonths(3).format(LONG), "you can complain");
        assertThat(childText).doesNotContain(RECOMMENDATION);
    }

    private static String text(Download download) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private static Locator group(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    private static Locator radio(Page page, String legend, String label) {
        return group(page, legend).getByRole(AriaRole.RADIO,
                new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
