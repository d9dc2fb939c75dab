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
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing of an authority a person does not belong to is shown to them, in any list, figure, export or page; and
 * a restricted record is in nobody's list but the people named on it, though it still counts in the figures.
 * Two authorities, Northmoor (DEMO-N) and Southvale (DEMO-S), each with a child whose first looked-after review is
 * overdue and an escalation about them; and in Northmoor a third such child whose record is restricted to a team
 * manager and one of two QA leads.
 */
class AuthorityBoundaryIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String WHY = "Checking the authority's figures";

    private static OversightTestApp app;
    private static final Map<String, SignedInPerson> PEOPLE = new HashMap<>();
    private static int registered;

    private static String north;
    private static String south;
    private static String restricted;
    private static String northEscalation;
    private static String southEscalation;
    private static String restrictedEscalation;

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        JdbcClient jdbc = app.bean(JdbcClient.class);
        team(jdbc, "DEMO-N", "North A");
        team(jdbc, "DEMO-N", "North B");
        team(jdbc, "DEMO-S", "South A");
        person(jdbc, "n.chair", "CHAIR", "DEMO-N", "North A");
        person(jdbc, "n.colleague", "CHAIR", "DEMO-N", "North A");
        person(jdbc, "n.other", "CHAIR", "DEMO-N", "North B");
        person(jdbc, "n.manager", "TEAM_MANAGER", "DEMO-N", "North A");
        person(jdbc, "n.qa", "QA_LEAD", "DEMO-N", null);
        person(jdbc, "n.qa.named", "QA_LEAD", "DEMO-N", null);
        person(jdbc, "s.chair", "CHAIR", "DEMO-S", "South A");
        person(jdbc, "s.qa", "QA_LEAD", "DEMO-S", null);

        north = overdueChild("n.chair", "DEMO-N");
        south = overdueChild("s.chair", "DEMO-S");
        restricted = overdueChild("n.chair", "DEMO-N");
        northEscalation = escalation("n.chair", "DEMO-N", north);
        southEscalation = escalation("s.chair", "DEMO-S", south);
        restrictedEscalation = escalation("n.chair", "DEMO-N", restricted);
        ok(as("n.manager").postJson("/api/children/" + restricted + "/restriction", """
                {"namedPeople":["n.manager","n.qa.named"],"reason":"The child of a member of staff"}""", null));
        // every child's first review is overdue in the service view of the people named, once worked out
        await(() -> children(ok(as("n.qa.named").get("/api/service/overdue", null))),
                items -> items.contains(north) && items.contains(restricted));
        await(() -> children(ok(as("s.qa").get("/api/service/overdue", null))), items -> items.contains(south));
        await(() -> escalations(ok(as("n.qa.named").get("/api/escalations", null))),
                ids -> ids.contains(restrictedEscalation) && ids.contains(northEscalation));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChairOfAnotherAuthorityIsNeverAllocatedToAChild() {
        HttpResponse<String> refused = as("n.manager").postJson("/api/children/" + north + "/chairs", """
                {"role":"IRO","chairId":"s.chair","allocatedFrom":"%s"}""".formatted(TODAY), null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("chair-works-for-childs-authority", "chairId");
        assertThat(as("s.chair").get("/api/children/" + north, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aQaLeadOfOneAuthoritySeesNoneOfAnothersEscalationsInListsFiguresOrExports() {
        assertThat(escalations(ok(as("n.qa").get("/api/escalations", null))))
                .contains(northEscalation).doesNotContain(southEscalation, restrictedEscalation);
        assertThat(escalations(ok(as("s.qa").get("/api/escalations", null))))
                .containsExactly(southEscalation);

        // the restricted record's escalation still counts in Northmoor's figures, never in Southvale's
        assertThat(raised(as("n.qa"))).isEqualTo(2);
        assertThat(raised(as("s.qa"))).isEqualTo(1);

        String csv = as("n.qa").get("/api/escalations/list.csv", null).body();
        assertThat(csv).contains(northEscalation).doesNotContain(southEscalation).doesNotContain(restrictedEscalation);
        String southCsv = as("s.qa").get("/api/escalations/list.csv", null).body();
        assertThat(southCsv).contains(southEscalation).doesNotContain(northEscalation);
        String byChair = as("n.qa").get("/api/escalations/dashboard/by-chair.csv", null).body();
        assertThat(byChair).contains("n.chair").doesNotContain("s.chair");
        String page = as("n.qa").get("/escalations/list", null).body();
        assertThat(page).contains(northEscalation).doesNotContain(southEscalation, restrictedEscalation);
    }

    @Test
    void aQaLeadSeesNoOverdueChildOfAnotherAuthorityNorARestrictedOneTheyAreNotNamedOn() {
        List<String> overdue = children(ok(as("n.qa").get("/api/service/overdue", null)));
        assertThat(overdue).contains(north).doesNotContain(south, restricted);
        assertThat(children(ok(as("s.qa").get("/api/service/overdue", null)))).contains(south)
                .doesNotContain(north, restricted);
        assertThat(children(ok(as("n.qa.named").get("/api/service/overdue", null)))).contains(north, restricted)
                .doesNotContain(south);
        String service = as("n.qa").get("/service", null).body();
        assertThat(service).contains("North A").doesNotContain("South A");
    }

    @Test
    void aQaLeadSeesNoReadsOfAnotherAuthoritysChildrenNorOfARestrictedRecord() {
        ok(as("n.chair").get("/api/children/" + north, null));
        ok(as("s.chair").get("/api/children/" + south, null));
        ok(as("n.manager").get("/api/children/" + restricted, null));

        List<String> read = readChildren(ok(as("n.qa").get("/api/audit/reads", null)));
        assertThat(read).contains(north).doesNotContain(south, restricted);
        assertThat(readChildren(ok(as("n.qa").get("/api/audit/reads?child=" + south, null)))).isEmpty();
        assertThat(readChildren(ok(as("s.qa").get("/api/audit/reads", null)))).contains(south)
                .doesNotContain(north, restricted);
        assertThat(readChildren(ok(as("n.qa.named").get("/api/audit/reads?child=" + restricted, null))))
                .containsOnly(restricted);
    }

    @Test
    void aCaseloadIsSeenByItsChairTheirTeamsManagersAndTheirAuthoritysQaLeadsOnly() {
        assertThat(caseload(ok(as("n.chair").get("/api/caseload", null)))).contains(north)
                .as("a restricted record the allocated chair is not named on").doesNotContain(restricted);
        assertThat(as("n.colleague").get("/api/caseload?chair=n.chair", null).statusCode()).isEqualTo(404);
        assertThat(as("n.colleague").get("/caseload?chair=n.chair", null).statusCode()).isEqualTo(404);
        assertThat(as("s.chair").get("/api/caseload?chair=n.chair", null).statusCode()).isEqualTo(404);
        assertThat(as("s.qa").get("/api/caseload?chair=n.chair", null).statusCode()).isEqualTo(404);
        assertThat(as("n.manager").get("/api/caseload?chair=n.other", null).statusCode()).isEqualTo(404);
        assertThat(as("n.qa").get("/api/caseload?chair=nobody.at.all", null).statusCode()).isEqualTo(404);

        assertThat(caseload(ok(as("n.manager").get("/api/caseload?chair=n.chair", null))))
                .contains(north, restricted);
        assertThat(caseload(ok(as("n.qa").get("/api/caseload?chair=n.chair", null)))).contains(north)
                .doesNotContain(restricted);
        assertThat(caseload(ok(as("s.qa").get("/api/caseload?chair=s.chair", null)))).containsOnly(south);
    }

    @Test
    void aTeamIsAnAuthoritysOwnAndItsCaseloadLeavesOutRecordsKeptFromTheReader() {
        JsonNode team = ok(as("n.colleague").get("/api/caseload/team", null));
        assertThat(team.get("team").asText()).isEqualTo("North A");
        assertThat(team.get("localAuthority").asText()).isEqualTo("DEMO-N");
        assertThat(caseload(team.get("entries"))).contains(north).doesNotContain(restricted, south);
        assertThat(caseload(ok(as("n.manager").get("/api/caseload/team", null)).get("entries")))
                .contains(north, restricted);

        assertThat(as("n.colleague").get("/api/caseload/team?team=North%20B", null).statusCode()).isEqualTo(404);
        assertThat(as("n.qa").get("/api/caseload/team?team=North%20B&authority=DEMO-N", null).statusCode())
                .isEqualTo(200);
        assertThat(as("n.qa").get("/api/caseload/team?team=South%20A", null).statusCode()).isEqualTo(404);
        assertThat(as("s.qa").get("/api/caseload/team?team=North%20A&authority=DEMO-N", null).statusCode())
                .isEqualTo(404);
        assertThat(as("n.qa").get("/api/service/overdue?team=South%20A&authority=DEMO-S", null).statusCode())
                .isEqualTo(404);
        assertThat(children(ok(as("n.qa").get("/api/service/overdue?team=North%20A", null)))).contains(north)
                .doesNotContain(south, restricted);
    }

    @Test
    void aRestrictedRecordIsNotFoundByAnyoneNotNamedAndReadByThoseWhoAre() {
        for (String notNamed : List.of("n.chair", "n.colleague", "n.qa", "s.qa")) {
            assertThat(as(notNamed).get("/api/children/" + restricted, WHY).statusCode()).as(notNamed).isEqualTo(404);
            assertThat(as(notNamed).get("/children/" + restricted, WHY).statusCode()).as(notNamed).isEqualTo(404);
            assertThat(as(notNamed).get("/api/escalations/" + restrictedEscalation, WHY).statusCode()).as(notNamed)
                    .isEqualTo(404);
        }
        assertThat(ok(as("n.manager").get("/api/children/" + restricted, null)).get("childId").asText())
                .isEqualTo(restricted);
        assertThat(ok(as("n.qa.named").get("/api/children/" + restricted, WHY)).get("childId").asText())
                .isEqualTo(restricted);
        assertThat(as("n.manager").get("/children/" + restricted, null).body()).contains("Restricted record");

        // named among siblings, it is answered as a child who is not registered
        HttpResponse<String> sibling = as("n.chair").postJson("/api/escalations", """
                {"childIds":["%s","%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Plan for both","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(north, restricted, TODAY), null);
        assertThat(sibling.statusCode()).isEqualTo(422);
        assertThat(sibling.body()).contains("child-must-be-registered");
    }

    @Test
    void registeringARestrictedChildAgainIsRefusedWithoutSayingWhoseRecordItIs() {
        HttpResponse<String> again = as("n.colleague").postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"B3","givenName":"Someone","familyName":"Else",
                 "dateOfBirth":"2017-02-01"}""", null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("child-registered-once").doesNotContain(restricted)
                .doesNotContain("Boundary3").doesNotContain("n.chair");
    }

    @Test
    void aLiftedRestrictionPutsTheRecordBackInTheListsOfThoseNotNamed() {
        String child = overdueChild("n.chair", "DEMO-N");
        await(() -> caseload(ok(as("n.colleague").get("/api/caseload/team", null)).get("entries")),
                entries -> entries.contains(child));

        HttpResponse<String> notNamingThemselves = as("n.manager").postJson("/api/children/" + child
                + "/restriction", "{\"namedPeople\":[\"n.qa.named\"],\"reason\":\"A case in the news\"}", null);
        assertThat(notNamingThemselves.statusCode()).isEqualTo(422);
        assertThat(notNamingThemselves.body()).contains("restriction-names-its-restricter");
        HttpResponse<String> namingSomeoneElsewhere = as("n.manager").postJson("/api/children/" + child
                + "/restriction", "{\"namedPeople\":[\"n.manager\",\"s.qa\"],\"reason\":\"A case in the news\"}", null);
        assertThat(namingSomeoneElsewhere.statusCode()).isEqualTo(422);
        assertThat(namingSomeoneElsewhere.body()).contains("named-people-work-for-the-authority");
        assertThat(as("n.chair").postJson("/api/children/" + child + "/restriction",
                "{\"namedPeople\":[\"n.chair\"],\"reason\":\"A case in the news\"}", null).statusCode())
                .as("a chair may not restrict a record").isEqualTo(403);

        ok(as("n.manager").postJson("/api/children/" + child + "/restriction",
                "{\"namedPeople\":[\"n.manager\"],\"reason\":\"A case in the news\"}", null));
        await(() -> caseload(ok(as("n.colleague").get("/api/caseload/team", null)).get("entries")),
                entries -> !entries.contains(child));
        assertThat(as("n.colleague").get("/api/children/" + child, null).statusCode()).isEqualTo(404);
        assertThat(as("n.manager").get("/children/" + child + "/restriction", null).body())
                .contains("This record is restricted to");

        ok(as("n.manager").postJson("/api/children/" + child + "/restriction/lift",
                "{\"reason\":\"No longer in the news\"}", null));
        await(() -> caseload(ok(as("n.colleague").get("/api/caseload/team", null)).get("entries")),
                entries -> entries.contains(child));
        assertThat(as("n.colleague").get("/api/children/" + child, null).statusCode()).isEqualTo(200);
    }

    @Test
    void settingsTheRegisterFormAndTheStartPageShowOnlyTheReadersAuthorities() {
        String settings = as("n.qa").get("/settings", null).body();
        assertThat(settings).contains("/settings/DEMO-N").doesNotContain("/settings/DEMO-S");
        String register = as("s.chair").get("/children/new", null).body();
        assertThat(register).contains("value=\"DEMO-S\"").doesNotContain("value=\"DEMO-N\"");
        String home = as("s.qa").get("/", null).body();
        assertThat(home).contains("Southvale").doesNotContain("Northmoor");
        String allocate = as("n.manager").get("/children/" + north + "/allocate", null).body();
        assertThat(allocate).contains("value=\"n.chair\"").doesNotContain("value=\"s.chair\"");
        String visit = page(as("n.chair"), "/children/" + north + "/looked-after/iro-visit");
        assertThat(visit).contains("value=\"n.chair\"").doesNotContain("value=\"s.chair\"");
        String conference = page(as("n.chair"), "/children/" + north + "/protection/initial-conference");
        assertThat(conference).contains("value=\"n.chair\"").doesNotContain("value=\"s.chair\"")
                .as("a restricted brother or sister is not offered").doesNotContain(restricted);
    }

    @Test
    void thePagesDrawnWithinTheReadersAuthoritiesShowTheirOwnOnly() {
        String team = page(as("n.qa"), "/caseload/team?team=North%20A&authority=DEMO-N");
        assertThat(team).contains("North A caseload", "North B").doesNotContain("South A")
                .contains("Boundary1").doesNotContain("Boundary3");
        assertThat(page(as("n.qa"), "/caseload?chair=n.chair")).contains("Caseload of n.chair", "Boundary1")
                .doesNotContain("Boundary3");
        assertThat(page(as("n.qa"), "/caseload/closed?chair=n.chair")).contains("n.chair");
        assertThat(page(as("n.qa"), "/escalations")).contains("n.chair").doesNotContain("s.chair");
        assertThat(page(as("n.chair"), "/children/" + north + "/timeline")).contains("Boundary1");
        assertThat(page(as("n.qa.named"), "/audit/reads")).doesNotContain(south);
        assertThat(page(as("n.manager"), "/children/" + restricted)).contains("Restricted record")
                .contains("Change who may see this record");
        assertThat(page(as("n.qa"), "/children/" + north + "?purpose=Audit")).contains("Who has read this record");
    }

    // Steps

    private static String page(SignedInPerson person, String path) {
        HttpResponse<String> response = person.get(path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static SignedInPerson as(String username) {
        return PEOPLE.computeIfAbsent(username,
                u -> SignedInPerson.signIn(app.baseUrl(), u, DemoPeople.DEMO_PASSWORD));
    }

    /** A child of the authority, with the chair as IRO, looked after for 80 days without a review. */
    private static String overdueChild(String chair, String authority) {
        registered++;
        String child = ok(as(chair).postJson("/api/children", """
                {"localAuthority":"%s","localIdentifier":"B%d","givenName":"Sam","familyName":"Boundary%d",
                 "dateOfBirth":"%s"}""".formatted(authority, registered, registered, TODAY.minusYears(9)), null))
                .get("childId").asText();
        ok(as(chair).postJson("/api/children/" + child + "/chairs", """
                {"role":"IRO","chairId":"%s","allocatedFrom":"%s"}""".formatted(chair, TODAY.minusDays(90)), null));
        ok(as(chair).postJson("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(TODAY.minusDays(80)), null));
        return child;
    }

    private static String escalation(String chair, String authority, String child) {
        return ok(as(chair).postJson("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"%s","concernCategory":"PERMANENCE",
                 "asked":"Allocate a social worker","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(child, authority, TODAY), null)).get("escalationId").asText();
    }

    private static long raised(SignedInPerson qa) {
        return ok(qa.get("/api/escalations/dashboard", null)).get("headline").get("raised").get("value").asLong();
    }

    private static List<String> children(JsonNode overdue) {
        return StreamSupport.stream(overdue.get("items").spliterator(), false)
                .map(i -> i.get("childId").asText()).toList();
    }

    private static List<String> escalations(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(e -> e.get("escalation").get("escalationId").asText()).toList();
    }

    private static List<String> readChildren(JsonNode page) {
        return StreamSupport.stream(page.get("reads").spliterator(), false)
                .map(r -> r.get("childId").asText()).distinct().toList();
    }

    private static List<String> caseload(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).map(e -> e.get("childId").asText()).toList();
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(read::get, done);
    }

    private static void team(JdbcClient jdbc, String authority, String name) {
        jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:la, :name)").param("la", authority)
                .param("name", name).update();
    }

    private static void person(JdbcClient jdbc, String username, String role, String authority, String team) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT :u, :u, password_hash, :r, :c FROM app_user WHERE username = 'iro.ahmed'
                """).param("u", username).param("r", role).param("c", "CHAIR".equals(role) ? "IRO,CP_CHAIR" : "")
                .update();
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, :la)")
                .param("u", username).param("la", authority).update();
        if (team != null) {
            jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:u, :la, :t)")
                    .param("u", username).param("la", authority).param("t", team).update();
        }
    }
}
