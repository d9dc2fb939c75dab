package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator makes the national CIN census in a real browser: the form asks why first, the run's page shows
 * its progress reach the end without a click and then offers the archive, which downloads with one census file per
 * authority; the page as sent (all a browser without scripts sees) offers it too, and the child in it is logged as
 * read with the reason given.
 */
class NationalCensusBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "National census for the regional return";
    private static BrowserJourney journey;
    private static String onPlan;

    @BeforeAll
    static void startApplicationAndBrowser() throws IOException {
        journey = BrowserJourney.start();
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        onPlan = JSON.readTree(ok(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"NAT1","givenName":"Rowan","familyName":"National",
                 "dateOfBirth":"2016-02-11"}"""))).get("childId").asText();
        ok(chair.post("/api/children/" + onPlan + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"2025-06-02\"}"));
        String enquiry = JSON.readTree(ok(chair.post("/api/children/" + onPlan
                + "/protection/strategy-discussions", "{\"strategyDiscussionOn\":\"2025-06-02\"}"))).get("id").asText();
        ok(chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"2025-06-20","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}""".formatted(onPlan, enquiry)));
        JdbcTemplate jdbc = journey.app().bean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM returns_conference WHERE child_id = ?", Integer.class, onPlan) == 1);
    }

    @AfterAll
    static void stopBrowserAndApplication() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void anAdministratorStartsTheNationalCensusSeesItsProgressReachTheEndAndDownloadsIt() throws IOException {
        Page page = journey.signedInAs("admin.ford");
        List<String> polls = new ArrayList<>();
        page.onResponse(r -> {
            if (r.url().endsWith("/progress")) {
                polls.add(String.valueOf(r.status()));
            }
        });
        page.navigate(journey.app().baseUrl() + "/returns");
        page.getByLabel("Collection year").selectOption("2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make every authority's census XML"))
                .click();
        assertThat(page).hasTitle(Pattern.compile("^Error: Returns"));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why you are making this return");

        page.getByLabel("Why are you making these returns?").fill(REASON);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make every authority's census XML"))
                .click();
        // the run's address is a random id: nothing about the children or the reason
        assertThat(page).hasURL(Pattern.compile("/returns/national/cin/runs/[0-9a-f]{8}-[0-9a-f-]{27}$"));
        try {
            assertThat(page.getByTestId("census-state")).hasText("Finished.",
                    new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        } catch (AssertionError stuck) {
            throw new AssertionError("The page's polls were answered " + polls, stuck);
        }
        assertThat(page.getByTestId("census-counts")).hasText("2 of 2 authorities done, 1 children written");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check progress"))).isHidden();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download every authority's census XML (ZIP)")).click());
        assertThat(download.suggestedFilename()).isEqualTo("cin-census-2026.zip");
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(new ArrayList<>(entries.keySet()))
                .containsExactly("cin-census-DEMO-N-2026.xml", "cin-census-DEMO-S-2026.xml");
        assertThat(entries.get("cin-census-DEMO-N-2026.xml")).contains("<LAchildID>NAT1</LAchildID>",
                "<CPPstartDate>2025-06-20</CPPstartDate>");
        assertThat(entries.get("cin-census-DEMO-S-2026.xml")).doesNotContain("NAT1");

        // the page as it is sent, which is all a browser without scripts sees, offers the finished archive too
        page.reload();
        assertThat(page.getByTestId("census-state")).hasText("Finished.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download every authority's census XML (ZIP)"))).isVisible();
        assertThat(journey.app().bean(JdbcTemplate.class).queryForList(
                "SELECT username || '|' || purpose FROM history_read WHERE child_id = ? AND how = 'CIN_CENSUS'",
                String.class, onPlan)).containsExactly("admin.ford|" + REASON);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
