package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.escalation.DefaultEscalationProtocol;
import org.oversight.events.lookedafter.LegalStatus;

/**
 * Whatever a chair records that the service accepts reaches every projection, and none of it is set aside: for
 * arbitrary children (names in many scripts, with combining marks and right-to-left text, within the registration
 * rules) with arbitrary allocations, strategy discussions and decisions that no conference is needed (reasons up
 * to the full 2000 characters the rule allows, emoji and direction marks included), periods of care and
 * escalations, sent through the JSON API of a running service. A command the service refuses must be refused
 * with a 4xx and the rule it broke, never a 5xx.
 *
 * <p>Each try is drawn from a seeded random source, so a failing try names the seed that repeats it. The build
 * makes {@value #DEFAULT_TRIES} tries; for more, or to repeat one: {@code ./mvnw -B -pl deploy -am verify
 * -Dtest='NoSuch*' -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EveryAcceptedCommandIsProjectedIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Doversight.property.tries=500 [-Doversight.property.seed=N]}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EveryAcceptedCommandIsProjectedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int DEFAULT_TRIES = 15;
    /** The longest free text a command accepts (the published free-text rule). */
    private static final int FREE_TEXT = 2000;
    /** The longest name a registration accepts. */
    private static final int NAME = 100;
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private static OversightTestApp app;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @TestFactory
    @org.junit.jupiter.api.Order(1)
    Stream<DynamicTest> everyCommandTheServiceAcceptsReachesEveryProjectionAndNoneIsSetAside() {
        long first = Long.getLong("oversight.property.seed", 20261202L);
        int tries = Integer.getInteger("oversight.property.tries", DEFAULT_TRIES);
        return IntStream.range(0, tries).mapToObj(i -> first + i).map(seed -> DynamicTest.dynamicTest(
                "seed " + seed, () -> tryOnce(child(new Random(seed)))));
    }

    /** A property that accepted nothing would pass without showing anything: the names drawn are valid ones. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(2)
    void theTriesRegisteredTheirChildren() {
        List<String> registrations = OUTCOMES.values().stream().filter(o -> o.startsWith("registration")).toList();
        assertThat(registrations).as("registrations sent").isNotEmpty()
                .allMatch("registration accepted"::equals);
    }

    /**
     * Positions taken from the store's sequence and never used, as an append that rolled back leaves them, are passed
     * over by the running service's processors once an event is read above them, and the operators' metrics count
     * the looks and the positions.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(3)
    void positionsNoEventWillTakeArePassedOverAndCounted() throws SQLException {
        ApiClient administrator = ApiClient.as(app.baseUrl(), "admin.ford");
        double before = scraped(administrator, "oversight_event_store_positions_passed_over_total");
        double looksBefore = scraped(administrator, "oversight_event_store_gap_looks_total");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT nextval('domainevententry_globalindex_seq') FROM generate_series(1, ?)")) {
            statement.setInt(1, UNUSED);
            statement.executeQuery().close();
        }
        assertThat(accepted("registration", ApiClient.as(app.baseUrl(), CHAIR).post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"PROP%d","givenName":"Ada","familyName":"Okafor",
                 "dateOfBirth":"2019-04-01"}""".formatted(CHILDREN.incrementAndGet())))).isPresent();
        app.everyProcessorAtTheHead(PATIENCE);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(scraped(administrator, "oversight_event_store_positions_passed_over_total") - before)
                    .as("every unused position, passed over by at least one reader")
                    .isGreaterThanOrEqualTo(UNUSED);
            assertThat(scraped(administrator, "oversight_event_store_gap_looks_total")).isGreaterThan(looksBefore);
        });
    }

    /** Positions left unused above: more than a reader's position holds before its gaps are looked at. */
    private static final int UNUSED = 600;

    private static double scraped(ApiClient administrator, String metric) {
        HttpResponse<String> metrics = administrator.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body().lines().filter(line -> line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).sum();
    }

    /** Every command sent by the tries so far, by its order, and whether it was accepted or the rule refusing it. */
    private static final Map<Integer, String> OUTCOMES = java.util.Collections.synchronizedMap(new TreeMap<>());

    private static void tryOnce(Child child) throws Exception {
        Recorded recorded = record(child);

        app.everyProcessorAtTheHead(PATIENCE);
        // this child's sequences only: an earlier try's failure must not fail the samples tried while shrinking
        assertThat(setAside(recorded.sequences())).as("events set aside").isZero();
        for (Map.Entry<String, Long> stream : recorded.lastSequences.entrySet()) {
            assertThat(position(stream.getKey())).as("applied in " + stream.getKey())
                    .isGreaterThanOrEqualTo(stream.getValue());
        }
        if (recorded.childId != null) {
            assertThat(read("SELECT given_name || '|' || family_name FROM caseload_child WHERE child_id = ?",
                    recorded.childId)).isEqualTo(asKept(child.givenName) + "|" + asKept(child.familyName));
        }
        for (Map.Entry<String, String> reason : recorded.notRequiredReasons.entrySet()) {
            assertThat(read("SELECT not_required_reason FROM protection_enquiry WHERE enquiry_id = ?",
                    reason.getKey())).isNotNull().satisfies(stored ->
                    assertThat(stored.strip()).isEqualTo(asKept(reason.getValue())));
        }
        for (Map.Entry<String, String> asked : recorded.asked.entrySet()) {
            assertThat(read("SELECT asked FROM escalation WHERE escalation_id = ?", asked.getKey()))
                    .isNotNull().satisfies(stored -> assertThat(stored.strip()).isEqualTo(asKept(asked.getValue())));
        }
    }

    // What is recorded

    /** A child's history as a chair would record it; each part may be missing. */
    record Child(String givenName, String familyName, LocalDate dateOfBirth, int allocatedDaysAgo,
            Optional<Allocation> allocation, Optional<Enquiry> enquiry, Optional<Care> care,
            Optional<Concern> concern) {
    }

    /** The demo chair who records every try (an IRO and a child protection chair of Northmoor). */
    private static final String CHAIR = "chair.brown";

    record Allocation(String role, String chairId, int daysAgo) {
    }

    record Enquiry(int daysAgo, Optional<String> noConferenceReason) {
    }

    record Care(int daysAgo, LegalStatus legalStatus, String placement) {
    }

    record Concern(String category, boolean formal, int daysAgo, String asked) {
    }

    /** The last sequence accepted in each stream, and the texts to find again in the projections. */
    private static final class Recorded {
        private String childId;
        private final Map<String, Long> lastSequences = new HashMap<>();
        private final Map<String, String> notRequiredReasons = new HashMap<>();
        private final Map<String, String> asked = new HashMap<>();

        void accepted(String stream, long sequence) {
            lastSequences.merge(stream, sequence, Math::max);
        }

        /** The dead-letter sequences this child's events would be in: the child's, and its escalations'. */
        List<String> sequences() {
            List<String> sequences = new ArrayList<>(asked.keySet());
            if (childId != null) {
                sequences.add(childId);
            }
            return sequences;
        }
    }

    private static Recorded record(Child child) {
        Recorded recorded = new Recorded();
        LocalDate today = LocalDate.now(LONDON);
        ApiClient chair = ApiClient.as(app.baseUrl(), CHAIR);
        Optional<JsonNode> registered = accepted("registration", chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"PROP%d","givenName":%s,"familyName":%s,
                 "dateOfBirth":"%s"}""".formatted(CHILDREN.incrementAndGet(), quoted(child.givenName),
                quoted(child.familyName), child.dateOfBirth)));
        if (registered.isEmpty()) {
            return recorded;
        }
        String childId = registered.get().get("childId").asText();
        recorded.childId = childId;
        recorded.accepted(childId, registered.get().get("sequence").asLong());
        // the chair recording is the child's IRO: only an allocated chair records decisions for a child
        accepted("allocation", chair.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(CHAIR,
                        today.minusDays(child.allocatedDaysAgo))))
                .ifPresent(body -> recorded.accepted(childId, body.get("sequence").asLong()));

        child.allocation.ifPresent(allocation -> accepted("allocation", chair.post(
                "/api/children/" + childId + "/chairs",
                "{\"role\":\"%s\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(allocation.role,
                        allocation.chairId, today.minusDays(allocation.daysAgo))))
                .ifPresent(body -> recorded.accepted(childId, body.get("sequence").asLong())));

        child.enquiry.ifPresent(enquiry -> {
            LocalDate on = today.minusDays(enquiry.daysAgo);
            accepted("strategy discussion", chair.post(
                    "/api/children/" + childId + "/protection/strategy-discussions",
                    "{\"strategyDiscussionOn\":\"" + on + "\"}")).ifPresent(discussed -> {
                        recorded.accepted("protection-" + childId, discussed.get("sequence").asLong());
                        String enquiryId = discussed.get("id").asText();
                        enquiry.noConferenceReason.ifPresent(reason -> accepted("no conference needed", chair.post(
                                "/api/children/" + childId + "/protection/initial-conference-not-required",
                                "{\"enquiryId\":\"%s\",\"decidedOn\":\"%s\",\"reason\":%s}".formatted(enquiryId,
                                        today.minusDays(Math.max(0, enquiry.daysAgo - 1)), quoted(reason))))
                                .ifPresent(decided -> {
                                    recorded.accepted("protection-" + childId, decided.get("sequence").asLong());
                                    recorded.notRequiredReasons.put(enquiryId, reason);
                                }));
                    });
        });

        child.care.ifPresent(care -> accepted("period of care", chair.post(
                "/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"%s\",\"placement\":\"%s\"}".formatted(
                        today.minusDays(care.daysAgo), care.legalStatus.name(), care.placement)))
                .ifPresent(body -> recorded.accepted("care-" + childId, body.get("sequence").asLong())));

        child.concern.ifPresent(concern -> accepted("escalation", chair.post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"%s","asked":%s,"formal":%s,
                 "level":%s,"raisedOn":"%s"}""".formatted(childId, concern.category, quoted(concern.asked),
                concern.formal, concern.formal ? "\"TEAM_MANAGER\"" : "null", today.minusDays(concern.daysAgo))))
                .ifPresent(body -> {
                    String escalationId = body.get("escalationId").asText();
                    recorded.accepted(escalationId, body.get("sequence").asLong());
                    recorded.asked.put(escalationId, concern.asked);
                }));
        return recorded;
    }

    /**
     * The answer's body if the command was accepted; a refusal must be a 4xx naming the rule broken. Each answer
     * is counted, so that the tries show how much of what they sent was accepted.
     */
    private static Optional<JsonNode> accepted(String command, HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            OUTCOMES.put(OUTCOMES.size(), command + " accepted");
            return Optional.of(json(response));
        }
        assertThat(response.statusCode()).as(command + ": " + response.body()).isBetween(400, 499);
        String rule = json(response).path("rule").asText();
        assertThat(rule).as(command + ": " + response.body()).isNotBlank();
        OUTCOMES.put(OUTCOMES.size(), command + " refused: " + rule);
        return Optional.empty();
    }

    // Generators

    private static Child child(Random random) {
        LocalDate today = LocalDate.now(LONDON);
        List<Map.Entry<String, String>> cpChairs = List.of(Map.entry("CP_CHAIR", "chair.chen"),
                Map.entry("CP_CHAIR", CHAIR));
        Optional<Allocation> allocation = maybe(random, 0.6, () -> {
            Map.Entry<String, String> chair = cpChairs.get(random.nextInt(cpChairs.size()));
            return new Allocation(chair.getKey(), chair.getValue(), random.nextInt(26));
        });
        Optional<Enquiry> enquiry = maybe(random, 0.6, () -> new Enquiry(1 + random.nextInt(25),
                maybe(random, 0.6, () -> text(random, FREE_TEXT))));
        LegalStatus[] statuses = LegalStatus.values();
        Optional<Care> care = maybe(random, 0.5, () -> new Care(random.nextInt(26),
                statuses[random.nextInt(statuses.length)],
                "" + (char) ('A' + random.nextInt(26)) + (char) ('0' + random.nextInt(10))));
        List<String> categories = List.copyOf(DefaultEscalationProtocol.CONCERN_CATEGORIES.keySet());
        Optional<Concern> concern = maybe(random, 0.5, () -> new Concern(
                categories.get(random.nextInt(categories.size())), random.nextBoolean(), random.nextInt(26),
                text(random, FREE_TEXT)));
        return new Child(name(random), name(random), today.minusDays(30 + random.nextInt(17 * 365 - 30)),
                random.nextInt(26), allocation, enquiry, care, concern);
    }

    private static <T> Optional<T> maybe(Random random, double chance, java.util.function.Supplier<T> value) {
        return random.nextDouble() < chance ? Optional.of(value.get()) : Optional.empty();
    }

    /** Letters of one script (a name is written in one), as long as {@value #NAME} characters. */
    private static final int[][] LETTERS = {
        {0x61, 0x7A}, {0x41, 0x5A}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0x100, 0x17F}, {0x391, 0x3A9}, {0x410, 0x44F},
        {0x5D0, 0x5EA}, {0x628, 0x64A}, {0x915, 0x939}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}};

    /**
     * A name as people write one in their own script: letters, with combining accents and now and then a space,
     * hyphen or apostrophe between letters; within the registration rule's length.
     */
    private static String name(Random random) {
        int[] script = LETTERS[random.nextInt(LETTERS.length)];
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? NAME / 2 : 12);
        StringBuilder name = new StringBuilder();
        while (name.length() < length) {
            name.appendCodePoint(script[0] + random.nextInt(script[1] - script[0] + 1));
            int roll = random.nextInt(20);
            if (roll == 0 && script[1] < 0x250) {
                name.appendCodePoint(0x300 + random.nextInt(0x70));
            } else if (roll == 1 && name.length() < length - 1) {
                name.append(" -'".charAt(random.nextInt(3)));
            }
        }
        return fit(name.toString(), NAME);
    }

    /** Code point ranges free text is drawn from, each with its weight. */
    private static final int[][] TEXT = {
        {8, 0x61, 0x7A}, {3, 0x20, 0x7E}, {3, 0xA0, 0x24F}, {2, 0x300, 0x36F}, {2, 0x370, 0x4FF}, {2, 0x590, 0x6FF},
        {1, 0x900, 0x97F}, {2, 0x4E00, 0x9FFF}, {1, 0xAC00, 0xD7A3}, {2, 0x1F300, 0x1FAFF}, {1, 0x2010, 0x2027}};

    /**
     * Free text of one to {@code maxLength} UTF-16 units as people type it, in any script: letters, digits,
     * punctuation, combining marks, emoji beyond the basic plane, line breaks, the zero-width joiner and the
     * left-to-right and right-to-left marks. Lengths spread evenly up to the limit: long texts are where a column
     * too narrow shows.
     */
    private static String text(Random random, int maxLength) {
        int weights = java.util.Arrays.stream(TEXT).mapToInt(range -> range[0]).sum();
        int length = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder("a");
        while (text.length() < length) {
            int special = random.nextInt(60);
            if (special == 0) {
                text.append('\n');
            } else if (special == 1) {
                text.appendCodePoint(new int[] {0x200D, 0x200E, 0x200F, 0x3000}[random.nextInt(4)]);
            } else {
                int pick = random.nextInt(weights);
                for (int[] range : TEXT) {
                    pick -= range[0];
                    if (pick < 0) {
                        text.appendCodePoint(range[1] + random.nextInt(range[2] - range[1] + 1));
                        break;
                    }
                }
            }
        }
        return fit(text.toString(), maxLength);
    }

    /** At most {@code maxLength} UTF-16 units, never cutting a character in two. */
    private static String fit(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    // Reading the projections

    private static long position(String aggregateId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT last_sequence FROM projection_position WHERE aggregate_id = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static long setAside(List<String> sequences) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM deadletterentry WHERE sequenceidentifier = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", sequences.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String read(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Text as the service keeps it: composed (Unicode NFC) and without surrounding space. */
    private static String asKept(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
