package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The timeline's picture and the team's drift view over HTTP against a real PostgreSQL: the picture is SVG drawn
 * on the server (one image with a title and description, the late review in its late class) above the table;
 * the drift view lists a team's open children under their chairs, a page at a time, to the team's manager and
 * the authority's QA lead, and to nobody who may not see the team; its "as at" day is bounded like every other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftPageHttpIT {

    private static final Pattern ROW = Pattern.compile("data-testid=\"drift-row\"");

    private MovableClock clock;
    private OversightTestApp app;
    private String lateChild;
    private LocalDate started;

    @BeforeAll
    void start() {
        clock = MovableClock.startingNow();
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
        LocalDate today = clock.today();
        started = today.minusDays(70);
        ApiClient iro = as("iro.ahmed");
        lateChild = lookedAfter(iro, "DRIFTH1", "Late", started);
        post(iro, "/api/children/" + lateChild + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,"decisions":["Stay"]}"""
                .formatted(today.minusDays(5)));
        // enough more children, each with a period of care, to need a second page
        for (int i = 0; i < 21; i++) {
            lookedAfter(iro, "DRIFTH" + (i + 2), "Ontime" + (char) ('a' + i), today.minusDays(3));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> iro.get("/api/children/" + lateChild + "/timeline")
                .body().contains("\"HAPPENED_LATE\""));
        // the caseload is a projection of its own: wait until it holds every child, not only the late one
        await().atMost(Duration.ofSeconds(60)).until(() -> as("manager.hughes").get("/drift").body()
                .contains("22 children, by chair"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theTimelineDrawsItsClocksAsOneImageAboveTheTableWithTheLateReviewInItsLateClass() {
        String page = ok(as("iro.ahmed").get("/children/" + lateChild + "/timeline"));
        int picture = page.indexOf("data-testid=\"drift-picture\"");
        int table = page.indexOf("data-testid=\"clocks\"");
        assertThat(picture).isPositive().isLessThan(table);
        String svg = page.substring(page.indexOf("<svg", picture), page.indexOf("</svg>", picture));
        assertThat(svg).contains("role=\"img\"", "aria-labelledby=\"drift-title\"", "<title id=\"drift-title\">",
                "<desc id=\"drift-desc\">");
        assertThat(svg).containsPattern("<g class=\"drift-clock drift-late\" data-kind=\"lac-review\">");
        assertThat(svg).contains("class=\"drift-band drift-band--care\"", "class=\"drift-as-at\"");

        String before = ok(as("iro.ahmed").get("/children/" + lateChild + "/timeline?asAt=" + started.plusDays(10)));
        assertThat(before).contains("<g class=\"drift-clock drift-open\" data-kind=\"lac-review\">")
                .doesNotContain("drift-clock drift-late");
    }

    @Test
    void theTeamManagerSeesTheTeamsChildrenUnderTheirChairsTwentyToAPage() {
        ApiClient manager = as("manager.hughes");
        String first = ok(manager.get("/drift"));
        assertThat(first).contains("Drift in North IRO team", "22 children, by chair (page 1 of 2)");
        assertThat(count(first)).isEqualTo(20);
        assertThat(first).containsPattern("Child Late</a>[\\s\\S]{0,200}?>[1-9][0-9]*</td>");
        String second = ok(manager.get("/drift?page=2"));
        assertThat(count(second)).isEqualTo(2);
        assertThat(ok(manager.get("/drift?page=99"))).as("a page past the last shows the last")
                .contains("(page 2 of 2)");

        String earlier = ok(manager.get("/drift?asAt=" + started.plusDays(10)));
        assertThat(earlier).doesNotContain("drift-clock drift-late");
    }

    @Test
    void aQaLeadOfTheAuthorityMayChooseTheTeamAndNobodyElseMay() {
        assertThat(ok(as("qa.evans").get("/drift?team=North%20IRO%20team&authority=DEMO-N")))
                .contains("Drift in North IRO team");
        assertThat(as("qa.shah").get("/drift?team=North%20IRO%20team&authority=DEMO-N").statusCode())
                .as("a QA lead of another authority").isEqualTo(404);
        assertThat(as("manager.reid").get("/drift?team=North%20IRO%20team").statusCode())
                .as("another team's manager").isEqualTo(404);
        assertThat(as("iro.ahmed").get("/drift").statusCode()).as("a chair").isEqualTo(403);
        assertThat(as("auditor.davies").get("/drift").statusCode()).as("an auditor").isEqualTo(403);
    }

    @Test
    void anAsAtDayOutsideTheWindowIsRefusedNamingTheRule() {
        HttpResponse<String> refused = as("manager.hughes").get("/drift?asAt=1989-12-31");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("as-at-within-window");
        assertThat(as("manager.hughes").get("/drift?page=10001").statusCode()).isEqualTo(400);
    }

    private String lookedAfter(ApiClient iro, String identifier, String familyName, LocalDate from) {
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Child","familyName":"%s",
                 "dateOfBirth":"%s"}""".formatted(identifier, familyName, clock.today().minusYears(8)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        post(iro, "/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(from));
        post(iro, "/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(from));
        return childId;
    }

    private static void post(ApiClient client, String path, String json) {
        HttpResponse<String> response = client.post(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int count(String page) {
        Matcher m = ROW.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private ApiClient as(String username) {
        return ApiClient.as(app.baseUrl(), username);
    }
}
