package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * In a real browser: the chair of a looked-after girl recorded as a mother gives the date her own child was born
 * on the girl's characteristics page; a date before the girl was 11 is refused with the rule's words, and the date
 * accepted is shown with her characteristics.
 */
class MothersChildBrowserIT {

    private static BrowserJourney journey;
    private static String childId;
    private static LocalDate today;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        today = LocalDate.now(journey.clock());
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        String registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"MUM903","givenName":"Mia","familyName":"Mother",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(15))).body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        ok(iro.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"" + today.minusDays(20) + "\"}").statusCode());
        ok(iro.post("/api/children/" + childId + "/characteristics", """
                {"sex":"F","ethnicity":"WBRI","disability":"N","interpreterNeeded":"N","mother":"Y"}""")
                .statusCode());
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void theChairRecordsWhenHerChildWasBornOnHerCharacteristicsPage() {
        Page chair = journey.signedInAs("iro.ahmed");
        chair.navigate("/children/" + childId + "/characteristics");
        assertThat(chair.getByTestId("mothers-child-born")).hasText("Not recorded");

        BrowserJourney.fillDate(chair, "The date her child was born", today.minusYears(5));
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the date")).click();
        assertThat(chair).hasTitle(Pattern.compile("^Error: Characteristics"));
        assertThat(chair.locator(".govuk-error-summary")).containsText("on or after her 11th birthday");

        LocalDate born = today.minusMonths(2);
        BrowserJourney.fillDate(chair, "The date her child was born", born);
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the date")).click();
        assertThat(chair.locator(".govuk-notification-banner--success")).containsText("Date her child was born recorded");
        assertThat(chair.getByTestId("mothers-child-born"))
                .hasText(born.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
        // a second date is a correction, which asks why
        assertThat(chair.getByLabel("Why are you correcting the date?")).isVisible();
    }

    private static void ok(int status) {
        if (status < 200 || status > 201) {
            throw new AssertionError("Setting up the journey was answered " + status);
        }
    }
}
