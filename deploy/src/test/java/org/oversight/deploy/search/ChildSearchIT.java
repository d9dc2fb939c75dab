package org.oversight.deploy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding a child over HTTP against a real PostgreSQL: by a misspelt name, by a name typed without its accents,
 * hyphens and apostrophes, by date of birth, by the authority's identifier or the case id; only among the
 * children of the searcher's own authorities; at most 25; never with nothing to search by; and every search
 * logged with the children it listed, never with what was searched for.
 */
class ChildSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    private static OversightTestApp app;
    private static SignedInPerson chair;
    private static SignedInPerson auditor;
    private static SignedInPerson southChair;
    private static String rowan;
    private static String zoe;
    private static String maryJane;
    private static String southRowan;

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        JdbcClient jdbc = app.bean(JdbcClient.class);
        new TestPeople(app).person("t.s.chair", "CHAIR", "DEMO-N", "Search team");
        new TestPeople(app).person("t.s.auditor", "AUDITOR", "DEMO-N", null);
        new TestPeople(app).person("t.s.south", "CHAIR", "DEMO-S", null);
        chair = SignedInPerson.signIn(app.baseUrl(), "t.s.chair", DemoPeople.DEMO_PASSWORD);
        auditor = SignedInPerson.signIn(app.baseUrl(), "t.s.auditor", DemoPeople.DEMO_PASSWORD);
        southChair = SignedInPerson.signIn(app.baseUrl(), "t.s.south", DemoPeople.DEMO_PASSWORD);

        rowan = register(chair, "DEMO-N", "ACC1", "Rowan", "Access", "2016-03-01");
        zoe = register(chair, "DEMO-N", "ACC2", "Zoë", "O'Brien-Smith", "2015-07-09");
        maryJane = register(chair, "DEMO-N", "ACC3", "Mary-Jane", "Pryce", "2014-11-30");
        // the same name and date of birth in another authority
        southRowan = register(southChair, "DEMO-S", "S-ACC1", "Rowan", "Access", "2016-03-01");
        json(chair.postJson("/api/children/" + rowan + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"t.s.chair\",\"allocatedFrom\":\"" + TODAY + "\"}", null), 200);
        awaitProjected(4);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAuditorFindsAChildByAMisspeltNameAndSeesEnoughToTellChildrenApartAndNoMore() {
        JsonNode found = search(auditor, "{\"name\":\"Rowen Acess\"}");
        assertThat(ids(found)).containsExactly(rowan);
        JsonNode child = found.get("results").get(0);
        List<String> fields = new ArrayList<>();
        child.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("childId", "name", "dateOfBirth", "expectedDateOfDelivery",
                "localAuthority", "localAuthorityName", "localIdentifier", "chairs", "reasonNeeded");
        assertThat(child.get("name").asText()).isEqualTo("Rowan Access");
        assertThat(child.get("dateOfBirth").asText()).isEqualTo("2016-03-01");
        assertThat(child.get("localAuthority").asText()).isEqualTo("DEMO-N");
        assertThat(child.get("localIdentifier").asText()).isEqualTo("ACC1");
        assertThat(child.get("chairs").findValuesAsText("name")).containsExactly("t.s.chair");
        assertThat(child.get("chairs").findValuesAsText("role")).containsExactly("IRO");
        // the access table asks an auditor why before the record opens
        assertThat(child.get("reasonNeeded").asBoolean()).isTrue();
        assertThat(found.get("more").asBoolean()).isFalse();
    }

    @Test
    void aNameTypedWithoutItsAccentsHyphensOrApostrophesFindsTheChild() {
        assertThat(ids(search(auditor, "{\"name\":\"zoe obrien smith\"}"))).containsExactly(zoe);
        assertThat(ids(search(auditor, "{\"name\":\"Obrien\"}"))).containsExactly(zoe);
        assertThat(ids(search(auditor, "{\"name\":\"Mary Jane Pryce\"}"))).containsExactly(maryJane);
        assertThat(ids(search(auditor, "{\"name\":\"Pryce Maryjane\"}"))).containsExactly(maryJane);
    }

    @Test
    void aChildIsFoundByDateOfBirthAndByTheAuthoritysIdentifierOrTheCaseId() {
        assertThat(ids(search(auditor, "{\"dateOfBirth\":\"2016-03-01\"}"))).containsExactly(rowan);
        assertThat(ids(search(auditor, "{\"identifier\":\" acc1 \"}"))).containsExactly(rowan);
        assertThat(ids(search(auditor, "{\"identifier\":\"" + zoe.toUpperCase() + "\"}"))).containsExactly(zoe);
        assertThat(ids(search(auditor, "{\"name\":\"Rowan\",\"dateOfBirth\":\"2015-07-09\"}"))).isEmpty();
    }

    @Test
    void aChairOfOneAuthorityCannotFindAnotherAuthoritysChild() {
        assertThat(ids(search(southChair, "{\"name\":\"Rowan Access\"}"))).containsExactly(southRowan);
        assertThat(ids(search(southChair, "{\"dateOfBirth\":\"2016-03-01\"}"))).containsExactly(southRowan);
        assertThat(ids(search(southChair, "{\"name\":\"Zoe O'Brien-Smith\"}"))).isEmpty();
        assertThat(ids(search(southChair, "{\"identifier\":\"ACC1\"}"))).isEmpty();
        assertThat(ids(search(southChair, "{\"identifier\":\"" + rowan + "\"}"))).isEmpty();
        assertThat(ids(search(chair, "{\"name\":\"Rowan Access\"}"))).containsExactly(rowan);
    }

    @Test
    void theSearchPagePostsItsTermsAndListsTheChildrenFound() {
        HttpResponse<String> page = auditor.postForm("/children/search", form(Map.of("name", "Rowen Acess",
                "dateOfBirth-day", "", "dateOfBirth-month", "", "dateOfBirth-year", "", "identifier", "")), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1 child found", "Rowan Access", "href=\"/children/" + rowan + "\"",
                "You will be asked why you need this record", "1 March 2016", "ACC1")
                .doesNotContain(southRowan);

        HttpResponse<String> byDate = auditor.postForm("/children/search", form(Map.of("dateOfBirth-day", "9",
                "dateOfBirth-month", "7", "dateOfBirth-year", "2015")), null);
        assertThat(byDate.body()).contains("Zoë O&#39;Brien-Smith").doesNotContain("Rowan Access");

        HttpResponse<String> form = auditor.get("/children/search", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/children/search\"");
        // terms in an address are not searched by
        assertThat(auditor.get("/children/search?name=Rowan+Access", null).body())
                .doesNotContain("search-results", rowan);
    }

    @Test
    void aSearchWithNothingToSearchByOrATermOfTheWrongShapeIsRefusedNamingTheRule() {
        HttpResponse<String> empty = auditor.postJson("/api/children/search", "{\"name\":\"  \"}", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty, 400).get("rule").asText()).isEqualTo("search-needs-a-term");
        assertThat(json(auditor.postJson("/api/children/search", "{\"dateOfBirth\":\"31/02/2016\"}", null), 400)
                .get("rule").asText()).isEqualTo("real-date");
        assertThat(json(auditor.postJson("/api/children/search", "[\"Rowan\"]", null), 400).get("rule").asText())
                .isEqualTo("readable-request");
        HttpResponse<String> emptyPage = auditor.postForm("/children/search", "name=", null);
        assertThat(emptyPage.statusCode()).isEqualTo(400);
        assertThat(emptyPage.body()).contains("There is a problem", "Enter the child&#39;s name, date of birth or identifier");
    }

    @Test
    void everySearchIsLoggedWithWhoWhenAndTheChildrenListedButNeverWhatWasSearchedFor() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        search(auditor, "{\"name\":\"Rowen Acess\"}");
        Map<String, Object> logged = jdbc.sql("""
                SELECT username, results, more_matched, listed::text AS listed, row_to_json(l)::text AS whole
                  FROM child_search_log l WHERE username = 't.s.auditor' ORDER BY id DESC LIMIT 1
                """).query().singleRow();
        assertThat(logged.get("username")).isEqualTo("t.s.auditor");
        assertThat(logged.get("results")).isEqualTo(1);
        assertThat(logged.get("more_matched")).isEqualTo(false);
        assertThat(logged.get("listed")).isEqualTo("{" + rowan + "}");
        assertThat(((String) logged.get("whole")).toLowerCase()).doesNotContain("rowen", "acess", "rowan");

        long reads = jdbc.sql("""
                SELECT count(*) FROM history_read
                 WHERE username = 't.s.auditor' AND child_id = :child AND how = 'SEARCH' AND purpose IS NULL
                """).param("child", rowan).query(Long.class).single();
        assertThat(reads).isPositive();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM history_read WHERE username = 't.s.auditor' AND how = 'SEARCH' AND child_id = :south
                """).param("south", southRowan).query(Long.class).single()).isZero();

        search(auditor, "{\"name\":\"Nobody Atall\"}");
        assertThat(jdbc.sql("""
                SELECT results FROM child_search_log WHERE username = 't.s.auditor' ORDER BY id DESC LIMIT 1
                """).query(Integer.class).single()).isZero();
    }

    @Test
    void aSearchListsAtMostTwentyFiveChildrenAndSaysWhenMoreMatch() {
        for (int i = 0; i < 27; i++) {
            register(southChair, "DEMO-S", "BOUND" + i, "Kit", "Boundary", "2012-05-" + (10 + i % 15));
        }
        awaitProjected(31);
        JsonNode found = search(southChair, "{\"name\":\"Boundary\"}");
        assertThat(found.get("results")).hasSize(25);
        assertThat(found.get("more").asBoolean()).isTrue();
        assertThat(app.bean(JdbcClient.class).sql("""
                SELECT cardinality(listed) FROM child_search_log WHERE username = 't.s.south' AND more_matched
                """).query(Integer.class).list()).containsExactly(25);
    }

    private static JsonNode search(SignedInPerson person, String body) {
        return json(person.postJson("/api/children/search", body, null), 200);
    }

    private static List<String> ids(JsonNode found) {
        return found.get("results").findValuesAsText("childId");
    }

    private static String register(SignedInPerson person, String authority, String identifier, String given,
            String family, String born) {
        return json(person.postJson("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"%s"}""".formatted(authority, identifier, given, family, born), null), 201)
                .get("childId").asText();
    }

    /** Until the search's and the caseload's projections both hold {@code children} children. */
    private static void awaitProjected(int children) {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM child_search_name) = :n AND (SELECT count(*) FROM caseload_child) = :n
                       AND (SELECT count(*) FROM caseload_allocation) = 1
                """).param("n", children).query(Boolean.class).single());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
