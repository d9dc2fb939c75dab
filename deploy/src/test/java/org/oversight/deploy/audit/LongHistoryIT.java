package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The history page of a child with 500 events shows every one of them. The events are copies of a real allocation
 * written straight into the store (the history does not check seals; the integrity check does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongHistoryIT {

    private static final int EVENTS = 500;

    private OversightTestApp app;
    private String jdbcUrl;
    private String child;

    @BeforeAll
    void childWithFiveHundredEvents() throws SQLException, IOException {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"PERF1","givenName":"Pat","familyName":"Many",
                 "dateOfBirth":"2014-04-04"}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        child = new ObjectMapper().readTree(registered.body()).get("childId").asText();
        HttpResponse<String> allocated = chair.post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"2024-01-02\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement copies = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                   payload, payloadtype, timestamp)
                     SELECT aggregateidentifier, s, type, 'copy-' || s || '-' || aggregateidentifier, metadata, payload,
                            payloadtype, timestamp
                       FROM domainevententry, generate_series(2, ?) AS s
                      WHERE aggregateidentifier = ? AND sequencenumber = 1""")) {
            copies.setInt(1, EVENTS - 1);
            copies.setString(2, child);
            assertThat(copies.executeUpdate()).isEqualTo(EVENTS - 2);
        }
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * Read as a signed-in browser reads it, with a session. How fast it renders is measured by the benchmark
     * (README, "Benchmark"), side by side with the other reads, never here: a timed test on a shared machine
     * measures the machine.
     */
    @Test
    void theHistoryPageOfAChildWithFiveHundredEventsShowsEveryOne() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=auditor.davies&password="
                        + URLEncoder.encode(ApiClient.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // an auditor says once why they need the record, on the page the service asks it on
        String historyPath = "/children/" + child + "/history";
        HttpResponse<String> asked = browser.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + historyPath))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.body()).contains("Why do you need this record?");
        Matcher formCsrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(asked.body());
        assertThat(formCsrf.find()).as("the reason form's CSRF token").isTrue();
        HttpResponse<String> stated = browser.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/access/reasons"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("childId=" + child + "&back="
                        + URLEncoder.encode(historyPath, StandardCharsets.UTF_8) + "&reason="
                        + URLEncoder.encode("Quarterly audit", StandardCharsets.UTF_8) + "&_csrf="
                        + formCsrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stated.statusCode()).isEqualTo(302);

        HttpResponse<String> history = browser.send(HttpRequest.newBuilder(
                URI.create(app.baseUrl() + historyPath)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(EVENTS + " events in 1 stream");
        assertThat(Pattern.compile(" allocated as ").matcher(history.body()).results().count())
                .as("an entry for every event").isGreaterThanOrEqualTo(EVENTS - 1);
    }
}
