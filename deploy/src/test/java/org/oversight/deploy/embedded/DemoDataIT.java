package org.oversight.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The newcomer's first start: the embedded demo records its synthetic children through the real command path
 * — so every rule holds — and a chair then sees plans, periods of care and escalations, all sealed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.startWithDemoChildren(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private JsonNode get(String username, String path) {
        try {
            return JSON.readTree(ApiClient.as(app.baseUrl(), username).get(path).body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDemoHasChildProtectionPlansPeriodsOfCareAndEscalationsThatAllVerify() throws InterruptedException {
        List<JsonNode> caseload = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean plansShown = false;
        while (!plansShown && System.nanoTime() < deadline) {
            caseload.clear();
            for (String chair : List.of("chair.brown", "chair.chen", "iro.ahmed", "iro.okafor")) {
                get(chair, "/api/caseload").forEach(caseload::add);
            }
            plansShown = caseload.stream().anyMatch(e -> e.hasNonNull("protectionPlan"))
                    && caseload.stream().anyMatch(e -> e.hasNonNull("lookedAfter"));
            Thread.sleep(200);
        }
        assertThat(caseload).hasSizeGreaterThan(20);
        assertThat(caseload).anyMatch(e -> e.hasNonNull("protectionPlan"));
        assertThat(caseload).anyMatch(e -> e.hasNonNull("lookedAfter"));

        List<String> children = caseload.stream().map(e -> e.get("childId").asText()).distinct().toList();
        long escalations = children.stream()
                .mapToLong(child -> get("chair.brown", "/api/children/" + child + "/escalations").size()).sum();
        assertThat(escalations).isPositive();

        for (String child : children) {
            JsonNode integrity = get("auditor.davies", "/api/children/" + child + "/integrity");
            assertThat(integrity.get("intact").asBoolean()).as("child %s: %s", child, integrity).isTrue();
        }
    }
}
