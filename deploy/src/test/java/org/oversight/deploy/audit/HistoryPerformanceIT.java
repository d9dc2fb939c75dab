package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The history page of a child with 500 events renders well within 100 ms at the median: one indexed query reads
 * every stream of the child, and nothing is asked of the database per event. The events are copies of a real
 * allocation written straight into the store (the history does not check seals; the integrity check does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryPerformanceIT {

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
     * Measured as a signed-in browser reads it, with a session: HTTP Basic would check the password's slow hash on
     * every request, which is the cost of signing in, not of the page.
     */
    @Test
    void theHistoryPageOfAChildWithFiveHundredEventsRendersInWellUnderATenthOfASecond() throws Exception {
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
        HttpRequest history = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/children/" + child + "/history"))
                .GET().build();
        for (int i = 0; i < 15; i++) {
            assertThat(browser.send(history, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        // The machine may be shared with other builds. The best of up to three rounds counts, so a passing spike
        // does not fail it, while a page that is slow every time (a query per event, say) fails all three. When
        // the machine is overloaded (more than 1.5 runnable tasks per core) the absolute budget means nothing, and
        // the page's own cost is checked instead: its time above a plain signed-in page, measured alongside.
        HttpRequest home = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/")).GET().build();
        long median = Long.MAX_VALUE;
        long ownCost = Long.MAX_VALUE;
        String body = null;
        for (int round = 0; round < 3 && median >= 100; round++) {
            List<Long> millis = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = browser.send(history, HttpResponse.BodyHandlers.ofString());
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(response.statusCode()).isEqualTo(200);
                body = response.body();
                start = System.nanoTime();
                browser.send(home, HttpResponse.BodyHandlers.ofString());
                plain.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            Collections.sort(plain);
            long roundMedian = millis.get(millis.size() / 2);
            median = Math.min(median, roundMedian);
            ownCost = Math.min(ownCost, roundMedian - plain.get(plain.size() / 2));
            System.out.println("History page of a child with " + EVENTS + " events, round " + (round + 1)
                    + ": median " + roundMedian + " ms, slowest " + millis.get(millis.size() - 1)
                    + " ms; a plain page: median " + plain.get(plain.size() / 2) + " ms");
        }
        assertThat(body).contains(EVENTS + " events in 1 stream");
        double loadPerCore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        if (loadPerCore > 1.5 && median >= 100) {
            System.out.println("Machine overloaded (load " + loadPerCore + " per core): checking the page's own cost");
            assertThat(ownCost).as("milliseconds above a plain page, median").isLessThan(100);
        } else {
            assertThat(median).as("median milliseconds").isLessThan(100);
        }
    }
}
