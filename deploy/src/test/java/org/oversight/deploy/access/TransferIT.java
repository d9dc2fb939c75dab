package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;

/**
 * A child who moves is passed to the receiving authority as a recorded decision: from then on the receiving
 * authority's people see the whole history and allocate their own chair, and the sending authority's people,
 * the chair who held the child included, find nothing.
 */
class TransferIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static OversightTestApp app;
    private static String childId;

    @BeforeAll
    static void start() throws Exception {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app)
                .person("move.north.chair", "CHAIR", "DEMO-N", "Moving north")
                .person("move.north.manager", "TEAM_MANAGER", "DEMO-N", "Moving north")
                .person("move.south.chair", "CHAIR", "DEMO-S", "Moving south")
                .person("move.south.manager", "TEAM_MANAGER", "DEMO-S", "Moving south");
        ApiClient north = ApiClient.as(app.baseUrl(), "move.north.chair");
        childId = JSON.readTree(north.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"MOVE1","givenName":"Alex","familyName":"Mover",
                 "dateOfBirth":"2015-06-06"}""").body()).get("childId").asText();
        assertThat(north.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":"
                + "\"move.north.chair\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
        assertThat(north.post("/api/children/" + childId + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + TODAY.minusDays(1) + "\"}").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theReceivingAuthorityTakesTheChildOnWithTheirWholeHistoryAndTheSendingAuthorityLosesSightOfThem()
            throws Exception {
        ApiClient southManager = ApiClient.as(app.baseUrl(), "move.south.manager");
        assertThat(southManager.get("/api/children/" + childId).statusCode()).as("before the transfer").isEqualTo(404);
        assertThat(ApiClient.as(app.baseUrl(), "move.north.chair").post("/api/children/" + childId + "/transfer",
                transfer()).statusCode()).as("a chair does not transfer a child").isEqualTo(403);

        HttpResponse<String> transferred = ApiClient.as(app.baseUrl(), "move.north.manager")
                .post("/api/children/" + childId + "/transfer", transfer());
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> southManager.get("/api/children/" + childId)
                .statusCode() == 200);
        assertThat(ApiClient.as(app.baseUrl(), "move.north.chair").get("/api/children/" + childId).statusCode())
                .as("the sending authority's chair").isEqualTo(404);
        assertThat(ApiClient.as(app.baseUrl(), "move.north.manager").get("/api/children/" + childId + "/history")
                .statusCode()).as("the sending authority's manager").isEqualTo(404);

        assertThat(southManager.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":"
                + "\"move.south.chair\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
        JsonNode history = JSON.readTree(ApiClient.as(app.baseUrl(), "move.south.chair")
                .get("/api/children/" + childId + "/history").body());
        assertThat(history.toString()).contains("Section 47 enquiry started").contains("Transferred from")
                .contains("MOVE-S1");
        // the guard reads the child's own case at once; the child's page follows when the projection has the move
        ApiClient southChair = ApiClient.as(app.baseUrl(), "move.south.chair");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                southChair.get("/api/children/" + childId).body()).contains("DEMO-S").contains("MOVE-S1"));
    }

    private static String transfer() {
        return """
                {"toLocalAuthority":"DEMO-S","toLocalIdentifier":"MOVE-S1","transferredOn":"%s",
                 "reason":"The family moved to Southvale"}""".formatted(TODAY);
    }
}
