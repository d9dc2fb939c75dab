package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.support.Answers.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.access.Scope;
import org.oversight.query.clocks.due.DueItems;
import org.oversight.query.clocks.due.OverdueQueries;
import org.oversight.query.clocks.due.OverdueQueries.OverdueItem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transferred child's due items go with the child at once, before they are worked out again. The overdue lists
 * and figures filter on the item's own authority as well as the child's, so an item still marked with the sending
 * authority would drop the child from both authorities' lists until the background reached it, which after a
 * rebuild or a large change of timescales can be minutes. Here the background is held, so only the transfer itself
 * can move the items.
 */
class DueItemsGoWithTheChildIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void aTransferredChildsOverdueItemsShowInTheReceivingAuthorityBeforeTheyAreWorkedOutAgain() {
        try (OversightTestApp app = OversightTestApp.start(TestPostgres.freshDatabase(),
                "--oversight.due-items.refresh-delay=PT1H")) {
            new TestPeople(app)
                    .person("go.n.chair", "CHAIR", "DEMO-N", "Go north")
                    .person("go.n.manager", "TEAM_MANAGER", "DEMO-N", "Go north");
            SignedInPerson chair = SignedInPerson.signIn(app.baseUrl(), "go.n.chair", DemoPeople.DEMO_PASSWORD);
            SignedInPerson manager = SignedInPerson.signIn(app.baseUrl(), "go.n.manager", DemoPeople.DEMO_PASSWORD);
            DueItems dueItems = app.bean(DueItems.class);
            OverdueQueries overdue = app.bean(OverdueQueries.class);
            JdbcClient jdbc = app.bean(JdbcClient.class);
            Scope north = new Scope("go.n.qa", List.of("DEMO-N"), false);
            Scope south = new Scope("go.s.qa", List.of("DEMO-S"), false);

            // looked after for 80 days without a review: the first review is overdue
            String child = ok(chair.postJson("/api/children", """
                    {"localAuthority":"DEMO-N","localIdentifier":"GO1","givenName":"Alex","familyName":"Goer",
                     "dateOfBirth":"%s"}""".formatted(TODAY.minusYears(9)), null)).get("childId").asText();
            ok(chair.postJson("/api/children/" + child + "/chairs", """
                    {"role":"IRO","chairId":"go.n.chair","allocatedFrom":"%s"}""".formatted(TODAY.minusDays(90)),
                    null));
            ok(chair.postJson("/api/children/" + child + "/looked-after/periods",
                    "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(TODAY.minusDays(80)), null));
            // with the background held, the test works the child out itself once the period is projected
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        dueItems.refreshStale(10);
                        return children(overdue.overdue(null, north, 100).items()).contains(child);
                    });
            assertThat(itemAuthorities(jdbc, child)).containsOnly("DEMO-N");
            assertThat(overdue.childrenOverdue("DEMO-N")).isEqualTo(1);

            ok(manager.postJson("/api/children/" + child + "/transfer", """
                    {"toLocalAuthority":"DEMO-S","toLocalIdentifier":"GO-S1","transferredOn":"%s",
                     "reason":"The family moved to Southvale"}""".formatted(TODAY), null));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jdbc.sql("SELECT local_authority FROM due_item_child_copy WHERE child_id = ?")
                            .param(child).query(String.class).single().equals("DEMO-S"));
            assertThat(dueItems.staleCount()).as("the child is still to be worked out again").isPositive();

            List<OverdueItem> southList = overdue.overdue(null, south, 100).items();
            assertThat(children(southList)).as("the receiving authority's overdue list").contains(child);
            assertThat(southList).filteredOn(item -> item.childId().equals(child))
                    .extracting(OverdueItem::localAuthority).containsOnly("DEMO-S");
            assertThat(children(overdue.overdue(null, north, 100).items())).as("the sending authority's")
                    .doesNotContain(child);
            assertThat(overdue.childrenOverdue("DEMO-S")).isEqualTo(1);
            assertThat(overdue.childrenOverdue("DEMO-N")).isZero();
            assertThat(itemAuthorities(jdbc, child)).as("the items' own authority").containsOnly("DEMO-S");

            // worked out again, the items stay where the child is
            while (dueItems.staleCount() > 0) {
                dueItems.refreshStale(10);
            }
            assertThat(itemAuthorities(jdbc, child)).containsOnly("DEMO-S");
            assertThat(children(overdue.overdue(null, south, 100).items())).contains(child);
            assertThat(overdue.childrenOverdue("DEMO-N")).isZero();
        }
    }

    private static List<String> itemAuthorities(JdbcClient jdbc, String child) {
        return jdbc.sql("SELECT local_authority FROM due_item WHERE child_id = ?").param(child).query(String.class)
                .list();
    }

    private static List<String> children(List<OverdueItem> items) {
        return items.stream().map(OverdueItem::childId).toList();
    }
}
