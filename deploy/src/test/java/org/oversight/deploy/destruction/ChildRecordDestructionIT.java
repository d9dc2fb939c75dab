package org.oversight.deploy.destruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.platform.AxonConfiguration;
import org.oversight.deploy.platform.JsonUpcaster;
import org.oversight.deploy.platform.SealingEventStorageEngine;
import org.oversight.deploy.platform.personal.OpenPersonalContent;
import org.oversight.deploy.platform.personal.PersonalContent;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.revisions.EventRevisions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Destroying a child's record through HTTP, checked from PostgreSQL itself: afterwards the child's names, date of
 * birth and identifier are in no column of any table, the sealed history of that child and of others still
 * verifies, the history still reads (the destruction and the facts that were never personal), another child is
 * untouched, and the decision is refused to a chair, to another authority's data officer and a second time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildRecordDestructionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String DESTROYED_GIVEN = "Zebedee";
    private static final String DESTROYED_FAMILY = "Quillfeather";
    private static final String DESTROYED_BIRTH = "2014-02-03";
    private static final String DESTROYED_IDENTIFIER = "SHRED-77";
    private static final String KEPT_FAMILY = "Marchbanks";
    private static final String REASON = "Checking the record after its destruction";

    private static OversightTestApp app;
    private static JdbcClient jdbc;
    private static SignedInPerson chair;
    private static SignedInPerson officer;
    private static SignedInPerson southOfficer;
    private static SignedInPerson auditor;
    private static SignedInPerson qaOfficer;
    private static SignedInPerson qa;
    private static String destroyed;
    private static String kept;
    private static String byForm;

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        jdbc = app.bean(JdbcClient.class);
        new TestPeople(app)
                .person("d.chair", "CHAIR", "DEMO-N", "Destruction team")
                .person("d.officer", "DATA_OFFICER", "DEMO-N", null)
                .person("d.south.officer", "DATA_OFFICER", "DEMO-S", null)
                .person("d.auditor", "AUDITOR", "DEMO-N", null)
                .person("d.qa", "QA_LEAD", "DEMO-N", null)
                .person("d.qa.officer", "QA_LEAD,DATA_OFFICER", "DEMO-N", null);
        chair = SignedInPerson.signIn(app.baseUrl(), "d.chair", DemoPeople.DEMO_PASSWORD);
        officer = SignedInPerson.signIn(app.baseUrl(), "d.officer", DemoPeople.DEMO_PASSWORD);
        southOfficer = SignedInPerson.signIn(app.baseUrl(), "d.south.officer", DemoPeople.DEMO_PASSWORD);
        auditor = SignedInPerson.signIn(app.baseUrl(), "d.auditor", DemoPeople.DEMO_PASSWORD);
        qa = SignedInPerson.signIn(app.baseUrl(), "d.qa", DemoPeople.DEMO_PASSWORD);
        qaOfficer = SignedInPerson.signIn(app.baseUrl(), "d.qa.officer", DemoPeople.DEMO_PASSWORD);
        destroyed = childWithARecord(DESTROYED_IDENTIFIER, DESTROYED_GIVEN, DESTROYED_FAMILY, DESTROYED_BIRTH);
        conferenceWithMinutesAbout(destroyed, DESTROYED_GIVEN + " " + DESTROYED_FAMILY, DESTROYED_IDENTIFIER);
        kept = childWithARecord("KEEP-12", "Ottoline", KEPT_FAMILY, "2013-06-21");
        byForm = childWithARecord("FORM-31", "Perpetua", "Formby", "2012-09-14");
        // the authority keeps an enquiry that led to no plan for one year from birth, so these records are due today
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").post("/api/local-authorities/DEMO-N/retention-schedule",
                """
                {"recordType":"CHILD_PROTECTION_ENQUIRY","years":1,"from":"BIRTH","reason":"Records of enquiries"}""")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM retention_child WHERE child_id IN (:ids) AND due_on <= CURRENT_DATE
                """).param("ids", List.of(destroyed, kept, byForm)).query(Long.class).single() == 3);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A registered child with a chair, a strategy discussion and an escalation whose words name the child. */
    private static String childWithARecord(String identifier, String given, String family, String birth) {
        String child = body(ok(chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"%s"}""".formatted(identifier, given, family, birth), null))).get("childId").asText();
        ok(chair.postJson("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"d.chair\",\"allocatedFrom\":\"" + TODAY + "\"}", null));
        ok(chair.postJson("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + TODAY.minusDays(3) + "\"}", null));
        String escalation = body(ok(chair.postJson("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Allocate a social worker to %s %s","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(child, given, family, TODAY), null))).get("escalationId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> chair.get("/api/escalations/" + escalation, null)
                .statusCode() == 200 && chair.get("/api/children/" + child, null).statusCode() == 200
                && chair.get("/api/children/" + child + "/protection", null).statusCode() == 200);
        ok(chair.get("/api/children/" + child, null));
        return child;
    }

    @Test
    @Order(1)
    void theStoredEventsHoldTheChildsPersonalContentOnlyEncrypted() {
        assertThat(tablesHolding(DESTROYED_FAMILY)).as("read tables before destruction").isNotEmpty()
                .doesNotContain("domainevententry.payload");
        assertThat(tablesHolding(KEPT_FAMILY)).doesNotContain("domainevententry.payload");
        assertThat(jdbc.sql("SELECT count(*) FROM data_key WHERE key_id = :id AND wrapped IS NOT NULL")
                .param("id", destroyed).query(Long.class).single()).isOne();
    }

    @Test
    @Order(2)
    void anUpcasterReadsAnEncryptedEventInPlainAfterTheContentIsOpened() {
        EventUpcasterChain chain = new EventUpcasterChain(
                new OpenPersonalContent(app.bean(PersonalContent.class)), new NamesInCapitals());
        DomainEventStream stream = engine(chain).readEvents(kept);
        ChildRegistered registered = (ChildRegistered) stream.next().getPayload();

        assertThat(registered.familyName()).isEqualTo(KEPT_FAMILY.toUpperCase(Locale.UK));
        assertThat(registered.dateOfBirth()).isEqualTo(LocalDate.parse("2013-06-21"));
    }

    @Test
    @Order(3)
    void aChairCannotDestroyARecord() {
        HttpResponse<String> refused = chair.postJson(destruction(destroyed), "{\"retentionRule\":\"CHILD_PROTECTION_ENQUIRY\"}", null);

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void anotherAuthoritysDataOfficerFindsNoSuchRecord() {
        HttpResponse<String> refused = southOfficer.postJson(destruction(destroyed),
                "{\"retentionRule\":\"CHILD_PROTECTION_ENQUIRY\"}", null);

        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aRetentionRuleThatIsNoCodeIsRefusedNamingTheFieldRule() {
        HttpResponse<String> refused = officer.postJson(destruction(destroyed),
                "{\"retentionRule\":\"kept for <b>75</b> years\"}", null);

        assertThat(refused.statusCode()).isBetween(400, 422);
        assertThat(refused.body()).contains("retentionRule").contains("code");
    }

    @Test
    @Order(5)
    void aRecordIsNotDestroyedBeforeItIsDueNorUnderAnotherTypesRule() {
        String registeredOnly = body(ok(chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"NOT-DUE-1","givenName":"Aurelia","familyName":"Keepwell",
                 "dateOfBirth":"2015-04-02"}""", null))).get("childId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM retention_child WHERE child_id = :id").param("id", registeredOnly)
                .query(Long.class).single() == 1);
        HttpResponse<String> early = officer.postJson(destruction(registeredOnly),
                "{\"retentionRule\":\"REGISTRATION_ONLY\"}", null);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        assertThat(early.body()).contains("record-not-destroyed-before-it-is-due");

        HttpResponse<String> otherRule = officer.postJson(destruction(kept), "{\"retentionRule\":\"LOOKED_AFTER\"}",
                null);
        assertThat(otherRule.statusCode()).as(otherRule.body()).isEqualTo(422);
        assertThat(otherRule.body()).contains("record-destroyed-under-its-own-rule");
        assertThat(jdbc.sql("SELECT count(*) FROM data_key WHERE key_id IN (:ids) AND destroyed_at IS NOT NULL")
                .param("ids", List.of(registeredOnly, kept)).query(Long.class).single()).isZero();
    }

    /**
     * An initial conference deciding no plan, on the latest weekday since the strategy discussion, whose minutes
     * name the child: the narrative store must forget them with the record.
     */
    private static void conferenceWithMinutesAbout(String child, String name, String identifier) {
        await().atMost(Duration.ofSeconds(30)).until(() -> body(ok(chair.get("/api/children/" + child
                + "/protection", null))).get("enquiries").size() == 1);
        String enquiry = body(ok(chair.get("/api/children/" + child + "/protection", null))).get("enquiries").get(0)
                .get("enquiryId").asText();
        LocalDate heldOn = TODAY;
        while (heldOn.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
                || heldOn.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            heldOn = heldOn.minusDays(1);
        }
        String conference = body(ok(chair.postJson("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police"],
                 "chairId":"d.chair","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"NO_PLAN",
                 "previousPlans":0,"childsView":{"attended":false,"conveyed":"NOT_CONVEYED"}}]}"""
                .formatted(heldOn, child, enquiry), null))).get("conferenceId").asText();
        String papers = "/api/children/" + child + "/protection/conferences/" + conference + "/";
        ok(chair.postJson(papers + "minutes", """
                {"summary":"%s (%s) needs no plan; the family accepts help","passages":[
                 {"text":"%s's aunt told the police about the home","withheldFromParents":true}]}"""
                .formatted(name, identifier, name), null));
        ok(chair.postJson(papers + "papers-sent", "{\"paper\":\"MINUTES\",\"sentOn\":\"%s\"}"
                .formatted(heldOn), null));
        assertThat(jdbc.sql("SELECT count(*) FROM conference_narrative WHERE child_id = :child")
                .param("child", child).query(Long.class).single()).isOne();
    }

    @Test
    @Order(6)
    void theDataOfficerDestroysTheRecordAndNothingOfTheChildIsLeftInTheDatabase() {
        HttpResponse<String> done = ok(officer.postJson(destruction(destroyed), "{\"retentionRule\":\"CHILD_PROTECTION_ENQUIRY\"}",
                null));
        assertThat(body(done).get("childId").asText()).isEqualTo(destroyed);

        await().atMost(Duration.ofSeconds(30)).until(() -> tablesHolding(DESTROYED_FAMILY).isEmpty());
        for (String needle : List.of(DESTROYED_GIVEN, DESTROYED_FAMILY, DESTROYED_BIRTH, "03/02/2014",
                "3 February 2014", DESTROYED_IDENTIFIER, "SHRED77", "zebedee", "quillfeather")) {
            assertThat(tablesHolding(needle)).as("columns holding %s", needle).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns c WHERE c.table_schema = "
                + "current_schema() AND c.data_type = 'date'").query(Long.class).single()).isPositive();
        assertThat(datesHolding(LocalDate.parse(DESTROYED_BIRTH))).isEmpty();
        // no row of any table is about the child any more, bar the sealed read log and the list of keys destroyed
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsAbout(destroyed).isEmpty());
        assertThat(rowsAbout(kept)).as("the other child's rows").contains("caseload_child", "due_item_child_copy");
        // the scan finds what is there: the other child is in the read tables still
        assertThat(tablesHolding(KEPT_FAMILY)).contains("caseload_child.family_name");
        assertThat(jdbc.sql("SELECT wrapped IS NULL AND destroyed_at IS NOT NULL FROM data_key WHERE key_id = :id")
                .param("id", destroyed).query(Boolean.class).single()).isTrue();
    }

    @Test
    @Order(7)
    void theSealedHistoryOfTheDestroyedChildAndOfTheOtherStillVerifies() {
        for (String child : List.of(destroyed, kept)) {
            JsonNode verification = body(ok(auditor.get("/api/children/" + child + "/integrity", REASON)));
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    @Test
    @Order(7)
    void theIntegrityPageOfTheDestroyedChildVerifiesTheStreamAndNamesTheDestructionWithNoPersonalData() {
        String page = ok(auditor.get("/children/" + destroyed + "/integrity", REASON)).body();

        assertThat(page).contains("Chain intact").contains("Destroyed record").contains("data-testid=\"destruction\"")
                .contains("d.officer").contains("CHILD_PROTECTION_ENQUIRY")
                .contains(TODAY.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
        long affected = jdbc.sql("SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'eventsAffected')::bigint "
                + "FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber DESC LIMIT 1")
                .param("id", destroyed).query(Long.class).single();
        assertThat(affected).isPositive();
        assertThat(page).contains(">" + affected + "</dd>");
        for (String personal : List.of(DESTROYED_GIVEN, DESTROYED_FAMILY, DESTROYED_IDENTIFIER, DESTROYED_BIRTH,
                "3 February 2014")) {
            assertThat(page).doesNotContain(personal);
        }
        // a record still kept shows the child and no destruction
        assertThat(ok(auditor.get("/children/" + kept + "/integrity", REASON)).body()).contains(KEPT_FAMILY)
                .contains("Chain intact").doesNotContain("data-testid=\"destruction\"");
    }

    @Test
    @Order(8)
    void theHistoryShowsTheDestructionAndTheFactsThatWereNeverPersonal() {
        HttpResponse<String> history = ok(auditor.get("/api/children/" + destroyed + "/history", REASON));

        assertThat(history.body()).contains("Record destroyed by d.officer").contains("CHILD_PROTECTION_ENQUIRY")
                .contains("Section 47 enquiry started").doesNotContain(DESTROYED_FAMILY)
                .doesNotContain(DESTROYED_IDENTIFIER);
        long recorded = jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN "
                + "(:a, :b, :c) OR aggregateidentifier IN (SELECT key_id FROM data_key_child WHERE child_id = :a)")
                .param("a", destroyed).param("b", "protection-" + destroyed).param("c", "care-" + destroyed)
                .query(Long.class).single();
        assertThat(history.body()).contains("The personal content of " + (recorded - 1) + " recorded events");
        HttpResponse<String> asAt = ok(auditor.get("/api/children/" + destroyed + "/as-at", REASON));
        assertThat(asAt.body()).doesNotContain(DESTROYED_FAMILY).doesNotContain(DESTROYED_BIRTH);
        assertThat(ok(auditor.get("/children/" + destroyed + "/history", REASON)).body())
                .contains("Record destroyed").doesNotContain(DESTROYED_GIVEN);
    }

    @Test
    @Order(9)
    void theCaseStillLoadsAndRefusesAnythingMore() {
        HttpResponse<String> again = officer.postJson(destruction(destroyed), "{\"retentionRule\":\"CHILD_PROTECTION_ENQUIRY\"}", null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(body(again).get("rule").asText()).isEqualTo("record-destroyed-once");

        HttpResponse<String> birth = chair.postJson("/api/children/" + destroyed + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"d.chair\",\"allocatedFrom\":\"" + TODAY + "\"}", null);
        assertThat(birth.statusCode()).isEqualTo(422);
        assertThat(body(birth).get("rule").asText()).isEqualTo("nothing-recorded-after-destruction");
        assertThat(chair.get("/api/children/" + destroyed, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void theOtherChildIsUntouchedAndStillReadable() {
        JsonNode other = body(ok(chair.get("/api/children/" + kept, null)));

        assertThat(other.get("familyName").asText()).isEqualTo(KEPT_FAMILY);
        assertThat(other.get("dateOfBirth").asText()).isEqualTo("2013-06-21");
        assertThat(ok(chair.get("/api/children/" + kept + "/history", null)).body()).contains(KEPT_FAMILY)
                .contains("Allocate a social worker to Ottoline " + KEPT_FAMILY);
    }

    @Test
    @Order(11)
    void theChildsPageLinksToTheFormOnlyForADataOfficer() {
        String page = "/children/" + byForm;
        assertThat(ok(qaOfficer.get(page, REASON)).body()).contains("/children/" + byForm + "/destruction")
                .contains("Destroy this record");
        assertThat(ok(qa.get(page, REASON)).body()).doesNotContain("/destruction").doesNotContain("Destroy this record");
        assertThat(ok(chair.get(page, null)).body()).doesNotContain("Destroy this record");
    }

    @Test
    @Order(12)
    void theFormNamesTheRecordWarnsThatItCannotBeUndoneAndSaysWhatIsWrong() {
        String form = "/children/" + byForm + "/destruction";
        assertThat(ok(officer.get(form, null)).body()).contains("Are you sure you want to destroy this record?")
                .contains("govuk-warning-text").contains("You cannot undo this").contains("Formby")
                .contains("name=\"retentionRule\"");
        assertThat(qa.get(form, REASON).statusCode()).isEqualTo(403);

        HttpResponse<String> wrong = officer.postForm(form, "retentionRule=", null);
        assertThat(wrong.statusCode()).isIn(302, 303);
        String location = wrong.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/children/" + byForm + "/destruction");
        assertThat(officer.get(location.replaceFirst("^https?://[^/]+", ""), null).body())
                .contains("govuk-error-summary").contains("Enter the code of the retention rule");
        assertThat(jdbc.sql("SELECT count(*) FROM data_key WHERE key_id = :id AND destroyed_at IS NULL")
                .param("id", byForm).query(Long.class).single()).isOne();

        HttpResponse<String> done = officer.postForm(form, "retentionRule=CHILD_PROTECTION_ENQUIRY", null);
        assertThat(done.statusCode()).isIn(302, 303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain(byForm);
        assertThat(jdbc.sql("SELECT count(*) FROM data_key WHERE key_id = :id AND destroyed_at IS NOT NULL")
                .param("id", byForm).query(Long.class).single()).isOne();
    }

    /** The tables (other than the sealed read log) with a row whose child_id is the child's. */
    private static List<String> rowsAbout(String child) {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.column_name = 'child_id' AND c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                   AND c.table_name NOT IN ('history_read', 'data_key_child')
                """).query(String.class).list()) {
            if (jdbc.sql("SELECT count(*) FROM " + table + " WHERE child_id = :child").param("child", child)
                    .query(Long.class).single() > 0) {
                found.add(table);
            }
        }
        return found;
    }

    /** Every text, JSON, array and byte column of every table that holds the needle, as table.column. */
    private static List<String> tablesHolding(String needle) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns("'text', 'character varying', 'character', 'json', 'jsonb', "
                + "'bytea', 'ARRAY'")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String sql = "bytea".equals(column.get("data_type"))
                    ? "SELECT count(*) FROM " + table + " WHERE position(:bytes in " + name + ") > 0"
                    : "SELECT count(*) FROM " + table + " WHERE " + name + "::text ILIKE :like";
            long rows = jdbc.sql(sql).param("bytes", needle.getBytes(StandardCharsets.UTF_8))
                    .param("like", "%" + needle + "%").query(Long.class).single();
            if (rows > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    private static List<String> datesHolding(LocalDate day) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns("'date'")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            if (jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + name + " = :day").param("day", day)
                    .query(Long.class).single() > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    private static List<Map<String, Object>> columns(String types) {
        return jdbc.sql("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                   AND c.data_type IN (%s)
                """.formatted(types)).query().listOfRows();
    }

    private static SealingEventStorageEngine engine(EventUpcasterChain upcasters) {
        DataSource dataSource = app.bean(DataSource.class);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        return AxonConfiguration.sealingEngine(
                AxonConfiguration.storedEventSerializer(app.bean(PersonalContent.class)),
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(dataSource), new SpringTransactionManager(transactions),
                AxonConfiguration.uniqueViolation(), List.of(upcasters), dataSource,
                new EventChainHash(java.util.Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY)));
    }

    /** A step of this test's own, reshaping a personal field: it reads the name, so it needs it in plain. */
    static final class NamesInCapitals extends JsonUpcaster {
        NamesInCapitals() {
            super(ChildRegistered.class, EventRevisions.FIRST, "2");
        }

        @Override
        protected ObjectNode reshape(ObjectNode previous) {
            previous.put("familyName", previous.get("familyName").asText().toUpperCase(Locale.UK));
            return previous;
        }
    }

    private static String destruction(String child) {
        return "/api/children/" + child + "/destruction";
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
