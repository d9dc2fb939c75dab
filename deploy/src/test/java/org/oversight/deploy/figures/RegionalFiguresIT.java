package org.oversight.deploy.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A regional viewer sees each granted authority's counts side by side and never a child; a count from one to
 * four is not shown exactly; a QA lead sees only their own authority's row.
 */
class RegionalFiguresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static OversightTestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app)
                .person("fig.north", "CHAIR", "DEMO-N", "Figures north")
                .person("fig.south", "CHAIR", "DEMO-S", "Figures south")
                .person("fig.regional", "REGIONAL_VIEWER", "DEMO-N", null)
                .worksFor("fig.regional", "DEMO-S", null)
                .person("fig.qa.south", "QA_LEAD", "DEMO-S", null);
        for (int i = 0; i < 5; i++) {
            raiseFor("fig.north", "DEMO-N", "FIGN" + i);
        }
        raiseFor("fig.south", "DEMO-S", "FIGS1");
        // Southvale's one escalation reads as "fewer than 5" (null) once projected; 0 before
        await().atMost(Duration.ofSeconds(20)).until(() -> openEscalations("DEMO-N") == 5
                && row(figuresAs("fig.regional"), "DEMO-S").get("openEscalations").isNull());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRegionalViewerSeesEachGrantedAuthoritysCountsAndNoChild() throws Exception {
        JsonNode figures = figuresAs("fig.regional");

        assertThat(figures).hasSize(2);
        assertThat(row(figures, "DEMO-N").get("openEscalations").asInt()).isEqualTo(5);
        assertThat(row(figures, "DEMO-S").get("openEscalations").isNull()).as("one escalation: fewer than 5").isTrue();
        String page = ApiClient.as(app.baseUrl(), "fig.regional").get("/figures").body();
        assertThat(page).contains("fewer than 5").doesNotContain("Figures child");
    }

    @Test
    void aQaLeadSeesOnlyTheirOwnAuthority() throws Exception {
        JsonNode figures = figuresAs("fig.qa.south");

        assertThat(figures).hasSize(1);
        assertThat(figures.get(0).get("localAuthority").asText()).isEqualTo("DEMO-S");
    }

    @Test
    void aChairIsRefusedTheFigures() {
        assertThat(ApiClient.as(app.baseUrl(), "fig.north").get("/api/figures").statusCode()).isEqualTo(403);
    }

    private static void raiseFor(String chair, String authority, String identifier) throws Exception {
        ApiClient client = ApiClient.as(app.baseUrl(), chair);
        String childId = JSON.readTree(client.post("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"Figures","familyName":"child",
                 "dateOfBirth":"2014-02-02"}""".formatted(authority, identifier)).body()).get("childId").asText();
        assertThat(client.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"" + chair
                + "\",\"allocatedFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
        assertThat(client.post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"%s","concernCategory":"PERMANENCE","asked":"Allocate a social worker",
                 "formal":false,"level":null,"raisedOn":"%s"}""".formatted(childId, authority, TODAY)).statusCode())
                .isEqualTo(201);
    }

    private static int openEscalations(String authority) throws Exception {
        JsonNode row = row(figuresAs("fig.regional"), authority);
        return row.get("openEscalations").isNull() ? 0 : row.get("openEscalations").asInt();
    }

    private static JsonNode figuresAs(String username) throws Exception {
        return JSON.readTree(ApiClient.as(app.baseUrl(), username).get("/api/figures").body());
    }

    private static JsonNode row(JsonNode figures, String authority) {
        for (JsonNode row : figures) {
            if (row.get("localAuthority").asText().equals(authority)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + authority + " in " + figures);
    }
}
