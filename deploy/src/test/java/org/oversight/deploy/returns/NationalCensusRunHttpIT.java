package org.oversight.deploy.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national census made in the background over HTTP against a real PostgreSQL: started with a reason, its
 * progress asked for until it has finished, and its archive downloaded with the same entries as the direct
 * download; found by nobody but the person who started it, and every child in it logged as read by them.
 */
class NationalCensusRunHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String REASON = "Checking the national census before submission";
    private static OversightTestApp app;
    private static String north;
    private static String south;

    @BeforeAll
    static void record() throws IOException {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        north = onAPlan(chair, "DEMO-N", "NAT1", "2016-02-11", "2025-06-02", "2025-06-20");
        south = onAPlan(chair, "DEMO-S", "NAT2", "2014-09-30", "2025-07-01", "2025-07-18");
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM returns_conference WHERE child_id IN (?, ?)", Integer.class, north, south) == 2);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRunStartedInTheBackgroundEndsWithTheArchiveTheDirectDownloadMakes() throws Exception {
        HttpResponse<String> started = postForm("qa.evans", "/returns/national/cin", "year=2026&reason="
                + URLEncoder.encode(REASON, StandardCharsets.UTF_8));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String page = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(page).matches("/returns/national/cin/runs/[0-9a-f-]{36}");

        JsonNode[] progress = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<byte[]> asked = get("qa.evans", page + "/progress");
            assertThat(asked.statusCode()).isEqualTo(200);
            progress[0] = JSON.readTree(asked.body());
            return progress[0].get("finished").asBoolean();
        });
        assertThat(progress[0].get("state").asText()).isEqualTo("DONE");
        assertThat(progress[0].get("authoritiesDone").asInt()).isEqualTo(2);
        assertThat(progress[0].get("authorities").asInt()).isEqualTo(2);
        assertThat(progress[0].get("children").asLong()).isEqualTo(2);
        assertThat(progress[0].toString()).doesNotContain("NAT1").doesNotContain("NAT2");

        HttpResponse<byte[]> archive = get("qa.evans", progress[0].get("download").asText());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(archive.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("cin-census-2026.zip");
        HttpResponse<byte[]> direct = HTTP.send(form("qa.evans", "/returns/national/cin/download", "year=2026&reason="
                + URLEncoder.encode(REASON, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(direct.statusCode()).isEqualTo(200);

        Map<String, String> made = entries(archive.body());
        assertThat(made.keySet()).containsExactly("cin-census-DEMO-N-2026.xml", "cin-census-DEMO-S-2026.xml");
        assertThat(made).isEqualTo(entries(direct.body()));
        assertThat(made.get("cin-census-DEMO-N-2026.xml")).contains("<LAchildID>NAT1</LAchildID>")
                .doesNotContain("NAT2");
        assertThat(made.get("cin-census-DEMO-S-2026.xml")).contains("<LAchildID>NAT2</LAchildID>");

        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        for (String child : List.of(north, south)) {
            // once for the run, once for the direct download
            assertThat(jdbc.queryForList("SELECT username FROM history_read WHERE child_id = ? AND how = 'CIN_CENSUS' "
                    + "AND purpose = ?", String.class, child, REASON)).containsExactly("qa.evans", "qa.evans");
        }
    }

    @Test
    void aRunIsNotFoundByAnyoneButThePersonWhoStartedIt() throws Exception {
        HttpResponse<String> started = postForm("qa.evans", "/returns/national/cin", "year=2026&reason="
                + URLEncoder.encode("Seeing who else can find the run", StandardCharsets.UTF_8));
        String page = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get("qa.evans",
                page + "/progress").body()).get("finished").asBoolean());

        assertThat(get("admin.ford", page).statusCode()).isEqualTo(404);
        assertThat(get("admin.ford", page + "/progress").statusCode()).isEqualTo(404);
        assertThat(get("admin.ford", page + "/archive.zip").statusCode()).isEqualTo(404);
        assertThat(get("qa.evans", page + "/archive.zip").statusCode()).isEqualTo(200);
    }

    @Test
    void aRunStartedWithoutAReasonIsRefusedAndNothingIsMade() throws Exception {
        HttpResponse<String> refused = postForm("qa.evans", "/returns/national/cin", "year=2026&reason=+");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter why you are making this return").doesNotContain("NAT1");
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                // the moment each file was made is the one thing two runs cannot share
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("<DateTime>[^<]*</DateTime>", "<DateTime/>"));
            }
        }
        return entries;
    }

    private static HttpResponse<String> postForm(String username, String path, String body) throws Exception {
        return HTTP.send(form(username, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(String username, String path, String body) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), username))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<byte[]> get(String username, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), username)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String onAPlan(ApiClient chair, String authority, String identifier, String born,
            String enquiryOn, String conferenceOn) throws IOException {
        String child = JSON.readTree(ok(chair.post("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"Rowan","familyName":"National",
                 "dateOfBirth":"%s"}""".formatted(authority, identifier, born)))).get("childId").asText();
        ok(chair.post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"" + enquiryOn + "\"}"));
        String enquiry = JSON.readTree(ok(chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + enquiryOn + "\"}"))).get("id").asText();
        ok(chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":["Children's social care","Police","GP"],
                 "chairId":"chair.brown","decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN",
                 "initialCategory":"NEG","previousPlans":0,
                 "childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(conferenceOn, child, enquiry)));
        return child;
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
