package org.oversight.deploy.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oversight.deploy.support.Answers.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Administrators manage people over HTTP against a real PostgreSQL: every change is an event with who made it
 * and why, shown in the person's history; the accounts tables follow in the same transaction, so a person added
 * signs in at once and a change of roles holds at their next request; the rules answer with their names; and
 * nobody but an administrator reaches any people endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdministratorAddsAPersonWhoSignsInAtOnceAndEveryChangeShowsInTheirHistoryWithWhoAndWhy() {
        HttpResponse<String> added = admin().post("/api/people", """
                {"username":"iro.vance","displayName":"Vera Vance","roles":["CHAIR"],"chairRoles":["IRO"],
                 "authorities":["DEMO-S"],"teams":[{"localAuthority":"DEMO-S","name":"Southvale reviewing team"}],
                 "reason":"Joined Southvale's IRO service","initialPassword":"%s"}"""
                .formatted(ApiClient.DEMO_PASSWORD));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).contains("/api/people/iro.vance");
        assertThat(storedPayloads("person-iro.vance")).noneMatch(p -> p.contains(ApiClient.DEMO_PASSWORD))
                .noneMatch(p -> p.toLowerCase().contains("password"));

        // the accounts are written as the events are appended, in the same transaction, never some time after
        assertThat(app.bean(EventProcessingConfiguration.class).eventProcessor("accounts"))
                .containsInstanceOf(SubscribingEventProcessor.class);
        // signs in straight away, as a chair: no QA lead's service view yet
        assertThat(as("iro.vance").get("/api/caseload").statusCode()).isEqualTo(200);
        assertThat(as("iro.vance").get("/api/service/overdue").statusCode()).isEqualTo(403);

        ok(admin().post("/api/people/teams",
                "{\"localAuthority\":\"DEMO-S\",\"name\":\"Southvale permanence team\",\"reason\":\"New team\"}"));
        JsonNode moved = ok(admin().post("/api/people/iro.vance/teams", """
                {"teams":[{"localAuthority":"DEMO-S","name":"Southvale permanence team"}],
                 "reason":"Moved to the permanence team"}"""));
        assertThat(moved.get("sequence").asLong()).isEqualTo(1);

        JsonNode person = ok(admin().get("/api/people/iro.vance"));
        assertThat(person.get("person").get("teams").toString()).contains("Southvale permanence team")
                .doesNotContain("Southvale reviewing team");
        JsonNode history = person.get("history");
        assertThat(history).hasSize(2);
        JsonNode latest = history.get(0);
        assertThat(latest.get("kind").asText()).isEqualTo("PersonTeamsChanged");
        assertThat(latest.get("reason").asText()).isEqualTo("Moved to the permanence team");
        assertThat(latest.get("recordedBy").asText()).isEqualTo("admin.ford");
        assertThat(latest.get("recordedByName").asText()).isEqualTo("Fran Ford");
        assertThat(latest.get("recordedAt").asText()).isNotBlank();
        assertThat(latest.get("details").toString())
                .contains("Joined: Southvale permanence team, Southvale Borough (demo)")
                .contains("Left: Southvale reviewing team, Southvale Borough (demo)");
        assertThat(history.get(1).get("kind").asText()).isEqualTo("PersonAdded");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Joined Southvale's IRO service");

        // the team views follow the person at once
        assertThat(ok(as("iro.vance").get("/api/caseload/team")).get("team").asText())
                .isEqualTo("Southvale permanence team");

        // a role given holds at the person's next request
        ok(admin().post("/api/people/iro.vance/roles",
                "{\"roles\":[\"CHAIR\",\"QA_LEAD\"],\"chairRoles\":[\"IRO\"],\"reason\":\"Leads QA for Southvale\"}"));
        assertThat(as("iro.vance").get("/api/service/overdue").statusCode()).isEqualTo(200);

        // and disabling stops them signing in: the token they hold no longer answers, and no new one is issued
        String token = ApiClient.bearerToken(app.baseUrl(), "iro.vance");
        ok(admin().post("/api/people/iro.vance/disable", "{\"reason\":\"Left the service\"}"));
        assertThat(send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/caseload"))
                .header("Authorization", "Bearer " + token).GET()).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=iro.vance&password="
                        + URLEncoder.encode(ApiClient.DEMO_PASSWORD, StandardCharsets.UTF_8)))).statusCode())
                .isEqualTo(401);
        ok(admin().post("/api/people/iro.vance/enable", "{\"reason\":\"Came back\"}"));
        assertThat(as("iro.vance").get("/api/caseload").statusCode()).isEqualTo(200);
        assertThat(ok(admin().get("/api/people/iro.vance")).get("history")).hasSize(5);
    }

    @Test
    void refusalsNameTheRuleBrokenAndRecordNothing() {
        ok(admin().post("/api/people", """
                {"username":"qa.ward","displayName":"Quinn Ward","roles":["QA_LEAD"],"authorities":["DEMO-N"],
                 "reason":"Joined"}"""));
        // added without a first password: on record, but unable to sign in until one is set
        assertThat(ok(admin().get("/api/people/qa.ward")).get("person").get("passwordSet").asBoolean()).isFalse();
        assertThatThrownBy(() -> ApiClient.bearerToken(app.baseUrl(), "qa.ward"))
                .hasMessageContaining("credentials-not-accepted");
        long before = storedEvents();

        refused(admin().post("/api/people/qa.ward/roles", "{\"roles\":[\"AUDITOR\"]}"), 422, "reason-required");
        refused(admin().post("/api/people/qa.ward/teams",
                "{\"teams\":[{\"localAuthority\":\"DEMO-S\",\"name\":\"Southvale reviewing team\"}],\"reason\":\"x\"}"),
                422, "team-in-persons-authority");
        // the username's field rule answers first; the person's own username-pattern rule is the backstop
        refused(admin().post("/api/people", """
                {"username":"Bad Name","displayName":"Bad","roles":["AUDITOR"],"reason":"Joined"}"""),
                400, "username-characters");
        refused(admin().post("/api/people", """
                {"username":"iro.ahmed","displayName":"Someone else","roles":["AUDITOR"],"reason":"Joined"}"""),
                422, "username-unique");
        refused(admin().post("/api/people", """
                {"username":"no.roles","displayName":"No Roles","roles":[],"reason":"Joined"}"""),
                422, "at-least-one-role");
        refused(admin().post("/api/people/nobody.here/disable", "{\"reason\":\"Left\"}"), 404, "person-must-exist");
        // the demo's only administrator who can sign in keeps the role, and stays enabled
        refused(admin().post("/api/people/admin.ford/roles", "{\"roles\":[\"QA_LEAD\"],\"reason\":\"Moving on\"}"),
                422, "last-administrator-stays");
        refused(admin().post("/api/people/admin.ford/disable", "{\"reason\":\"Moving on\"}"),
                422, "last-administrator-stays");

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(as("admin.ford").get("/api/people").statusCode()).isEqualTo(200);
    }

    @Test
    void thePeopleListComesInBoundedPagesThatTogetherHoldEveryoneOnce() {
        long total = Long.parseLong(admin().get("/api/people").headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThan(3);

        Set<String> seen = new LinkedHashSet<>();
        String next = "/api/people?size=3";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = admin().get(next);
            JsonNode people = ok(page);
            assertThat(people.size()).isBetween(1, 3);
            people.forEach(p -> {
                assertThat(seen.add(p.get("username").asText())).as("on one page only").isTrue();
            });
            pages++;
            next = page.headers().firstValue("Link")
                    .flatMap(link -> java.util.Arrays.stream(link.split(",\\s*"))
                            .filter(l -> l.endsWith("rel=\"next\"")).findFirst())
                    .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                    .orElse(null);
        }
        assertThat((long) seen.size()).isEqualTo(total);
        assertThat(pages).isEqualTo((int) ((total + 2) / 3));

        refused(admin().get("/api/people?size=201"), 400, "page-size-1-to-200");
        refused(admin().get("/api/people?size=0"), 400, "page-size-1-to-200");
        refused(admin().get("/api/people?page=0"), 400, "pages-count-from-1");
        // the page clamps a hand-edited address instead of failing
        assertThat(send("admin.ford", "GET", "/people?page=99999", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonSetUpBeforeJoinsTheRecordAsTheyStoodAndTheirTeamViewsFollowTheChange() {
        assertThat(ok(as("iro.okafor").get("/api/caseload/team")).get("team").asText()).isEqualTo("South IRO team");
        assertThat(ok(admin().get("/api/people/iro.okafor")).get("history")).isEmpty();

        ok(admin().post("/api/people/iro.okafor/teams", """
                {"teams":[{"localAuthority":"DEMO-N","name":"North IRO team"}],"reason":"Teams merged"}"""));

        JsonNode history = ok(admin().get("/api/people/iro.okafor")).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("kind").asText()).isEqualTo("ExistingPersonRecorded");
        assertThat(history.get(1).get("details").toString()).contains("South IRO team");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("Teams merged");
        assertThat(ok(as("iro.okafor").get("/api/caseload/team")).get("team").asText()).isEqualTo("North IRO team");
        assertThat(ok(as("iro.ahmed").get("/api/caseload/team?team=North%20IRO%20team")).get("team").asText())
                .isEqualTo("North IRO team");
    }

    @Test
    void twoAdministratorsTakingTheRoleFromEachOtherAtOnceLeaveOneOfThemAdministrator() throws Exception {
        ok(admin().post("/api/people", """
                {"username":"admin.gray","displayName":"Gale Gray","roles":["ADMIN"],"authorities":["DEMO-N"],
                 "reason":"A second administrator","initialPassword":"%s"}""".formatted(ApiClient.DEMO_PASSWORD)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> fordRemovesGray = two.submit(() -> {
                start.await();
                return as("admin.ford").post("/api/people/admin.gray/roles",
                        "{\"roles\":[\"AUDITOR\"],\"reason\":\"Moving to audit\"}");
            });
            Future<HttpResponse<String>> grayRemovesFord = two.submit(() -> {
                start.await();
                return as("admin.gray").post("/api/people/admin.ford/roles",
                        "{\"roles\":[\"AUDITOR\"],\"reason\":\"Moving to audit\"}");
            });
            start.countDown();
            int ford = fordRemovesGray.get(60, TimeUnit.SECONDS).statusCode();
            int gray = grayRemovesFord.get(60, TimeUnit.SECONDS).statusCode();
            // one change is made; the other is refused by the rule (or, if it arrived after the first was
            // committed, because its sender is no longer an administrator)
            assertThat(List.of(ford, gray)).containsOnlyOnce(200);
            assertThat(ford == 200 ? gray : ford).isIn(422, 403);
            int administrators = JdbcClient.create(app.bean(javax.sql.DataSource.class))
                    .sql("SELECT count(*) FROM app_user WHERE enabled AND password_hash IS NOT NULL "
                            + "AND (',' || roles || ',') LIKE '%,ADMIN,%'").query(Integer.class).single();
            assertThat(administrators).isEqualTo(1);
            // put the demo back as the other tests know it: Fran Ford its one administrator
            if (gray == 200) {
                ok(as("admin.gray").post("/api/people/admin.ford/roles",
                        "{\"roles\":[\"ADMIN\"],\"reason\":\"Back to administration\"}"));
            }
            ok(admin().post("/api/people/admin.gray/disable", "{\"reason\":\"Test over\"}"));
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void whenTheAccountsCannotBeWrittenNoEventIsStoredEither() {
        JdbcClient jdbc = JdbcClient.create(app.bean(javax.sql.DataSource.class));
        jdbc.sql("""
                CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$
                """).update();
        jdbc.sql("""
                CREATE TRIGGER refuse_for_test BEFORE INSERT ON person_authority FOR EACH ROW
                WHEN (NEW.username = 'not.written') EXECUTE FUNCTION refuse_for_test()
                """).update();
        try {
            HttpResponse<String> added = admin().post("/api/people", """
                    {"username":"not.written","displayName":"Not Written","roles":["AUDITOR"],
                     "authorities":["DEMO-N"],"reason":"Joined"}""");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(500);
            assertThat(storedPayloads("person-not.written")).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'not.written'")
                    .query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_for_test ON person_authority").update();
            jdbc.sql("DROP FUNCTION refuse_for_test()").update();
        }
    }

    @Test
    void nobodyButAnAdministratorReachesAnyPeopleEndpoint() {
        List<String[]> endpoints = peopleEndpoints();
        assertThat(endpoints).as("the people endpoints").hasSizeGreaterThanOrEqualTo(20);
        long before = storedEvents();
        List<String> reached = new ArrayList<>();
        for (String user : List.of("chair.brown", "qa.evans", "auditor.davies")) {
            for (String[] endpoint : endpoints) {
                HttpResponse<String> response = send(user, endpoint[0], endpoint[1], endpoint[2]);
                if (response.statusCode() != 403) {
                    reached.add(user + " " + String.join(" ", endpoint) + " answered " + response.statusCode());
                }
            }
        }
        assertThat(reached).isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
        // the same endpoints do answer an administrator
        assertThat(send("admin.ford", "GET", "/people", null).statusCode()).isEqualTo(200);
        assertThat(send("admin.ford", "GET", "/people/iro.ahmed", null).statusCode()).isEqualTo(200);
    }

    /** Every people endpoint the application maps: method, path with a username filled in, content type. */
    private List<String[]> peopleEndpoints() {
        Set<List<String>> endpoints = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : app.context()
                .getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/people") && !pattern.startsWith("/api/people")) {
                        continue;
                    }
                    String path = pattern.replace("{username}", "iro.ahmed");
                    String type = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                            .map(Object::toString).orElse("application/json");
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        endpoints.add(List.of(method.name(), path, type));
                    }
                }
            }
        }
        return endpoints.stream().map(e -> e.toArray(String[]::new)).toList();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), user));
        if (method.equals("GET")) {
            request.GET();
        } else {
            boolean json = contentType.contains("json");
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(json
                    ? "{\"reason\":\"Trying\",\"roles\":[\"ADMIN\"],\"username\":\"x.y\",\"displayName\":\"X\"}"
                    : "reason=Trying&roles=ADMIN&username=x.y&displayName=X"));
        }
        return send(request);
    }

    private ApiClient admin() {
        return as("admin.ford");
    }

    private ApiClient as(String user) {
        return ApiClient.as(app.baseUrl(), user);
    }

    private static void refused(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            assertThat(JSON.readTree(response.body()).get("rule").asText()).as(response.body()).isEqualTo(rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long storedEvents() {
        return JdbcClient.create(app.bean(javax.sql.DataSource.class)).sql("SELECT count(*) FROM domainevententry")
                .query(Long.class).single();
    }

    private List<String> storedPayloads(String stream) {
        return JdbcClient.create(app.bean(javax.sql.DataSource.class))
                .sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = :s")
                .param("s", stream).query(String.class).list();
    }
}
