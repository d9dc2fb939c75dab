package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    @Test
    void theHistoryPageOfAChildWithFiveHundredEventsRendersInWellUnderATenthOfASecond() {
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies");
        String path = "/children/" + child + "/history";
        for (int i = 0; i < 15; i++) {
            assertThat(auditor.get(path).statusCode()).isEqualTo(200);
        }
        List<Long> millis = new ArrayList<>();
        String body = null;
        for (int i = 0; i < 31; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = auditor.get(path);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        }
        Collections.sort(millis);
        long median = millis.get(millis.size() / 2);
        System.out.println("History page of a child with " + EVENTS + " events: median " + median + " ms, slowest "
                + millis.get(millis.size() - 1) + " ms");
        assertThat(body).contains(EVENTS + " events in 1 stream");
        assertThat(median).as("median milliseconds").isLessThan(100);
    }
}
