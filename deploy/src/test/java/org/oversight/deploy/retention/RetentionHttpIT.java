package org.oversight.deploy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention over HTTP against a real PostgreSQL: the records due for destruction in an authority, with the rule
 * that makes each due, seen only by its own data officers and administrators, paged within bounds; the local
 * rows of the schedule changed by administrators and carried to every record of the type; legal holds placed and
 * lifted by data officers, a held record shown as held and never as due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String DUE = "/api/local-authorities/DEMO-N/retention/due";

    private OversightTestApp app;
    private int children;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app).person("t.south.data", "DATA_OFFICER", "DEMO-S", null);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDataOfficerListsTheirAuthoritysRecordsPastTheirPeriodWithTheRuleThatMakesEachDue() {
        String past = enquiryLongAgo("DEMO-N");
        String recent = registered("DEMO-N", TODAY.minusYears(3));

        JsonNode record = awaitListed(dataOfficer(), DUE + "?size=100", past);

        assertThat(record.get("recordType").asText()).isEqualTo("CHILD_PROTECTION_ENQUIRY");
        assertThat(record.get("statutory").asBoolean()).isFalse();
        assertThat(record.get("dueOn").asText()).isEqualTo("2020-03-10");
        assertThat(record.get("rule").asText()).startsWith("Kept 10 years from the day the last involvement closed");
        assertThat(record.get("why").asText()).isEqualTo("The child protection enquiry's last recorded day was 10 March 2010");
        assertThat(record.get("localIdentifier").asText()).startsWith("RET");
        assertThat(record.get("held").isArray()).isTrue();
        assertThat(record.get("held")).isEmpty();
        JsonNode page = json(dataOfficer().get(DUE + "?size=100"));
        assertThat(page.get("due").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("asAt").asText()).isEqualTo(TODAY.toString());
        assertThat(ids(page)).doesNotContain(recent);
        // each child listed is a read of that child, in the read log
        assertThat(app.bean(JdbcClient.class).sql("""
                SELECT count(*) FROM history_read WHERE username = 'data.iqbal' AND child_id = :child
                   AND how = 'RETENTION'""").param("child", past).query(Long.class).single()).isPositive();
        // the administrator of the authority sees the same list
        assertThat(ids(json(ApiClient.as(app.baseUrl(), "admin.ford").get(DUE + "?size=100")))).contains(past);
    }

    @Test
    void anotherAuthoritysDataOfficerNeitherSeesTheListNorFindsItsRecordsInTheirOwn() {
        String past = enquiryLongAgo("DEMO-N");
        awaitListed(dataOfficer(), DUE + "?size=100", past);
        ApiClient south = ApiClient.as(app.baseUrl(), "t.south.data");

        HttpResponse<String> other = south.get(DUE);
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> own = south.get("/api/local-authorities/DEMO-S/retention/due?size=100");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(ids(json(own))).doesNotContain(past);
        assertThat(south.get("/api/children/" + past + "/retention").statusCode()).isEqualTo(404);
    }

    @Test
    void chairsAndOtherRolesAreRefusedTheList() {
        for (String username : List.of("chair.brown", "qa.evans", "auditor.davies", "manager.hughes",
                "regional.taylor")) {
            HttpResponse<String> refused = ApiClient.as(app.baseUrl(), username).get(DUE);
            assertThat(refused.statusCode()).as(username).isEqualTo(403);
        }
    }

    @Test
    void aPageListsAtMostAHundredRecordsAndBadPagingIsAClientError() {
        assertThat(problem(dataOfficer().get(DUE + "?size=101"), 400)).isEqualTo("page-size-within-range");
        assertThat(problem(dataOfficer().get(DUE + "?size=0"), 400)).isEqualTo("page-size-within-range");
        assertThat(problem(dataOfficer().get(DUE + "?page=0"), 400)).isEqualTo("page-within-range");
        assertThat(problem(dataOfficer().get(DUE + "?page=10001"), 400)).isEqualTo("page-within-range");
        assertThat(dataOfficer().get(DUE + "?page=two").statusCode()).isEqualTo(400);
        assertThat(dataOfficer().get(DUE + "?size=100").statusCode()).isEqualTo(200);
    }

    @Test
    void theListIsPagedInDueOrderWithItsCount() {
        long before = json(dataOfficer().get(DUE)).get("due").asLong();
        for (int i = 0; i < 3; i++) {
            enquiryLongAgo("DEMO-N");
        }
        // all three in the list before it is paged, so that no record arrives between the two pages' reads
        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(dataOfficer().get(DUE)).get("due").asLong() >= before + 3);
        JsonNode first = json(dataOfficer().get(DUE + "?size=2&page=1"));
        JsonNode second = json(dataOfficer().get(DUE + "?size=2&page=2"));

        assertThat(first.get("records")).hasSize(2);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("records").size()).isBetween(1, 2);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
    }

    @Test
    void aHeldRecordIsListedAsHeldAndNotDueUntilTheHoldIsLifted() {
        String child = enquiryLongAgo("DEMO-N");
        awaitListed(dataOfficer(), DUE + "?size=100", child);
        long dueBefore = json(dataOfficer().get(DUE + "?size=100")).get("due").asLong();
        long heldBefore = json(dataOfficer().get(DUE + "?size=100")).get("held").asLong();

        HttpResponse<String> placed = dataOfficer().post("/api/children/" + child + "/legal-holds",
                "{\"reason\":\"LITIGATION\",\"note\":\"A claim for damages, letter before action received\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> heldReasons(child).contains("LITIGATION"));

        JsonNode page = json(dataOfficer().get(DUE + "?size=100"));
        assertThat(page.get("held").asLong()).isEqualTo(heldBefore + 1);
        assertThat(page.get("due").asLong()).isEqualTo(dueBefore - 1);
        JsonNode listed = awaitListed(dataOfficer(), DUE + "?size=100", child);
        assertThat(listed.get("held").isArray()).isTrue();
        assertThat(listed.get("held").get(0).asText()).isEqualTo("LITIGATION");
        JsonNode retention = json(dataOfficer().get("/api/children/" + child + "/retention"));
        assertThat(retention.get("holds").get(0).get("note").asText())
                .isEqualTo("A claim for damages, letter before action received");
        assertThat(retention.get("holds").get(0).get("placedBy").asText()).isEqualTo("Imran Iqbal");
        String metadata = app.bean(JdbcClient.class).sql("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = :id AND payloadtype LIKE '%LegalHoldPlaced'""")
                .param("id", child).query(String.class).single();
        assertThat(json(metadata).get("recordedBy").asText()).isEqualTo("data.iqbal");
        HttpResponse<String> page200 = dataOfficer().get("/children/" + child + "/retention");
        assertThat(page200.statusCode()).isEqualTo(200);
        assertThat(page200.body()).contains("Held").contains("A claim for damages");

        HttpResponse<String> lifted = dataOfficer().post("/api/children/" + child + "/legal-holds/lift",
                "{\"reason\":\"LITIGATION\",\"note\":\"The claim was withdrawn\"}");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> heldReasons(child).isEmpty());
        assertThat(json(dataOfficer().get(DUE + "?size=100")).get("due").asLong()).isEqualTo(dueBefore);
    }

    @Test
    void holdsKeepTheirRulesAndOnlyTheAuthoritysDataOfficersAndAdministratorsPlaceThem() {
        String child = registered("DEMO-N", TODAY.minusYears(1));
        String path = "/api/children/" + child + "/legal-holds";
        String inquiry = "{\"reason\":\"INQUIRY\",\"note\":\"The regional inquiry into placements\"}";

        assertThat(ApiClient.as(app.baseUrl(), "chair.brown").post(path, inquiry).statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").post(path, inquiry).statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "t.south.data").post(path, inquiry).statusCode()).isEqualTo(404);
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").post(path, inquiry).statusCode()).isEqualTo(200);
        assertThat(problem(dataOfficer().post(path, inquiry), 422)).isEqualTo("one-legal-hold-for-each-reason");
        assertThat(problem(dataOfficer().post(path + "/lift", "{\"reason\":\"COMPLAINT\",\"note\":\"Answered\"}"), 422))
                .isEqualTo("lift-only-a-standing-legal-hold");
        assertThat(problem(dataOfficer().post(path, "{\"reason\":\"COMPLAINT\",\"note\":\"  \"}"), 400))
                .isEqualTo("invalid-input");
        assertThat(dataOfficer().post(path, "{\"reason\":\"A_WHIM\",\"note\":\"Because\"}").statusCode())
                .isEqualTo(400);
        assertThat(problem(dataOfficer().post(path, "{\"reason\":\"COMPLAINT\",\"note\":\"a\u202Eb\"}"), 400))
                .isNotBlank();
        assertThat(dataOfficer().post("/api/children/00000000-0000-4000-8000-000000000000/legal-holds", inquiry)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorChangesALocalPeriodAndEveryRecordOfTheTypeIsWorkedOutAgain() {
        String child = enquiryLongAgo("DEMO-S");
        ApiClient admin = ApiClient.as(app.baseUrl(), "admin.ford");
        String southDue = "/api/local-authorities/DEMO-S/retention/due?size=100";
        awaitListed(ApiClient.as(app.baseUrl(), "t.south.data"), southDue, child);
        String schedule = "/api/local-authorities/DEMO-S/retention-schedule";

        HttpResponse<String> changed = admin.post(schedule, """
                {"recordType":"CHILD_PROTECTION_ENQUIRY","years":20,"from":"CLOSURE",
                 "reason":"Agreed by the information governance board"}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> json(dataOfficer("t.south.data")
                .get("/api/children/" + child + "/retention")).get("dueOn").asText().equals("2030-03-10"));
        assertThat(ids(json(dataOfficer("t.south.data").get(southDue)))).doesNotContain(child);
        JsonNode read = json(dataOfficer("t.south.data").get(schedule));
        JsonNode enquiryRow = row(read, "CHILD_PROTECTION_ENQUIRY");
        assertThat(enquiryRow.get("years").asInt()).isEqualTo(20);
        assertThat(enquiryRow.get("byDefault").asBoolean()).isFalse();
        assertThat(row(read, "LOOKED_AFTER").get("statutory").asBoolean()).isTrue();
        assertThat(row(read, "CHILD_PROTECTION_PLAN").get("byDefault").asBoolean()).isTrue();
        JsonNode change = read.get("changes").get(0);
        assertThat(change.get("reason").asText()).isEqualTo("Agreed by the information governance board");
        assertThat(change.get("changedBy").asText()).isEqualTo("Fran Ford");
        // the northern authority's schedule is its own
        assertThat(row(json(dataOfficer().get("/api/local-authorities/DEMO-N/retention-schedule")),
                "CHILD_PROTECTION_ENQUIRY").get("years").asInt()).isEqualTo(10);
    }

    @Test
    void theStatutoryRowIsReadOnlyAndOnlyAdministratorsChangeTheLocalOnes() {
        ApiClient admin = ApiClient.as(app.baseUrl(), "admin.ford");
        String schedule = "/api/local-authorities/DEMO-N/retention-schedule";

        assertThat(problem(admin.post(schedule, """
                {"recordType":"LOOKED_AFTER","years":50,"from":"BIRTH","reason":"Shorter"}"""), 422))
                .isEqualTo("statutory-retention-not-local");
        assertThat(problem(admin.post(schedule, """
                {"recordType":"REGISTRATION_ONLY","years":0,"from":"CLOSURE","reason":"None"}"""), 422))
                .isEqualTo("retention-years-within-range");
        assertThat(problem(admin.post(schedule, """
                {"recordType":"REGISTRATION_ONLY","years":7,"from":"CLOSURE","reason":""}"""), 400))
                .isEqualTo("invalid-input");
        assertThat(admin.post(schedule, """
                {"recordType":"REGISTRATION_ONLY","years":"seven","from":"CLOSURE","reason":"Seven"}""")
                .statusCode()).isEqualTo(400);
        assertThat(dataOfficer().post(schedule, """
                {"recordType":"REGISTRATION_ONLY","years":7,"from":"CLOSURE","reason":"Seven"}""").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "t.south.data").get(schedule).statusCode()).isEqualTo(404);
        HttpResponse<String> page = dataOfficer().get("/retention/DEMO-N/schedule");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Statutory").contains("reg 50(1)").doesNotContain("Change the period");
    }

    @Test
    void aLookedAfterChildWhoDiedBefore18IsKeptFifteenYearsFromTheDeath() {
        String child = registered("DEMO-N", LocalDate.of(2012, 6, 14));
        ApiClient chair = chair();
        assertThat(chair.post("/api/children/" + child + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> started = chair.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"2020-01-06\",\"legalStatus\":\"C2\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> retentionOf(child).get("dueOn").asText()
                .equals("2087-06-14"));
        assertThat(retentionOf(child).get("statutory").asBoolean()).isTrue();
        assertThat(retentionOf(child).get("rule").asText()).contains("75th anniversary").contains("reg 50(1)");

        HttpResponse<String> ended = chair.post("/api/children/" + child + "/looked-after/period-end",
                "{\"endedOn\":\"2024-11-20\",\"reason\":\"E2\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> retentionOf(child).get("dueOn").asText()
                .equals("2039-11-20"));
        JsonNode retention = retentionOf(child);
        assertThat(retention.get("recordType").asText()).isEqualTo("LOOKED_AFTER");
        assertThat(retention.get("why").asText()).isEqualTo("Died on 20 November 2024, before their 18th birthday");
    }

    @Test
    void aCorrectedConferenceDateMovesTheDayAnEnquiryIsCountedFrom() {
        String child = registered("DEMO-N", LocalDate.of(2009, 1, 5));
        assertThat(chair().post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":"
                + "\"chair.brown\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> discussed = chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"2010-03-01\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        HttpResponse<String> held = chair().post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"2010-03-15","chairId":"chair.brown",
                 "attendingAgencies":["Children's social care","Police","GP"],
                 "decisions":[{"childId":"%s","enquiryId":"%s","outcome":"NO_PLAN","initialCategory":null,
                               "previousPlans":0,"childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}
                """.formatted(child, json(discussed).get("id").asText()));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> retentionOf(child).get("dueOn").asText()
                .equals("2020-03-15"));

        HttpResponse<String> corrected = chair().post("/api/children/" + child
                + "/protection/conference-date-corrections", "{\"conferenceId\":\"" + json(held).get("conferenceId")
                .asText() + "\",\"correctedTo\":\"2010-03-12\",\"reason\":\"Minutes misdated\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> retentionOf(child).get("dueOn").asText()
                .equals("2020-03-12"));
        assertThat(retentionOf(child).get("why").asText()).endsWith("was 12 March 2010");
    }

    @Test
    void aRestrictedRecordIsListedByItsCaseIdAloneAndItsPageIsNotFoundByThoseNotNamed() {
        String child = enquiryLongAgo("DEMO-N");
        HttpResponse<String> restricted = ApiClient.as(app.baseUrl(), "manager.hughes").post(
                "/api/children/" + child + "/restriction",
                "{\"namedPeople\":[\"manager.hughes\"],\"reason\":\"The child of a member of staff\"}");
        assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> awaitListed(dataOfficer(),
                DUE + "?size=100", child).get("restricted").asBoolean());
        JsonNode listed = awaitListed(dataOfficer(), DUE + "?size=100", child);
        assertThat(listed.get("localIdentifier").isNull()).isTrue();
        assertThat(listed.get("why").isNull()).isTrue();
        assertThat(listed.get("rule").asText()).startsWith("Kept 10 years");
        assertThat(dataOfficer().get("/api/children/" + child + "/retention").statusCode()).isEqualTo(404);
    }

    @Test
    void aTransferredChildsRetentionIsTheReceivingAuthoritysAlone() {
        String child = enquiryLongAgo("DEMO-N");
        awaitListed(dataOfficer(), DUE + "?size=100", child);
        HttpResponse<String> transferred = ApiClient.as(app.baseUrl(), "manager.hughes").post(
                "/api/children/" + child + "/transfer", """
                {"toLocalAuthority":"DEMO-S","toLocalIdentifier":"S-KEEP-%d","transferredOn":"%s",
                 "reason":"The family moved to Southvale"}""".formatted(children, TODAY));
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);

        // the access rules read the transfer from the event store; the retention projection applies it a moment later
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> retentionOf(child, "t.south.data")
                .get("localIdentifier").asText().startsWith("S-KEEP-"));
        assertThat(retentionOf(child, "t.south.data").get("localAuthority").asText()).isEqualTo("DEMO-S");
        assertThat(dataOfficer().get("/api/children/" + child + "/retention").statusCode()).isEqualTo(404);
        assertThat(ids(json(dataOfficer().get(DUE + "?size=100")))).doesNotContain(child);
    }

    @Test
    void rebuildingTheRetentionProjectionFromTheEventStoreGivesTheSameRows() {
        String held = enquiryLongAgo("DEMO-N");
        assertThat(dataOfficer().post("/api/children/" + held + "/legal-holds",
                "{\"reason\":\"COMPLAINT\",\"note\":\"A complaint by the child's father\"}").statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").post("/api/local-authorities/DEMO-N/retention-schedule",
                """
                {"recordType":"REGISTRATION_ONLY","years":8,"from":"CLOSURE","reason":"Aligned with adult records"}""")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> retentionRows().stream()
                .anyMatch(row -> row.contains("A complaint by the child's father"))
                && retentionRows().stream().anyMatch(row -> row.contains("Aligned with adult records")));
        StreamingEventProcessor processor = app.caughtUp("retention");
        List<String> before = retentionRows();

        processor.shutDown();
        processor.resetTokens();
        assertThat(retentionRows()).as("the reset empties the projection").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> retentionRows().equals(before));
    }

    // the steps

    private List<String> retentionRows() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT t::text FROM retention_child t ORDER BY child_id").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT t::text FROM retention_day t ORDER BY child_id, kind, key").query(String.class)
                .list());
        rows.addAll(jdbc.sql("SELECT t::text FROM retention_hold t ORDER BY child_id, reason").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT t::text FROM retention_local t ORDER BY local_authority, record_type")
                .query(String.class).list());
        rows.addAll(jdbc.sql("SELECT t::text FROM retention_schedule_change t ORDER BY local_authority, sequence")
                .query(String.class).list());
        return rows;
    }

    private JsonNode retentionOf(String child) {
        return retentionOf(child, "data.iqbal");
    }

    private JsonNode retentionOf(String child, String reader) {
        HttpResponse<String> read = dataOfficer(reader).get("/api/children/" + child + "/retention");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    private ApiClient dataOfficer() {
        return dataOfficer("data.iqbal");
    }

    private ApiClient dataOfficer(String username) {
        return ApiClient.as(app.baseUrl(), username);
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    /** A child registered today, 17, whose enquiry in 2010 needed no conference: due under the default 10 years. */
    private String enquiryLongAgo(String authority) {
        String child = registered(authority, LocalDate.of(2009, 1, 5));
        HttpResponse<String> allocated = chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        HttpResponse<String> discussed = chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"2010-03-01\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        HttpResponse<String> notRequired = chair().post(
                "/api/children/" + child + "/protection/initial-conference-not-required",
                "{\"enquiryId\":\"" + json(discussed).get("id").asText()
                        + "\",\"decidedOn\":\"2010-03-10\",\"reason\":\"Concerns not substantiated\"}");
        assertThat(notRequired.statusCode()).as(notRequired.body()).isEqualTo(200);
        return child;
    }

    private String registered(String authority, LocalDate born) {
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"%s","localIdentifier":"RET%d","givenName":"Robin","familyName":"Keeping",
                 "dateOfBirth":"%s"}""".formatted(authority, ++children, born));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json(registered).get("childId").asText();
    }

    private JsonNode awaitListed(ApiClient reader, String path, String child) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(json(reader.get(path))).contains(child));
        for (JsonNode record : json(reader.get(path)).get("records")) {
            if (record.get("childId").asText().equals(child)) {
                return record;
            }
        }
        throw new AssertionError("not listed");
    }

    private List<String> heldReasons(String child) {
        List<String> reasons = new ArrayList<>();
        json(dataOfficer().get("/api/children/" + child + "/retention")).get("holds")
                .forEach(h -> reasons.add(h.get("reason").asText()));
        return reasons;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("records").forEach(r -> ids.add(r.get("childId").asText()));
        return ids;
    }

    private static JsonNode row(JsonNode schedule, String type) {
        for (JsonNode row : schedule.get("rows")) {
            if (row.get("recordType").asText().equals(type)) {
                return row;
            }
        }
        throw new AssertionError("no row " + type);
    }

    private static String problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response).get("rule").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
