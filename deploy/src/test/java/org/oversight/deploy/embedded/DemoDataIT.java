package org.oversight.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The newcomer's first start: the embedded demo records its synthetic children through the real command path
 * — so every rule holds — and a chair then sees plans, periods of care and escalations, all sealed. The
 * children belong to both demo authorities, each chaired by chairs who work for it.
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
        return get(ApiClient.as(app.baseUrl(), username), path);
    }

    private static JsonNode get(ApiClient client, String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDemoChildrenAreSpreadOverBothAuthoritiesEachChairedByChairsOfItsOwn() throws InterruptedException {
        Map<String, Set<String>> authoritiesOfChairs = Map.of(
                "DEMO-N", Set.of("chair.brown", "chair.chen", "iro.ahmed", "iro.okafor"),
                "DEMO-S", Set.of("iro.nowak", "chair.quinn"));
        // the caseloads fill as the projections catch up with the demo's events
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Map<String, Integer> allocations = new HashMap<>();
                    authoritiesOfChairs.forEach((authority, chairs) -> {
                        for (String chair : chairs) {
                            for (JsonNode entry : get(chair, "/api/caseload")) {
                                assertThat(entry.get("localAuthority").asText())
                                        .as("a child of %s's caseload", chair).isEqualTo(authority);
                                allocations.merge(authority, 1, Integer::sum);
                            }
                        }
                    });
                    // a third of the children are Southvale's; each child has one or two chairs
                    assertThat(allocations.get("DEMO-S")).isEqualTo(11);
                    assertThat(allocations.get("DEMO-N")).isEqualTo(22);
                });
    }

    @Test
    void theDemoHasChildProtectionPlansPeriodsOfCareAndEscalationsThatAllVerify() throws InterruptedException {
        List<JsonNode> caseload = new ArrayList<>();
        Map<String, String> chairOfChild = new LinkedHashMap<>();
        Map<String, String> authorityOfChild = new HashMap<>();
        Awaitility.await("a plan and a period of care shown on the demo caseloads").atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                    caseload.clear();
                    chairOfChild.clear();
                    authorityOfChild.clear();
                    for (String chair : List.of("chair.brown", "chair.chen", "iro.ahmed", "iro.okafor", "iro.nowak",
                            "chair.quinn")) {
                        get(chair, "/api/caseload").forEach(entry -> {
                            caseload.add(entry);
                            chairOfChild.putIfAbsent(entry.get("childId").asText(), chair);
                            authorityOfChild.put(entry.get("childId").asText(),
                                    entry.get("localAuthority").asText());
                        });
                    }
                    return caseload.stream().anyMatch(e -> e.hasNonNull("protectionPlan"))
                            && caseload.stream().anyMatch(e -> e.hasNonNull("lookedAfter"));
                });
        assertThat(caseload).hasSizeGreaterThan(20);
        assertThat(caseload).anyMatch(e -> e.hasNonNull("protectionPlan"));
        assertThat(caseload).anyMatch(e -> e.hasNonNull("lookedAfter"));

        // each child's escalations as read by a chair allocated to the child, who needs no reason
        long escalations = chairOfChild.entrySet().stream().mapToLong(child -> get(child.getValue(),
                "/api/children/" + child.getKey() + "/escalations").size()).sum();
        assertThat(escalations).isPositive();

        // each child verified by someone who oversees its authority, saying why: Northmoor's auditor, and
        // Southvale's QA lead (the demo's auditor works for Northmoor only)
        Map<String, ApiClient> overseers = Map.of(
                "DEMO-N", ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking the demo record verifies"),
                "DEMO-S", ApiClient.as(app.baseUrl(), "qa.shah").because("Checking the demo record verifies"));
        for (String child : chairOfChild.keySet()) {
            JsonNode integrity = get(overseers.get(authorityOfChild.get(child)),
                    "/api/children/" + child + "/integrity");
            assertThat(integrity.get("intact").asBoolean()).as("child %s: %s", child, integrity).isTrue();
        }
    }

    @Test
    void theDemoHasARecordPastItsRetentionPeriodAndAnotherHeldForAnInquiry() {
        Awaitility.await("the demo's records due and held").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    JsonNode due = get("data.iqbal", "/api/local-authorities/DEMO-N/retention/due");
                    assertThat(due.get("due").asLong()).isEqualTo(1);
                    assertThat(due.get("held").asLong()).isEqualTo(1);
                    Map<String, JsonNode> byIdentifier = new HashMap<>();
                    due.get("records").forEach(r -> byIdentifier.put(r.get("localIdentifier").asText(), r));
                    assertThat(byIdentifier.get(DemoRetention.DUE_IDENTIFIER).get("held")).isEmpty();
                    assertThat(byIdentifier.get(DemoRetention.DUE_IDENTIFIER).get("recordType").asText())
                            .isEqualTo("CHILD_PROTECTION_ENQUIRY");
                    assertThat(byIdentifier.get(DemoRetention.HELD_IDENTIFIER).get("held").get(0).asText())
                            .isEqualTo("INQUIRY");
                });
        assertThat(get("admin.ford", "/api/local-authorities/DEMO-S/retention/due").get("due").asLong()).isZero();
    }

    /**
     * The demo's child protection plans have their core groups recorded and their conference papers sent, so that
     * none shows them overdue but the one child left so on purpose (its first core group and its minutes), and the
     * one child whose outcome letter went out late shows it so.
     */
    @Test
    void theDemoPlansHaveTheirCoreGroupsAndPapersAndOnlyTheDeliberateOnesAreLate() {
        Map<String, String> identifierOfChild = new LinkedHashMap<>();
        Awaitility.await("the demo's child protection plans on the chairs' caseloads").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    identifierOfChild.clear();
                    for (String chair : List.of("chair.brown", "chair.chen", "chair.quinn")) {
                        get(chair, "/api/caseload").forEach(entry -> {
                            if (entry.hasNonNull("protectionPlan")) {
                                String child = entry.get("childId").asText();
                                identifierOfChild.put(child, get(chair, "/api/children/" + child)
                                        .findValue("localIdentifier").asText());
                            }
                        });
                    }
                    return identifierOfChild.containsValue("D1016") && identifierOfChild.containsValue("D1000");
                });
        Set<String> watched = Set.of("core-group", "cp-outcome-letter", "cp-agency-decisions", "cp-minutes",
                "cp-parents-minutes");
        Map<String, List<String>> overdue = new LinkedHashMap<>();
        Map<String, List<String>> late = new LinkedHashMap<>();
        int coreGroupsMet = 0;
        for (Map.Entry<String, String> child : identifierOfChild.entrySet()) {
            ApiClient reader = ApiClient.as(app.baseUrl(), "qa.evans").because("Checking the demo's clocks");
            for (JsonNode entry : get(reader, "/api/children/" + child.getKey() + "/timeline").get("clocks")) {
                String kind = entry.get("clock").get("kind").asText();
                String status = entry.get("status").asText();
                if (!watched.contains(kind)) {
                    continue;
                }
                if (status.equals("OVERDUE")) {
                    overdue.computeIfAbsent(child.getValue(), k -> new ArrayList<>()).add(kind);
                } else if (status.equals("HAPPENED_LATE")) {
                    late.computeIfAbsent(child.getValue(), k -> new ArrayList<>()).add(kind);
                } else if (kind.equals("core-group") && status.equals("HAPPENED_IN_TIME")) {
                    coreGroupsMet++;
                }
            }
        }
        assertThat(overdue).containsOnlyKeys("D1016");
        assertThat(overdue.get("D1016")).contains("core-group", "cp-minutes");
        assertThat(late).containsOnlyKeys("D1000");
        assertThat(late.get("D1000")).containsExactly("cp-outcome-letter");
        assertThat(coreGroupsMet).as("core groups met in time across the demo").isGreaterThan(5);
    }
}
