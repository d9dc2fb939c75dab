package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.oversight.deploy.support.BrowserJourney.navigateTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * The data officer finds a record past its retention period in a real browser and holds it for an inquiry: a hold
 * without a note is refused with the rule explained, a hold with one shows the record as held, on its page and on
 * the list. The administrator then lengthens the local period and the record is no longer due.
 */
class RetentionBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void startApplicationAndBrowser() throws IOException {
        journey = BrowserJourney.start();
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        childId = JSON.readTree(created(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"KEEP1","givenName":"Rowan","familyName":"Keeping",
                 "dateOfBirth":"2009-01-05"}"""))).get("childId").asText();
        created(chair.post("/api/children/" + childId + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"" + journey.clock().today() + "\"}"));
        String enquiry = JSON.readTree(created(chair.post("/api/children/" + childId
                + "/protection/strategy-discussions", "{\"strategyDiscussionOn\":\"2010-03-01\"}"))).get("id").asText();
        created(chair.post("/api/children/" + childId + "/protection/initial-conference-not-required",
                "{\"enquiryId\":\"" + enquiry + "\",\"decidedOn\":\"2010-03-10\",\"reason\":\"Not substantiated\"}"));
        ApiClient dataOfficer = ApiClient.as(journey.app().baseUrl(), "data.iqbal");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dataOfficer
                .get("/api/local-authorities/DEMO-N/retention/due").body().contains(childId));
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void aDataOfficerHoldsARecordPastItsPeriodAndTheAdministratorLengthensThePeriod() {
        Page page = journey.signedInAs("data.iqbal");
        navigateTo(page, "Retention");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Northmoor Council (demo)")).click();
        assertThat(page.getByTestId("due-count")).hasText("1");
        Locator row = page.getByTestId("due-" + childId);
        assertThat(row).containsText("KEEP1");
        assertThat(row).containsText("Kept 10 years from the day the last involvement closed");
        assertThat(row).containsText("10 Mar 2020");
        assertThat(row).containsText("Due");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(childId)).click();
        page.getByLabel("Reason").selectOption("INQUIRY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place the hold")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Retention of a record"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter what the hold is for");

        page.getByLabel("Note").fill("The regional inquiry into placements asked for the record");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place the hold")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Legal hold placed");
        assertThat(page.getByTestId("status")).containsText("Held");
        assertThat(page.getByTestId("holds")).containsText("Imran Iqbal");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Records due for destruction")).click();
        assertThat(page.getByTestId("due-count")).hasText("0");
        assertThat(page.getByTestId("held-count")).hasText("1");
        assertThat(page.getByTestId("due-" + childId)).containsText("Held");
        page.context().close();

        Page admin = journey.signedInAs("admin.ford");
        admin.navigate("/retention/DEMO-N/schedule");
        admin.getByLabel("Record").selectOption("CHILD_PROTECTION_ENQUIRY");
        admin.getByLabel("Years kept").fill("20");
        admin.getByLabel("Why the schedule is changing").fill("Agreed by the information governance board");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the period")).click();
        assertThat(admin.locator(".govuk-notification-banner--success")).containsText("Retention schedule changed");
        assertThat(admin.getByTestId("row-CHILD_PROTECTION_ENQUIRY")).containsText("20 years");
        assertThat(admin.getByTestId("changes")).containsText("Fran Ford");
        assertThat(admin.getByTestId("row-LOOKED_AFTER")).containsText("Statutory");
        admin.navigate("/retention/DEMO-N");
        assertThat(admin.getByTestId("held-count")).hasText("0");
        assertThat(admin.getByTestId("nothing-due")).isVisible();
        admin.context().close();
    }

    private static String created(HttpResponse<String> response) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
