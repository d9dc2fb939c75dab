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
                    // a third of the children are Southvale's; each child has one or two chairs; of the children
                    // recorded for their states (DemoStates), five are Northmoor's and two Southvale's, one of
                    // them by transfer from Northmoor, whose chair no longer holds it
                    assertThat(allocations.get("DEMO-S")).isEqualTo(11 + 2);
                    assertThat(allocations.get("DEMO-N")).isEqualTo(22 + 5);
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
        // the restricted record is verified by a QA lead named on it: to the auditor, who is not, it does not exist
        ApiClient named = ApiClient.as(app.baseUrl(), "qa.evans").because("Checking the demo record verifies");
        for (String child : chairOfChild.keySet()) {
            boolean restricted = get(chairOfChild.get(child), "/api/children/" + child).get("localIdentifier")
                    .asText().equals(DemoStates.RESTRICTED);
            JsonNode integrity = get(restricted ? named : overseers.get(authorityOfChild.get(child)),
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

    /**
     * The demo holds every state a page can show, each on a child recorded for it ({@link DemoStates}): a plan
     * ended at a review and a period of care ended, both among their chair's closed allocations; moves of
     * placement inside a period and the IRO's visits and contact; an IRO changed; a short-break period reviewed on
     * reg 48's schedule; an unborn child on a plan from a pre-birth conference; a child transferred to another
     * authority; a restricted record; escalations at the second and third levels and one resolved. Every page of
     * those children reads as plain words. If any state leaves the demo, this fails and says which.
     */
    @Test
    void theDemoShowsEveryStateAPageCanShow() {
        List<String> chairs = List.of("chair.brown", "chair.chen", "iro.ahmed", "iro.okafor", "iro.nowak",
                "chair.quinn");
        Set<String> wanted = Set.of(DemoStates.ENDED_PLAN, DemoStates.ENDED_PERIOD, DemoStates.PLACEMENT_CHANGES,
                DemoStates.SHORT_BREAKS, DemoStates.UNBORN_ON_PLAN, DemoStates.TRANSFERRED_TO, DemoStates.RESTRICTED);
        Map<String, JsonNode> entryOf = new HashMap<>();
        Map<String, String> chairOf = new HashMap<>();
        Awaitility.await("every state's child on a chair's caseload").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    for (String chair : chairs) {
                        for (JsonNode entry : get(chair, "/api/caseload")) {
                            String child = entry.get("childId").asText();
                            String identifier = get(chair, "/api/children/" + child).get("localIdentifier").asText();
                            if (wanted.contains(identifier)) {
                                entryOf.put(identifier, entry);
                                chairOf.put(identifier, chair);
                            }
                        }
                    }
                    return entryOf.keySet().containsAll(wanted) && entryOf.get(DemoStates.ENDED_PLAN)
                            .hasNonNull("closedOn") && entryOf.get(DemoStates.ENDED_PERIOD).hasNonNull("closedOn");
                });
        ApiClient qa = ApiClient.as(app.baseUrl(), "qa.evans").because("Checking the demo's states");
        java.util.function.Function<String, String> id = identifier -> entryOf.get(identifier).get("childId").asText();

        JsonNode endedPlan = get(qa, "/api/children/" + id.apply(DemoStates.ENDED_PLAN) + "/protection");
        assertThat(endedPlan.get("plans").get(0).get("endReason").asText()).isEqualTo("NO_LONGER_AT_RISK");
        assertThat(endedPlan.findValuesAsText("decision")).as("the plan ended at a review").contains("END");

        JsonNode endedPeriod = get(qa, "/api/children/" + id.apply(DemoStates.ENDED_PERIOD) + "/looked-after");
        assertThat(endedPeriod.get("periods").get(0).get("endReason").asText()).isEqualTo("E4A");

        JsonNode moved = get(qa, "/api/children/" + id.apply(DemoStates.PLACEMENT_CHANGES) + "/looked-after");
        JsonNode openPeriod = moved.get("periods").get(0);
        assertThat(openPeriod.get("endedOn").isNull()).as("the period with moves is open").isTrue();
        assertThat(openPeriod.get("changes").findValuesAsText("kind")).containsExactly("PLACEMENT", "PLACEMENT");
        assertThat(moved.get("visits").findValuesAsText("faceToFace")).as("an IRO visit and a contact")
                .contains("true", "false");
        assertThat(get(qa, "/api/children/" + id.apply(DemoStates.PLACEMENT_CHANGES)).get("allocations").get(0)
                .get("chairChanges").asInt()).as("the IRO changed").isEqualTo(1);

        // reg 48(3)(d): the first review within three months of the first short break, the next six months on
        JsonNode breaks = get(qa, "/api/children/" + id.apply(DemoStates.SHORT_BREAKS) + "/looked-after");
        assertThat(breaks.get("periods").get(0).get("legalStatus").asText()).isEqualTo("V3");
        java.time.LocalDate firstBreak = java.time.LocalDate.parse(breaks.get("periods").get(0).get("startedOn")
                .asText());
        java.time.LocalDate reviewed = java.time.LocalDate.parse(breaks.get("reviews").get(0).get("heldOn").asText());
        List<String> reviewDues = new ArrayList<>();
        get(qa, "/api/children/" + id.apply(DemoStates.SHORT_BREAKS) + "/timeline").get("clocks").forEach(c -> {
            if (c.get("clock").get("kind").asText().equals("lac-review")) {
                reviewDues.add(c.get("clock").get("due").get("date").asText());
            }
        });
        assertThat(reviewDues).containsExactly(firstBreak.plusMonths(3).toString(), reviewed.plusMonths(6).toString());

        JsonNode unborn = get(qa, "/api/children/" + id.apply(DemoStates.UNBORN_ON_PLAN));
        assertThat(unborn.get("dateOfBirth").isNull()).isTrue();
        JsonNode unbornPlan = get(qa, "/api/children/" + id.apply(DemoStates.UNBORN_ON_PLAN) + "/protection");
        assertThat(unbornPlan.get("conferences").get(0).get("type").asText()).isEqualTo("PRE_BIRTH");
        assertThat(unbornPlan.get("plans").get(0).get("endDate").isNull()).isTrue();

        String transferred = id.apply(DemoStates.TRANSFERRED_TO);
        assertThat(get(qa, "/api/children/" + transferred).get("localAuthority").asText()).isEqualTo("DEMO-S");
        assertThat(get(qa, "/api/children/" + transferred + "/history").findValuesAsText("type"))
                .contains("ChildTransferred", "TransferInNotificationReceived");
        assertThat(get(qa, "/api/children/" + transferred + "/protection").get("plans").get(0).get("endReason")
                .asText()).isEqualTo("TRANSFERRED_TO_ANOTHER_AUTHORITY");
        // the receiving chair holds the child open, with the transfer-in conference on their own caseload
        JsonNode received = entryOf.get(DemoStates.TRANSFERRED_TO);
        assertThat(received.hasNonNull("closedOn")).as("the transferred child closed for the receiving chair")
                .isFalse();
        assertThat(received.get("role").asText()).isEqualTo("CP_CHAIR");
        assertThat(received.get("next").get("kind").asText()).isEqualTo("transfer-in-conference");

        String restricted = id.apply(DemoStates.RESTRICTED);
        assertThat(ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking the demo's states")
                .get("/api/children/" + restricted).statusCode()).as("the restricted record, to someone not named")
                .isEqualTo(404);

        Map<String, String> levelOf = new HashMap<>();
        Map<String, String> statusOf = new HashMap<>();
        for (JsonNode escalation : get(qa, "/api/escalations")) {
            JsonNode progress = escalation.get("escalation").get("progress");
            String child = escalation.get("escalation").get("children").get(0).get("childId").asText();
            levelOf.put(child, progress.get("level").asText());
            statusOf.put(child, progress.get("status").asText());
        }
        assertThat(levelOf.get(id.apply(DemoStates.PLACEMENT_CHANGES))).isEqualTo("HEAD_OF_SERVICE");
        assertThat(statusOf.get(id.apply(DemoStates.PLACEMENT_CHANGES))).isEqualTo("OPEN");
        assertThat(levelOf.get(id.apply(DemoStates.SHORT_BREAKS))).isEqualTo("SERVICE_MANAGER");
        assertThat(levelOf.get(id.apply(DemoStates.ENDED_PERIOD))).isEqualTo("SERVICE_MANAGER");
        assertThat(statusOf.get(id.apply(DemoStates.ENDED_PERIOD))).isEqualTo("RESOLVED");

        // every page of these children, and the closed allocations of their chairs, reads as plain words
        org.oversight.deploy.access.SignedInPerson reader = org.oversight.deploy.access.SignedInPerson.signIn(
                app.baseUrl(), "qa.evans", ApiClient.DEMO_PASSWORD);
        List<String> problems = new ArrayList<>();
        for (String identifier : wanted) {
            for (String page : List.of("", "/timeline", "/history")) {
                plainWords(reader, "/children/" + id.apply(identifier) + page, problems);
            }
        }
        for (String identifier : List.of(DemoStates.ENDED_PLAN, DemoStates.ENDED_PERIOD)) {
            org.oversight.deploy.access.SignedInPerson chair = org.oversight.deploy.access.SignedInPerson.signIn(
                    app.baseUrl(), chairOf.get(identifier), ApiClient.DEMO_PASSWORD);
            String closed = plainWords(chair, "/caseload/closed", problems);
            assertThat(closed).as("%s among %s's closed allocations", identifier, chairOf.get(identifier))
                    .contains("data-child=\"" + id.apply(identifier) + "\"");
        }
        assertThat(problems).isEmpty();
    }

    private static String plainWords(org.oversight.deploy.access.SignedInPerson reader, String path,
            List<String> problems) {
        HttpResponse<String> page = reader.get(path, "Checking the demo's states");
        if (page.statusCode() != 200) {
            problems.add(reader.username + " " + path + " answered " + page.statusCode());
        } else if (java.util.regex.Pattern.compile("\\b(null|undefined)\\b", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(NoNullOnAnyDemoPageIT.visibleText(page.body())).find()) {
            problems.add(reader.username + " " + path + " shows a missing fact as a word");
        }
        return page.body();
    }
}
