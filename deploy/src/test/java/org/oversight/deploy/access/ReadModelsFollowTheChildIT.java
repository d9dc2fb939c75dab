package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.support.Answers.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.platform.projections.ProjectionGrouping;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each read model keeps its own copy of who a child is, where the child belongs, who chairs for them and whom the
 * record is restricted to. A re-allocation, a transfer between authorities, a restriction and its lifting must move
 * every copy: the old chair's caseload, the sending authority's overdue list, search, read log, figures and the
 * brothers and sisters a conference may take in no longer show the child, and the new chair's and the receiving
 * authority's do. Rebuilding each projection from the event store gives the same copies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsFollowTheChildIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String WHY = "Checking the copies follow the child";
    private static final Map<String, SignedInPerson> PEOPLE = new HashMap<>();

    private static OversightTestApp app;
    private static String child;
    private static String sibling;

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app)
                .person("mv.n.first", "CHAIR", "DEMO-N", "Follow north")
                .person("mv.n.second", "CHAIR", "DEMO-N", "Follow north")
                .person("mv.n.manager", "TEAM_MANAGER", "DEMO-N", "Follow north")
                .person("mv.n.qa", "QA_LEAD", "DEMO-N", null)
                .person("mv.s.chair", "CHAIR", "DEMO-S", "Follow south")
                .person("mv.s.manager", "TEAM_MANAGER", "DEMO-S", "Follow south")
                .person("mv.s.qa", "QA_LEAD", "DEMO-S", null)
                .person("mv.regional", "REGIONAL_VIEWER", "DEMO-N", null)
                .worksFor("mv.regional", "DEMO-S", null);
        // looked after for 80 days without a review: the first review is overdue
        child = ok(as("mv.n.first").postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"FOL1","givenName":"Morgan","familyName":"Follower",
                 "dateOfBirth":"%s"}""".formatted(TODAY.minusYears(8)), null)).get("childId").asText();
        ok(as("mv.n.first").postJson("/api/children/" + child + "/chairs", """
                {"role":"IRO","chairId":"mv.n.first","allocatedFrom":"%s"}""".formatted(TODAY.minusDays(90)), null));
        ok(as("mv.n.first").postJson("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(TODAY.minusDays(80)), null));
        sibling = ok(as("mv.n.first").postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"FOL2","givenName":"Robin","familyName":"Follower",
                 "dateOfBirth":"%s"}""".formatted(TODAY.minusYears(6)), null)).get("childId").asText();
        ok(as("mv.n.first").postJson("/api/children/" + sibling + "/chairs", """
                {"role":"IRO","chairId":"mv.n.first","allocatedFrom":"%s"}""".formatted(TODAY), null));
        // a read of the child's record, for the read log
        await(() -> as("mv.n.first").get("/api/children/" + child, null).statusCode(), status -> status == 200);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aReallocationATransferAndARestrictionMoveEveryCopyOfTheChild() {
        // before: the sending authority sees the child everywhere
        await(() -> caseload("mv.n.first", null), ids -> ids.contains(child));
        await(() -> overdue("mv.n.qa"), items -> chairOf(items, child).equals("mv.n.first"));
        await(() -> found("mv.n.qa", "{\"name\":\"Morgan Follower\"}"), ids -> ids.contains(child));
        await(() -> reads("mv.n.qa"), ids -> ids.contains(child));
        await(() -> figures("DEMO-N"), row -> row.get("withAnOverdueClock").isNull()
                && row.get("lookedAfter").isNull());
        await(() -> candidates("mv.n.first", sibling), page -> page.contains(child));

        // a re-allocation takes the child off the first chair's caseload and puts it on the second's
        ok(as("mv.n.manager").postJson("/api/children/" + child + "/chairs", """
                {"role":"IRO","chairId":"mv.n.second","allocatedFrom":"%s"}""".formatted(TODAY), null));
        await(() -> caseload("mv.n.second", null), ids -> ids.contains(child));
        assertThat(caseload("mv.n.first", null)).as("the chair before").doesNotContain(child);
        await(() -> overdue("mv.n.qa"), items -> chairOf(items, child).equals("mv.n.second"));

        // a transfer takes the child out of every list of the sending authority and into the receiving one's
        ok(as("mv.n.manager").postJson("/api/children/" + child + "/transfer", """
                {"toLocalAuthority":"DEMO-S","toLocalIdentifier":"FOL-S1","transferredOn":"%s",
                 "reason":"The family moved to Southvale"}""".formatted(TODAY), null));
        await(() -> caseload("mv.n.second", null), ids -> !ids.contains(child));
        await(() -> overdue("mv.n.qa"), items -> !childrenOf(items).contains(child));
        await(() -> found("mv.n.qa", "{\"name\":\"Morgan Follower\"}"), ids -> !ids.contains(child));
        await(() -> reads("mv.n.qa"), ids -> !ids.contains(child));
        await(() -> figures("DEMO-N"), row -> row.get("withAnOverdueClock").asInt(-1) == 0
                && row.get("lookedAfter").asInt(-1) == 0);
        await(() -> candidates("mv.n.first", sibling), page -> !page.contains(child));
        assertThat(caseload("mv.n.manager", "mv.n.second")).doesNotContain(child);

        ok(as("mv.s.manager").postJson("/api/children/" + child + "/chairs", """
                {"role":"IRO","chairId":"mv.s.chair","allocatedFrom":"%s"}""".formatted(TODAY), null));
        await(() -> caseload("mv.s.chair", null), ids -> ids.contains(child));
        await(() -> overdue("mv.s.qa"), items -> chairOf(items, child).equals("mv.s.chair"));
        await(() -> found("mv.s.qa", "{\"identifier\":\"FOL-S1\"}"), ids -> ids.contains(child));
        await(() -> reads("mv.s.qa"), ids -> ids.contains(child));
        await(() -> figures("DEMO-S"), row -> row.get("withAnOverdueClock").isNull()
                && row.get("lookedAfter").isNull());
        assertThat(found("mv.n.qa", "{\"identifier\":\"FOL1\"}")).doesNotContain(child);

        // a restriction in the receiving authority keeps the child from the chair not named on it, until lifted
        ok(as("mv.s.manager").postJson("/api/children/" + child + "/restriction",
                "{\"namedPeople\":[\"mv.s.manager\"],\"reason\":\"A case in the news\"}", null));
        await(() -> caseload("mv.s.chair", null), ids -> !ids.contains(child));
        await(() -> overdue("mv.s.qa"), items -> !childrenOf(items).contains(child));
        await(() -> reads("mv.s.qa"), ids -> !ids.contains(child));
        assertThat(caseload("mv.s.manager", "mv.s.chair")).as("the person named").contains(child);
        assertThat(figures("DEMO-S").get("withAnOverdueClock").isNull()).as("figures count it still").isTrue();

        ok(as("mv.s.manager").postJson("/api/children/" + child + "/restriction/lift",
                "{\"reason\":\"No longer in the news\"}", null));
        await(() -> caseload("mv.s.chair", null), ids -> ids.contains(child));
        await(() -> overdue("mv.s.qa"), items -> childrenOf(items).contains(child));
        await(() -> reads("mv.s.qa"), ids -> ids.contains(child));
    }

    @Test
    @Order(2)
    void rebuildingEachProjectionFromTheEventStoreGivesTheSameCopies() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        // the caseload's group is one of those the processor below holds
        app.caughtUp("caseload");
        Map<String, List<String>> before = copies(jdbc);
        assertThat(before.get("caseload_child_copy")).as("the copies hold the children").isNotEmpty();

        // the projections holding the copies are read together, by one processor: reset, it rebuilds them all
        StreamingEventProcessor projections = app.bean(EventProcessingConfiguration.class)
                .eventProcessor(ProjectionGrouping.TOGETHER, StreamingEventProcessor.class).orElseThrow();
        projections.shutDown();
        projections.resetTokens();
        projections.start();

        assertThat(await(() -> copies(jdbc), before::equals)).isEqualTo(before);
    }

    // Steps

    private static final List<String> COPIES = List.of("caseload_child_copy", "caseload_allocation_copy",
            "due_item_child_copy", "due_item_allocation_copy", "protection_child_copy", "protection_allocation_copy",
            "escalation_child_copy", "child_search_child_copy", "history_read_child_copy");

    /** Every row of every copy, as text, in order. */
    private static Map<String, List<String>> copies(JdbcClient jdbc) {
        Map<String, List<String>> copies = new TreeMap<>();
        for (String copy : COPIES) {
            copies.put(copy, jdbc.sql("SELECT CAST(c AS text) FROM " + copy + " c ORDER BY 1").query(String.class)
                    .list());
        }
        return copies;
    }

    private static SignedInPerson as(String username) {
        return PEOPLE.computeIfAbsent(username,
                u -> SignedInPerson.signIn(app.baseUrl(), u, DemoPeople.DEMO_PASSWORD));
    }

    private static List<String> caseload(String reader, String chair) {
        JsonNode entries = ok(as(reader).get("/api/caseload" + (chair == null ? "" : "?chair=" + chair), null));
        return StreamSupport.stream(entries.spliterator(), false).map(e -> e.get("childId").asText()).toList();
    }

    private static JsonNode overdue(String reader) {
        return ok(as(reader).get("/api/service/overdue", null)).get("items");
    }

    private static List<String> childrenOf(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.get("childId").asText()).toList();
    }

    /** The chair of the child's overdue items, or "" when none is listed. */
    private static String chairOf(JsonNode items, String childId) {
        return StreamSupport.stream(items.spliterator(), false).filter(i -> i.get("childId").asText().equals(childId))
                .map(i -> i.get("chairId").asText("")).findFirst().orElse("");
    }

    private static List<String> found(String reader, String terms) {
        return ok(as(reader).postJson("/api/children/search", terms, null)).get("results").findValuesAsText("childId");
    }

    private static List<String> reads(String reader) {
        return StreamSupport.stream(ok(as(reader).get("/api/audit/reads", null)).get("reads").spliterator(), false)
                .map(r -> r.get("childId").asText()).distinct().toList();
    }

    private static JsonNode figures(String authority) {
        for (JsonNode row : ok(as("mv.regional").get("/api/figures", null))) {
            if (row.get("localAuthority").asText().equals(authority)) {
                return row;
            }
        }
        throw new AssertionError("no figures for " + authority);
    }

    /** The initial conference form of the child, which offers the brothers and sisters it may take in. */
    private static String candidates(String chair, String childId) {
        HttpResponse<String> page = as(chair).get("/children/" + childId + "/protection/initial-conference", WHY);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(read::get, done);
    }
}
