package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
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
 * A data officer who also reads records (as a QA lead) follows the link on the child's page to destroy the
 * record: the form warns that it cannot be undone, asks for the retention rule, says what is missing, and once
 * confirmed the child is gone from the record's address.
 */
class DestroyRecordBrowserIT {

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void start() {
        journey = BrowserJourney.start();
        new TestPeople(journey.app())
                .person("shred.chair", "CHAIR", "DEMO-N", "Shredding team")
                .person("shred.officer", "QA_LEAD,DATA_OFFICER", "DEMO-N", null);
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "shred.chair");
        String registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SHR1","givenName":"Wilhelmina","familyName":"Shred",
                 "dateOfBirth":"2012-01-30"}""").body();
        childId = registered.replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(chair.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":"
                + "\"shred.chair\",\"allocatedFrom\":\"" + LocalDate.now(journey.clock()) + "\"}").statusCode())
                .isEqualTo(200);
        // the authority keeps a record with nothing but a registration for a year from birth: this one is due
        assertThat(ApiClient.as(journey.app().baseUrl(), "admin.ford").post(
                "/api/local-authorities/DEMO-N/retention-schedule", """
                {"recordType":"REGISTRATION_ONLY","years":1,"from":"BIRTH","reason":"Registrations only"}""")
                .statusCode()).isEqualTo(200);
        JdbcClient jdbc = journey.app().bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM retention_child WHERE child_id = :id AND due_on <= CURRENT_DATE")
                .param("id", childId).query(Long.class).single() == 1);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void theDataOfficerConfirmsTheDestructionUnderARetentionRule() {
        Page page = journey.signedInAs("shred.officer");
        page.navigate("/children/" + childId);
        page.getByLabel("Why do you need this record?").fill("Checking the record before its destruction");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Destroy this record")).click();
        assertThat(page).hasTitle(Pattern.compile("^Destroy this record"));
        assertThat(page.locator("h1")).hasText("Are you sure you want to destroy this record?");
        assertThat(page.locator(".govuk-warning-text")).containsText("You cannot undo this");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Destroy the record")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Destroy this record"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the code of the retention rule");

        assertThat(page.locator("#retentionRule-hint")).containsText("REGISTRATION_ONLY");
        assertThat(page.locator("#retentionRule-hint")).containsText("it is due for destruction");
        page.getByLabel("The retention rule the record is destroyed under").fill("REGISTRATION_ONLY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Destroy the record")).click();
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Record destroyed");

        String rule = journey.app().bean(JdbcClient.class).sql("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'retentionRule' FROM domainevententry
                 WHERE aggregateidentifier = :id ORDER BY sequencenumber DESC LIMIT 1
                """).param("id", childId).query(String.class).single();
        assertThat(rule).isEqualTo("REGISTRATION_ONLY");
        // the child's projection forgets the child a moment after the decision
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            page.navigate("/children/" + childId);
            return page.title().startsWith("Page not found");
        });

        // an auditor's check of the sealed stream still reads, and names the destruction instead of the child
        page.navigate("/children/" + childId + "/integrity");
        if (page.getByLabel("Why do you need this record?").count() > 0) {
            page.getByLabel("Why do you need this record?").fill("Verifying the destroyed record");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        }
        assertThat(page).hasTitle(Pattern.compile("^Record integrity: destroyed record"));
        assertThat(page.getByTestId("integrity")).containsText("Chain intact");
        assertThat(page.getByTestId("destruction")).containsText("shred.officer");
        assertThat(page.getByTestId("destruction")).containsText("REGISTRATION_ONLY");
        assertThat(page.getByTestId("destruction")).not().containsText("Wilhelmina");
    }
}
