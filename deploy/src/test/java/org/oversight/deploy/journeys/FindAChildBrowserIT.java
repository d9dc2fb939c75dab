package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.deploy.support.TestPeople;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An auditor with no link to follow finds a child in a real browser: "Find a child" from the menu, a misspelt
 * name, the child among the results; the record asks why they need it, and once told opens the child's
 * decision history. The search and the reads are in the read log.
 */
class FindAChildBrowserIT {

    private static final String REASON = "Annual audit of plans in the sample";

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void startWithAChildAndAnAuditor() throws Exception {
        journey = BrowserJourney.start();
        JdbcClient jdbc = journey.app().bean(JdbcClient.class);
        new TestPeople(journey.app()).person("t.find.chair", "CHAIR", "DEMO-N", null);
        new TestPeople(journey.app()).person("t.find.auditor", "AUDITOR", "DEMO-N", null);
        SignedInPerson chair = SignedInPerson.signIn(journey.app().baseUrl(), "t.find.chair", DemoPeople.DEMO_PASSWORD);
        HttpResponse<String> registered = chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"FIND1","givenName":"Rowan","familyName":"Access",
                 "dateOfBirth":"2016-03-01"}""", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        childId = new ObjectMapper().readTree(registered.body()).get("childId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM child_search_name) + (SELECT count(*) FROM caseload_child)
                """).query(Long.class).single() == 2);
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void anAuditorFindsAChildByAMisspeltNameAndOpensTheirHistoryAfterSayingWhy() {
        Page page = journey.signedInAs("t.find.auditor");
        BrowserJourney.navigateTo(page, "Find a child");
        assertThat(heading(page)).hasText("Find a child");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Rowen Acess");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator found = page.getByTestId("found-child");
        assertThat(found).hasCount(1);
        assertThat(found).containsText("1 March 2016");
        assertThat(found).containsText("FIND1");
        // what was searched for stays out of the address
        assertThat(page.url()).endsWith("/children/search");

        found.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rowan Access")).click();
        assertThat(heading(page)).hasText("Why do you need this record?");
        page.getByLabel("Why do you need this record?").fill(REASON);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(heading(page)).hasText("Rowan Access");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decision history, as at any date")).click();
        assertThat(heading(page)).hasText("Decision history");
        assertThat(page.getByTestId("history-entry")).hasCount(1);

        JdbcClient jdbc = journey.app().bean(JdbcClient.class);
        assertThat(jdbc.sql("""
                SELECT how || ':' || coalesce(purpose, '') FROM history_read
                 WHERE username = 't.find.auditor' AND child_id = :child ORDER BY id
                """).param("child", childId).query(String.class).list())
                .containsExactly("SEARCH:", "CHILD:" + REASON, "PAGE:" + REASON);
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
