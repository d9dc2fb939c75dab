package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.TestPeople;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chair covers for a team-mate on leave: opening the colleague's child's decision form, they are asked why,
 * say so, and record the decision; the reason is kept with the decision. A chair of another authority finds
 * nothing at the same address.
 */
class CoverBrowserIT {

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        new TestPeople(journey.app())
                .person("cover.chair", "CHAIR", "DEMO-N", "Cover team")
                .person("cover.mate", "CHAIR", "DEMO-N", "Cover team")
                .person("cover.south", "CHAIR", "DEMO-S", "Southern team");
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "cover.chair");
        String registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"COV1","givenName":"Jordan","familyName":"Cover",
                 "dateOfBirth":"2015-09-09"}""").body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(chair.post("/api/children/" + childId + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":"
                + "\"cover.chair\",\"allocatedFrom\":\"" + LocalDate.now(journey.clock()) + "\"}").statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aTeamMateCoveringGivesAReasonAndRecordsTheDecision() {
        Page page = journey.signedInAs("cover.mate");
        page.navigate("/children/" + childId + "/protection/strategy-discussion");

        assertThat(page).hasTitle(Pattern.compile("^Why do you need this record\\?"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Why do you need this record\\?"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why you need this record");

        page.getByLabel("Why do you need this record?").fill("Covering while the allocated chair is on leave");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasURL(Pattern.compile(".*/children/" + childId + "/protection/strategy-discussion$"));

        BrowserJourney.fillDate(page, "Date of the strategy discussion", LocalDate.now(journey.clock()).minusDays(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Save"))).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Strategy discussion recorded");

        String metaData = journey.app().bean(JdbcClient.class).sql("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = :id ORDER BY sequencenumber DESC LIMIT 1
                """).param("id", "protection-" + childId).query(String.class).single();
        assertThat(metaData).contains("\"recordedBy\":\"cover.mate\"")
                .contains("\"statedReason\":\"Covering while the allocated chair is on leave\"");
    }

    @Test
    void aChairOfAnotherAuthorityFindsNothingAtTheChildsAddress() {
        Page page = journey.signedInAs("cover.south");
        page.navigate("/children/" + childId);

        assertThat(page).hasTitle(Pattern.compile("^Page not found"));
        assertThat(page.locator("body")).not().containsText("Jordan");
    }
}
