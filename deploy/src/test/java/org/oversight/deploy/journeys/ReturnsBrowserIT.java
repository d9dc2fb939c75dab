package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: the chair records a looked-after child's characteristics on the child's page, and the QA lead
 * opens the authority's SSDA903 return, sees what it holds and what Oversight leaves empty, and downloads the
 * episodes and the XML form, giving a reason that is kept in the read log.
 */
class ReturnsBrowserIT {

    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static BrowserJourney journey;
    private static String childId;
    private static LocalDate started;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        LocalDate today = LocalDate.now(journey.clock());
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        String registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"RET903","givenName":"Robin","familyName":"Returns",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(9))).body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        expectOk(iro.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"" + today.minusDays(20) + "\"}").statusCode());
        started = today.minusDays(15);
        expectOk(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C1\",\"placement\":\"U4\"}".formatted(started)).statusCode());
        expectOk(iro.post("/api/children/" + childId + "/looked-after/placement-changes",
                "{\"changedOn\":\"%s\",\"placement\":\"U6\",\"carerChanged\":false}".formatted(today.minusDays(5)))
                .statusCode());
        expectOk(iro.post("/api/children/" + childId + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stays"],
                 "recommendations":[],"actions":[]}""".formatted(today.minusDays(3))).statusCode());
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void theChairRecordsTheCharacteristicsAndTheQaLeadDownloadsTheReturn() throws IOException {
        Page chair = journey.signedInAs("iro.ahmed");
        chair.navigate("/children/" + childId);
        chair.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The child's characteristics")).click();
        assertThat(chair.getByTestId("no-characteristics")).isVisible();
        chair.getByLabel("Female").check();
        chair.getByLabel("Ethnicity").selectOption("BAFR");
        chair.getByLabel("Unique pupil number (if the child has one)").fill("E820300025001");
        chair.locator("#disability-N").check();
        chair.getByLabel("First language (optional)").fill("Somali");
        chair.locator("#interpreterNeeded").check();
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save characteristics")).click();
        assertThat(chair).hasTitle(Pattern.compile("^Error: Characteristics"));
        assertThat(chair.locator(".govuk-error-summary")).containsText("does not check");

        chair.getByLabel("Unique pupil number (if the child has one)").fill("D820300025001");
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save characteristics")).click();
        assertThat(chair.locator(".govuk-notification-banner--success")).containsText("Characteristics recorded");
        assertThat(chair.getByTestId("characteristics")).containsText("Black African (BAFR)");
        assertThat(chair.getByTestId("characteristics")).containsText("D820300025001");
        chair.context().close();

        Page qa = journey.signedInAs("qa.evans");
        qa.navigate("/returns/DEMO-N/ssda903");
        assertThat(qa).hasTitle(Pattern.compile("^SSDA903 return"));
        assertThat(qa.getByTestId("not-held")).containsText("CIN");
        assertThat(qa.getByTestId("ssda903-counts")).containsText("Episodes");
        qa.getByLabel("Episodes table (CSV)").check();
        qa.getByLabel("Why are you downloading the return?").fill("Reconciling with the case-management return");
        Download episodes = qa.waitForDownload(() -> qa.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download")).click());
        String csv = Files.readString(episodes.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(episodes.suggestedFilename()).isEqualTo("ssda903-DEMO-N-" + yearOf(LocalDate.now(journey.clock())) + "-episodes.csv");
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n")
                .contains("RET903," + DFE.format(started) + ",S,C1,,U4,,")
                .contains(",T,C1,,U6,,,,,,,\r\n");

        qa.getByLabel("The whole return (XML)").check();
        qa.getByLabel("Why are you downloading the return?").fill("Reconciling with the case-management return");
        Download xml = qa.waitForDownload(() -> qa.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download")).click());
        org.assertj.core.api.Assertions.assertThat(Files.readString(xml.path(), StandardCharsets.UTF_8))
                .contains("<EXPSSDA903>").contains("<CHILD>RET903</CHILD>").contains("<SEX>F</SEX>")
                .contains("<UPN>D820300025001</UPN>").contains("<PL>U6</PL>");

        // the council's reviews table has the child born a day later and a review Oversight does not hold
        LocalDate born = LocalDate.now(journey.clock()).minusYears(9);
        qa.navigate("/returns/DEMO-N/ssda903");
        qa.getByLabel("The council's reviews table (CSV)").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "reviews.csv", "text/csv", ("CHILD,DOB,REVIEW,REVIEW_CODE\r\nRET903," + DFE.format(born.plusDays(1))
                        + "," + DFE.format(started) + ",PN1\r\n").getBytes(StandardCharsets.UTF_8)));
        qa.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reconcile")).click();
        assertThat(qa).hasTitle(Pattern.compile("^SSDA903 reconciliation"));
        assertThat(qa.getByTestId("reviews-differ")).containsText(DFE.format(started));
        assertThat(qa.getByTestId("births-differ")).containsText(DFE.format(born.plusDays(1)));
        qa.context().close();

        org.assertj.core.api.Assertions.assertThat(journey.app().bean(JdbcClient.class).sql("""
                SELECT count(*) FROM history_read WHERE child_id = :child AND how = 'SSDA903_EXPORT'
                   AND username = 'qa.evans' AND purpose = 'Reconciling with the case-management return'""")
                .param("child", childId).query(Long.class).single()).isEqualTo(2L);
    }

    private static int yearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    private static void expectOk(int status) {
        if (status != 200 && status != 201) {
            throw new AssertionError("status " + status);
        }
    }
}
