package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;
import org.oversight.events.RecordedBy;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator finds the events a projection set aside, retries one child's (which fails again until the cause
 * is fixed), widens the column at fault and retries again: the child's events are applied and the list empties. The
 * page shows the child's case id and the failure's class, never the child's name. A chair may not open it.
 */
class DeadLettersBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void anAdministratorRetriesAChildsSetAsideEventsOnceTheCauseIsFixed() throws Exception {
        LocalDate today = journey.clock().today();
        ApiClient chair = ApiClient.as(journey.app().baseUrl(), "chair.brown");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"DLB1","givenName":"Juniper","familyName":"Quill",
                 "dateOfBirth":"2016-04-04"}""");
        String child = JSON.readTree(registered.body()).get("childId").asText();
        chair.post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"" + today.minusDays(10) + "\"}");
        JdbcTemplate jdbc = journey.app().bean(JdbcTemplate.class);
        // projection columns are unbounded text: put back the narrow column of an earlier release as the defect
        jdbc.execute("ALTER TABLE protection_enquiry ALTER COLUMN enquiry_id TYPE VARCHAR(80)");
        Integer width = jdbc.queryForObject("SELECT character_maximum_length FROM information_schema.columns "
                + "WHERE table_name = 'protection_enquiry' AND column_name = 'enquiry_id'", Integer.class);
        append("protection-" + child, new Section47EnquiryStarted(child, "E".repeat(width + 1), today.minusDays(9)));
        chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + today.minusDays(2) + "\"}");
        awaitSetAside(jdbc, 2);

        Page page = journey.signedInAs("admin.ford");
        page.navigate("/operations/dead-letters");
        assertThat(page.getByTestId("projections")).containsText("protection");
        assertThat(page.getByTestId("letters-protection")).containsText(child);
        assertThat(page.getByTestId("letters-protection")).containsText("Section47EnquiryStarted");
        assertThat(page.getByTestId("letters-protection")).containsText("DataIntegrityViolationException");
        assertThat(page.getByTestId("letters-protection")).containsText("Waiting behind the event that failed");
        assertThat(page.locator("main")).not().containsText("Juniper");
        assertThat(page.locator("main")).not().containsText("EEEEEEEEEE");

        page.getByTestId("retry-" + child).click();
        assertThat(page.getByTestId("retry-outcome")).containsText("0 of 1 sequences of protection applied in full");
        assertThat(page.getByTestId("letters-protection").locator("tbody tr").first().locator("td").nth(4))
                .hasText("1");

        jdbc.execute("ALTER TABLE protection_enquiry ALTER COLUMN enquiry_id TYPE VARCHAR(200)");
        page.getByTestId("retry-" + child).click();
        assertThat(page.getByTestId("retry-outcome")).containsText("1 of 1 sequences of protection applied in full");
        assertThat(page.getByTestId("retry-outcome")).containsText("0 events still set aside");
        page.navigate("/operations/dead-letters");
        assertThat(page.getByTestId("nothing-set-aside")).isVisible();
        page.context().close();

        Page chairPage = journey.signedInAs("chair.brown");
        org.assertj.core.api.Assertions.assertThat(chairPage.navigate("/operations/dead-letters").status())
                .isEqualTo(403);
        chairPage.context().close();
    }

    private static void append(String aggregateId, Object payload) {
        EventStore store = journey.app().bean(EventStore.class);
        long next = store.lastSequenceNumberFor(aggregateId).orElse(-1L) + 1;
        store.publish(new GenericDomainEventMessage<>("ChildProtection", aggregateId, next, payload,
                MetaData.with(RecordedBy.USERNAME, "chair.brown").and(RecordedBy.DISPLAY_NAME, "Ben Brown")
                        .and(RecordedBy.RECORDED_AT, Instant.now().toString())
                        .and(RecordedBy.CORRELATION_ID, UUID.randomUUID().toString())));
    }

    private static void awaitSetAside(JdbcTemplate jdbc, long letters) {
        Awaitility.await("the projection sets the events aside").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class),
                        count -> count >= letters);
    }
}
