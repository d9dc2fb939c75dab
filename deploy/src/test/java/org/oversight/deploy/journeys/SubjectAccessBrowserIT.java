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
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * A data officer answers a parent's subject access request: records it, reviews the other people's information
 * the record holds (the father named as an action's owner is withheld until released), prepares the copy and
 * downloads it as a PDF that holds what was released.
 */
class SubjectAccessBrowserIT {

    private static final String FATHER = "Sam Jones (father)";

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        LocalDate today = LocalDate.now(journey.clock());
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        String registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SARB1","givenName":"Robin","familyName":"Jones",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(11))).body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(iro.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"" + today.minusDays(50) + "\"}").statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C1\",\"placement\":\"U6\"}".formatted(today.minusDays(40)))
                .statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + childId + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Stays with the current foster carers"],"recommendations":[],
                 "actions":[{"action":"Arrange contact","owner":"%s","dueOn":"%s"}]}"""
                .formatted(today.minusDays(30), FATHER, today.plusDays(10))).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aDataOfficerRecordsARequestReviewsWhatIsWithheldAndDownloadsTheCopy() throws IOException {
        LocalDate today = LocalDate.now(journey.clock());
        Page page = journey.signedInAs("data.iqbal");
        page.navigate("/children/" + childId + "/subject-access");
        assertThat(page).hasTitle(Pattern.compile("^Subject access requests"));

        page.getByLabel("Name of the person asking").fill("Alex Jones");
        page.getByLabel("A parent with parental responsibility").check();
        BrowserJourney.fillDate(page, "Date the request was received", today.minusDays(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the request")).click();
        assertThat(page).hasTitle(Pattern.compile("^Subject access request"));
        assertThat(page.getByTestId("status")).hasText("Open");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review what is withheld")).click();
        assertThat(page).hasTitle(Pattern.compile("^Review what is withheld"));
        Locator father = page.locator("tr", new Page.LocatorOptions().setHasText(FATHER));
        assertThat(father.getByLabel("Withhold", new Locator.GetByLabelOptions().setExact(true))).isChecked();
        father.getByLabel("Why (required when withheld)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare the copy")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Review what is withheld"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Say why this piece of information is withheld");

        father = page.locator("tr", new Page.LocatorOptions().setHasText(FATHER));
        father.getByLabel("Release", new Locator.GetByLabelOptions().setExact(true)).check();
        father.getByLabel("Why (required when withheld)").fill("The father agreed to his name being shared");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare the copy")).click();

        assertThat(page.getByTestId("status")).hasText("Copy prepared");
        Download download = page.waitForDownload(() -> page.getByTestId("copy-pdf").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Robin Jones", "owned by " + FATHER);
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        }
    }
}
