package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.due.DueItemRefresher;

/**
 * A bank holiday an administrator adds to the {@code bank_holiday} table (a one-off, such as a royal occasion)
 * moves every due date counted in working days across it, on the timeline and on the caseload's ranking alike,
 * once the calendar is reread — without a release and without anything recorded about the child.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankHolidayAddedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkingDayCalendar SHIPPED = BankHolidays.shipped().toCalendar();

    private MovableClock clock;
    private OversightTestApp app;
    private String jdbcUrl;

    @BeforeAll
    void start() {
        clock = MovableClock.startingNow();
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(clock, jdbcUrl);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAddedBankHolidayMovesTheFirstReviewByAWorkingDayOnTheTimelineAndTheCaseload() throws Exception {
        LocalDate today = clock.today();
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"BH1","givenName":"Ray","familyName":"Holiday",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(9)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = JSON.readTree(registered.body()).get("childId").asText();
        assertThat(iro.get("/api/children/" + child + "?after=0").statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + child + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(1))).statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today)).statusCode()).isEqualTo(200);
        LocalDate due = SHIPPED.workingDaysAfter(today, 20);
        assertThat(awaitNextDue(iro, child, due)).isEqualTo(due);

        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement add = connection.prepareStatement(
                        "INSERT INTO bank_holiday (holiday_date, title, added_by) VALUES (?, 'One-off holiday', 'admin.ford')")) {
            add.setObject(1, SHIPPED.workingDaysAfter(today, 3));
            add.executeUpdate();
        }
        app.bean(DueItemRefresher.class).checkCalendar();

        LocalDate moved = SHIPPED.workingDaysAfter(due, 1);
        assertThat(nextDue(iro, child)).as("the caseload's due item").isEqualTo(moved);
        JsonNode timeline = JSON.readTree(iro.get("/api/children/" + child + "/timeline").body());
        JsonNode review = StreamSupport.stream(timeline.get("clocks").spliterator(), false)
                .map(entry -> entry.get("clock")).filter(c -> c.get("kind").asText().equals("lac-review"))
                .findFirst().orElseThrow();
        assertThat(review.get("due").get("date").asText()).as("the timeline").isEqualTo(moved.toString());
    }

    /**
     * Nobody opens a caseload here: the background works the child's due items out on its own once the
     * projections have caught up (a QA lead's service view reads only what the background has written).
     */
    @Test
    void theBackgroundWorksOutANewChildsDueItemsWithoutAnyoneOpeningACaseload() throws Exception {
        LocalDate today = clock.today();
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"BH2","givenName":"Bea","familyName":"Background",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(7)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = JSON.readTree(registered.body()).get("childId").asText();
        assertThat(iro.get("/api/children/" + child + "?after=0").statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + child + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"%s\"}".formatted(today)).statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today)).statusCode()).isEqualTo(200);

        int items = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM due_item WHERE child_id = ? AND kind = 'lac-review'", child),
                        n -> n != 0);
        assertThat(app.bean(DueItemRefresher.class).catchingUp()).as("the projections have caught up").isFalse();
        assertThat(items).as("the first looked-after review is among the child's due items").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM due_item_stale WHERE child_id = ?", child)).isZero();
    }

    private int count(String sql, String childId) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, childId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The projections apply events in the background: waits up to 20 s for the due date expected. */
    private static LocalDate awaitNextDue(ApiClient chair, String childId, LocalDate expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> nextDue(chair, childId), expected::equals);
    }

    private static LocalDate nextDue(ApiClient chair, String childId) throws Exception {
        HttpResponse<String> response = chair.get("/api/caseload");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode entry : JSON.readTree(response.body())) {
            if (entry.get("childId").asText().equals(childId) && entry.hasNonNull("next")) {
                return LocalDate.parse(entry.get("next").get("dueOn").asText());
            }
        }
        return null;
    }
}
