package org.oversight.deploy.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.QueryServiceApplication;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national census run as the production topology serves it: two query nodes on one PostgreSQL, the proxy free
 * to send each request to either. A run started on one node is polled, shown and downloaded on the other, in the
 * same browser session (sessions live in the database too); and a run whose node died part way is shown as stopped
 * by the node still standing instead of being made for ever.
 */
class NationalCensusRunsAcrossNodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final String REASON = "Checking the national census on every node";

    private static String jdbcUrl;
    /** The all-in-one application: records the children and is one query node. */
    private static OversightTestApp first;
    /** A query service of its own on the same database. */
    private static ConfigurableApplicationContext second;
    private static String session;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        jdbcUrl = TestPostgres.freshDatabase();
        first = OversightTestApp.start(jdbcUrl);
        ApiClient chair = ApiClient.as(first.baseUrl(), "chair.brown");
        String child = JSON.readTree(ok(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"NODE1","givenName":"Rowan","familyName":"Nodes",
                 "dateOfBirth":"2016-02-11"}"""))).get("childId").asText();
        ok(chair.post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"2025-06-02\"}"));
        String enquiry = JSON.readTree(ok(chair.post("/api/children/" + child
                + "/protection/strategy-discussions", "{\"strategyDiscussionOn\":\"2025-06-02\"}"))).get("id").asText();
        ok(chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"2025-06-20","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}""".formatted(child, enquiry)));
        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM returns_conference WHERE child_id = ?", Integer.class, child) == 1);

        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication query = new SpringApplication(QueryServiceApplication.class);
        query.setAdditionalProfiles("query-service");
        second = query.run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--spring.main.banner-mode=off",
                "--oversight.node-id=query-b",
                "--oversight.audit.chain-key=" + OversightTestApp.TEST_CHAIN_KEY,
                "--oversight.data.key-encryption-key=" + OversightTestApp.TEST_DATA_KEY);
        session = signIn(first.baseUrl(), "qa.evans");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aRunStartedOnOneNodeIsPolledAndDownloadedOnTheOtherEitherWayRound() throws Exception {
        for (String[] nodes : List.of(new String[] {first.baseUrl(), secondUrl()},
                new String[] {secondUrl(), first.baseUrl()})) {
            String starter = nodes[0];
            String other = nodes[1];
            HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(starter
                    + "/returns/national/cin")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("year=2026&reason="
                            + URLEncoder.encode(REASON, StandardCharsets.UTF_8) + "&_csrf="
                            + csrf(starter, "/returns"))));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
            String page = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();

            JsonNode[] progress = new JsonNode[1];
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<String> asked = get(other, page + "/progress");
                assertThat(asked.statusCode()).as("the other node answers the poll").isEqualTo(200);
                progress[0] = JSON.readTree(asked.body());
                return progress[0].get("finished").asBoolean();
            });
            assertThat(progress[0].get("state").asText()).isEqualTo("DONE");
            assertThat(progress[0].get("children").asLong()).isEqualTo(1);
            assertThat(get(other, page).body()).contains("Finished.")
                    .contains("Download every authority");

            HttpResponse<byte[]> archive = HTTP.send(request(other, progress[0].get("download").asText()).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(archive.statusCode()).isEqualTo(200);
            assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
            List<String> names = new ArrayList<>();
            String north = null;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    names.add(entry.getName());
                    String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    north = entry.getName().contains("DEMO-N") ? text : north;
                }
            }
            assertThat(names).containsExactly("cin-census-DEMO-N-2026.xml", "cin-census-DEMO-S-2026.xml");
            assertThat(north).contains("<LAchildID>NODE1</LAchildID>");
        }
    }

    @Test
    void aRunWhoseNodeDiedPartWayIsShownAsStoppedByTheNodeStillStanding() throws Exception {
        // a run of qa.evans's authorities left under way by a node that has gone: its heartbeat stopped long ago
        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        jdbc.update("""
                INSERT INTO returns_census_run (run_id, username, authorities, collection_year, state, started_at,
                                                heartbeat_at, authorities_done, children)
                VALUES ('0b8e6a3e-7d4c-4f0e-9a51-3c2d1e0f9a87', 'qa.evans', ARRAY['DEMO-S'], 2026, 'RUNNING',
                        now() - interval '20 minutes', now() - interval '15 minutes', 0, 40)""");
        String page = "/returns/national/cin/runs/0b8e6a3e-7d4c-4f0e-9a51-3c2d1e0f9a87";

        HttpResponse<String> shown = get(secondUrl(), page);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("The run stopped because the service making it stopped.")
                .doesNotContain("Being made.").doesNotContain("Check progress");
        JsonNode progress = JSON.readTree(get(first.baseUrl(), page + "/progress").body());
        assertThat(progress.get("state").asText()).isEqualTo("FAILED");
        assertThat(progress.get("finished").asBoolean()).isTrue();
        assertThat(progress.get("download").isNull()).isTrue();
        assertThat(get(first.baseUrl(), page + "/archive.zip").statusCode()).isEqualTo(404);
    }

    private static String secondUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    /** Signs in with the form on {@code node}; the session it answers is good on every node. */
    private static String signIn(String node, String username) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(node + "/login")).GET());
        String preSession = cookie(login);
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(node + "/login"))
                .header("Cookie", "SESSION=" + preSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(ApiClient.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow();
    }

    private static String csrf(String node, String path) {
        Matcher token = CSRF.matcher(get(node, path).body());
        assertThat(token.find()).as("a CSRF token on " + path).isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String node, String path) {
        return send(request(node, path).GET());
    }

    private static HttpRequest.Builder request(String node, String path) {
        return HttpRequest.newBuilder(URI.create(node + path)).header("Accept", "text/html, application/json")
                .header("Cookie", "SESSION=" + session);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null && !request.build().headers().firstValue("Cookie").isPresent()) {
            request.header("Cookie", "SESSION=" + session);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
