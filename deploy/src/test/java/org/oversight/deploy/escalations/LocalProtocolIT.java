package org.oversight.deploy.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * A local authority with a dispute resolution protocol of its own, configured once for the deployment: its
 * children's escalations move through its levels and are filed under its themes, refused at levels it does not
 * use, offered and named that way on the pages; every other authority keeps the default protocol.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalProtocolIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OversightTestApp app;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase(),
                "--oversight.escalations.local-authorities[DEMO-S].levels[PRACTICE_MANAGER]=Practice manager",
                "--oversight.escalations.local-authorities[DEMO-S].levels[ASSISTANT_DIRECTOR]=Assistant director",
                "--oversight.escalations.local-authorities[DEMO-S].concern-categories[SIBLING_CONTACT]=Contact between brothers and sisters",
                "--oversight.escalations.local-authorities[DEMO-S].concern-categories[PERMANENCE]=Permanence");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAuthorityWithItsOwnProtocolUsesItsLevelsAndThemesAndNoOthers() throws Exception {
        String south = register("DEMO-S", "LP1");
        String north = register("DEMO-N", "LP2");

        assertThat(raise(south, "DEMO-S", "SIBLING_CONTACT", "PRACTICE_MANAGER").statusCode()).isEqualTo(201);
        HttpResponse<String> teamManager = raise(south, "DEMO-S", "PERMANENCE", "TEAM_MANAGER");
        assertThat(teamManager.statusCode()).as(teamManager.body()).isEqualTo(422);
        assertThat(JSON.readTree(teamManager.body()).get("rule").asText()).isEqualTo("escalation-level-configured");
        HttpResponse<String> theme = raise(north, "DEMO-N", "SIBLING_CONTACT", "TEAM_MANAGER");
        assertThat(JSON.readTree(theme.body()).get("rule").asText()).isEqualTo("concern-category-configured");
        assertThat(raise(north, "DEMO-N", "PERMANENCE", "TEAM_MANAGER").statusCode()).isEqualTo(201);

        String form = chair().get("/children/" + south + "/escalations/new").body();
        assertThat(form).contains("Practice manager", "Assistant director", "Contact between brothers and sisters")
                .doesNotContain("Head of service");
        assertThat(chair().get("/children/" + north + "/escalations/new").body()).contains("Head of service");
    }

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "iro.okafor");
    }

    private HttpResponse<String> raise(String childId, String authority, String theme, String level) {
        return chair().post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"%s","concernCategory":"%s","asked":"Meet within 10 days",
                 "formal":true,"level":"%s","raisedOn":"%s"}""".formatted(childId, authority, theme, level, today));
    }

    private String register(String authority, String localIdentifier) throws Exception {
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"%s","localIdentifier":"%s","givenName":"Lou","familyName":"Protocol",
                 "dateOfBirth":"2015-05-05"}""".formatted(authority, localIdentifier));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = JSON.readTree(registered.body()).get("childId").asText();
        // the chair raising escalations about the child is the child's IRO
        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.okafor\",\"allocatedFrom\":\"2015-05-05\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        assertThat(chair().get("/api/children/" + childId + "?after=0").statusCode()).isEqualTo(200);
        return childId;
    }
}
