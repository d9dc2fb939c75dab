package org.oversight.deploy.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
 * A data officer, who has no "Find a child", finds the child a subject access request is about from the subject
 * access search: among the children of their own authorities, never a restricted record they are not named on,
 * each found child linking to its requests (not to the record, which they do not read); every search logged.
 */
class SubjectAccessSearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_NAME = "name=Linden+Orchard&dateOfBirth-day=&dateOfBirth-month=&dateOfBirth-year=&identifier=";

    private static OversightTestApp app;
    private static SignedInPerson officer;
    private static SignedInPerson southOfficer;
    private static SignedInPerson chair;
    private static String open;
    private static String restricted;
    private static String south;

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app)
                .person("sa.chair", "CHAIR", "DEMO-N", "Requests team")
                .person("sa.manager", "TEAM_MANAGER", "DEMO-N", "Requests team")
                .person("sa.officer", "DATA_OFFICER", "DEMO-N", null)
                .person("sa.south.chair", "CHAIR", "DEMO-S", null)
                .person("sa.south.officer", "DATA_OFFICER", "DEMO-S", null);
        chair = SignedInPerson.signIn(app.baseUrl(), "sa.chair", DemoPeople.DEMO_PASSWORD);
        officer = SignedInPerson.signIn(app.baseUrl(), "sa.officer", DemoPeople.DEMO_PASSWORD);
        southOfficer = SignedInPerson.signIn(app.baseUrl(), "sa.south.officer", DemoPeople.DEMO_PASSWORD);
        SignedInPerson southChair = SignedInPerson.signIn(app.baseUrl(), "sa.south.chair", DemoPeople.DEMO_PASSWORD);
        // three children of the same name and date of birth: one kept open, one restricted, one of another authority
        open = register(chair, "DEMO-N", "SAQ1");
        restricted = register(chair, "DEMO-N", "SAQ2");
        south = register(southChair, "DEMO-S", "SAQ3");
        SignedInPerson manager = SignedInPerson.signIn(app.baseUrl(), "sa.manager", DemoPeople.DEMO_PASSWORD);
        HttpResponse<String> restriction = manager.postJson("/api/children/" + restricted + "/restriction", """
                {"namedPeople":["sa.manager"],"reason":"The child of a member of staff"}""", null);
        assertThat(restriction.statusCode()).as(restriction.body()).isIn(200, 201);
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM child_search_name WHERE child_id IN (:ids)")
                .param("ids", List.of(open, restricted, south)).query(Long.class).single() == 3);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDataOfficerFindsTheChildOfTheirAuthorityAndIsLedToItsRequests() {
        HttpResponse<String> found = officer.postForm("/subject-access/search", BY_NAME, null);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("1 child found", "Linden Orchard", "SAQ1",
                "href=\"/children/" + open + "/subject-access\"")
                .doesNotContain("href=\"/children/" + open + "\"")
                .doesNotContain(restricted).doesNotContain(south);
        assertThat(officer.get("/children/" + open + "/subject-access", null).statusCode()).isEqualTo(200);
        assertThat(officer.get("/subject-access/search", null).body())
                .contains("<form method=\"post\" action=\"/subject-access/search\"")
                .contains("href=\"/subject-access/search\"");
    }

    @Test
    void aRestrictedRecordIsNotFoundByADataOfficerNotNamedOnIt() {
        HttpResponse<String> byIdentifier = officer.postForm("/subject-access/search", "identifier=SAQ2", null);

        assertThat(byIdentifier.statusCode()).isEqualTo(200);
        assertThat(byIdentifier.body()).contains("No children found").doesNotContain(restricted);
    }

    @Test
    void anotherAuthoritysDataOfficerFindsOnlyTheirOwnAuthoritysChild() {
        HttpResponse<String> found = southOfficer.postForm("/subject-access/search", BY_NAME, null);

        assertThat(found.body()).contains("1 child found", "href=\"/children/" + south + "/subject-access\"")
                .doesNotContain(open);
    }

    @Test
    void aSearchWithNothingToSearchByIsRefusedNamingWhatIsMissing() {
        HttpResponse<String> empty = officer.postForm("/subject-access/search", "name=", null);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("There is a problem",
                "Enter the child&#39;s name, date of birth or identifier");
    }

    @Test
    void aChairIsRefusedTheSearchAndADataOfficerStillHasNoFindAChild() {
        assertThat(chair.postForm("/subject-access/search", BY_NAME, null).statusCode()).isEqualTo(403);
        assertThat(officer.postForm("/children/search", BY_NAME, null).statusCode()).isEqualTo(403);
    }

    @Test
    void everySearchIsLoggedWithTheChildrenListedAndNotWhatWasSearchedFor() {
        officer.postForm("/subject-access/search", BY_NAME, null);

        String logged = app.bean(JdbcClient.class).sql("""
                SELECT row_to_json(l)::text FROM child_search_log l WHERE username = 'sa.officer'
                 ORDER BY id DESC LIMIT 1""").query(String.class).single();
        assertThat(logged).contains(open).doesNotContain(restricted).doesNotContainIgnoringCase("linden");
    }

    private static String register(SignedInPerson person, String authority, String identifier) {
        return json(person.postJson("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"Linden","familyName":"Orchard",
                 "dateOfBirth":"2013-04-17"}""".formatted(authority, identifier), null), 201).get("childId").asText();
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
