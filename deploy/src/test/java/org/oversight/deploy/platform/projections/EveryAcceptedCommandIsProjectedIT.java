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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.escalation.DefaultEscalationProtocol;
import org.oversight.events.lookedafter.LegalStatus;

/**
 * Whatever a chair records that the service accepts reaches every projection, and none of it is set aside: for
 * arbitrary children (names in any script, with combining marks, emoji and right-to-left text, within the
 * registration rules) with arbitrary allocations, strategy discussions and decisions that no conference is needed,
 * periods of care and escalations, sent through the JSON API of a running service. A command the service refuses
 * must be refused with a 4xx and the rule it broke, never a 5xx.
 *
 * <p>The texts stay within what the projections' columns hold where a command's rule still allows more (the reason
 * no initial conference is needed: 500 of the 2000 the rule allows), and without control characters: aligning those
 * rules with the columns is a change of its own, which this property then covers by widening the generators.
 *
 * <p>Tries default to {@code jqwik.tries.default} in {@code junit-platform.properties} (small, for the build). For
 * more: {@code ./mvnw -B -pl deploy -am verify -Dtest='NoSuch*' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EveryAcceptedCommandIsProjectedIT -Dfailsafe.failIfNoSpecifiedTests=false -Djqwik.tries.default=500}.
 */
class EveryAcceptedCommandIsProjectedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** What the reason's projection column holds; the command's rule allows more until the two are aligned. */
    private static final int NOT_REQUIRED_REASON_COLUMN = 500;
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private static OversightTestApp app;
    private static String jdbcUrl;

    @BeforeContainer
    static void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property
    void everyCommandTheServiceAcceptsReachesEveryProjectionAndNoneIsSetAside(@ForAll("children") Child child)
            throws Exception {
        Recorded recorded = record(child);

        awaitEveryProjectionAtTheHeadOfTheStore();
        // this child's sequences only: an earlier try's failure must not fail the samples tried while shrinking
        assertThat(setAside(recorded.sequences())).as("events set aside").isZero();
        for (Map.Entry<String, Long> stream : recorded.lastSequences.entrySet()) {
            assertThat(position(stream.getKey())).as("applied in " + stream.getKey())
                    .isGreaterThanOrEqualTo(stream.getValue());
        }
        if (recorded.childId != null) {
            assertThat(read("SELECT given_name || '|' || family_name FROM caseload_child WHERE child_id = ?",
                    recorded.childId)).isEqualTo(child.givenName.strip() + "|" + child.familyName.strip());
        }
        for (Map.Entry<String, String> reason : recorded.notRequiredReasons.entrySet()) {
            assertThat(read("SELECT not_required_reason FROM protection_enquiry WHERE enquiry_id = ?",
                    reason.getKey())).isNotNull().satisfies(stored ->
                    assertThat(stored.strip()).isEqualTo(reason.getValue().strip()));
        }
        for (Map.Entry<String, String> asked : recorded.asked.entrySet()) {
            assertThat(read("SELECT asked FROM escalation WHERE escalation_id = ?", asked.getKey()))
                    .isNotNull().satisfies(stored -> assertThat(stored.strip()).isEqualTo(asked.getValue().strip()));
        }
    }

    // What is recorded

    /** A child's history as a chair would record it; each part may be missing. */
    record Child(String givenName, String familyName, LocalDate dateOfBirth, Optional<Allocation> allocation,
            Optional<Enquiry> enquiry, Optional<Care> care, Optional<Concern> concern) {
    }

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
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
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
     * is counted in the property's statistics, so that a run shows how much was accepted.
     */
    private static Optional<JsonNode> accepted(String command, HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            Statistics.label(command).collect("accepted");
            return Optional.of(json(response));
        }
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        String rule = json(response).path("rule").asText();
        assertThat(rule).as(response.body()).isNotBlank();
        Statistics.label(command).collect("refused: " + rule);
        return Optional.empty();
    }

    // Generators

    @Provide
    Arbitrary<Child> children() {
        Arbitrary<Allocation> allocations = Combinators.combine(
                Arbitraries.of(List.of(Map.entry("IRO", "iro.ahmed"), Map.entry("IRO", "chair.brown"),
                        Map.entry("CP_CHAIR", "chair.chen"))),
                Arbitraries.integers().between(0, 25))
                .as((chair, daysAgo) -> new Allocation(chair.getKey(), chair.getValue(), daysAgo));
        Arbitrary<Enquiry> enquiries = Combinators.combine(Arbitraries.integers().between(1, 25),
                        text(NOT_REQUIRED_REASON_COLUMN).optional(0.6))
                .as(Enquiry::new);
        Arbitrary<Care> care = Combinators.combine(Arbitraries.integers().between(0, 25),
                        Arbitraries.of(LegalStatus.class),
                        Combinators.combine(Arbitraries.chars().range('A', 'Z'), Arbitraries.chars().range('0', '9'))
                                .as((letter, digit) -> "" + letter + digit))
                .as(Care::new);
        Arbitrary<Concern> concerns = Combinators.combine(
                        Arbitraries.of(DefaultEscalationProtocol.CONCERN_CATEGORIES.keySet()),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 25), text(400))
                .as(Concern::new);
        LocalDate today = LocalDate.now(LONDON);
        return Combinators.combine(text(100), text(100),
                        Arbitraries.integers().between(30, 17 * 365).map(today::minusDays),
                        allocations.optional(0.6), enquiries.optional(0.6), care.optional(0.5),
                        concerns.optional(0.5))
                .as(Child::new);
    }

    /**
     * Text of one to {@code maxLength} UTF-16 units as people type it, in any script: letters, digits,
     * punctuation, combining marks, joiners and direction marks, emoji beyond the basic plane, spaces of
     * several kinds. No control characters.
     */
    private static Arbitrary<String> text(int maxLength) {
        List<Tuple.Tuple2<Integer, Arbitrary<Integer>>> scripts = List.of(
                Tuple.of(8, codePoints(0x61, 0x7A)),         // a-z
                Tuple.of(3, codePoints(0x20, 0x7E)),         // printable ASCII, space and apostrophe included
                Tuple.of(3, codePoints(0xA0, 0x24F)),        // Latin-1 and Latin Extended, no-break space
                Tuple.of(2, codePoints(0x300, 0x36F)),       // combining diacritical marks
                Tuple.of(2, codePoints(0x370, 0x4FF)),       // Greek and Cyrillic
                Tuple.of(2, codePoints(0x590, 0x6FF)),       // Hebrew and Arabic, right to left
                Tuple.of(1, codePoints(0x900, 0x97F)),       // Devanagari
                Tuple.of(2, codePoints(0x4E00, 0x9FFF)),     // CJK ideographs
                Tuple.of(1, codePoints(0xAC00, 0xD7A3)),     // Hangul
                Tuple.of(2, codePoints(0x1F300, 0x1FAFF)),   // emoji, as surrogate pairs in Java
                Tuple.of(1, codePoints(0x2010, 0x2027)),     // dashes, quotation marks, ellipsis
                Tuple.of(1, Arbitraries.of(0x200D, 0x200E, 0x200F, 0x3000)));  // joiner, direction marks, wide space
        // lengths spread evenly up to the limit: the long texts are where a column too narrow shows
        return Arbitraries.frequencyOf(scripts).list().ofMinSize(1).ofMaxSize(maxLength)
                .withSizeDistribution(RandomDistribution.uniform())
                .map(points -> fit(points.stream().map(Character::toString).collect(Collectors.joining()),
                        maxLength));
    }

    private static Arbitrary<Integer> codePoints(int from, int to) {
        return Arbitraries.integers().between(from, to);
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

    private static void awaitEveryProjectionAtTheHeadOfTheStore() throws InterruptedException, SQLException {
        TrackingToken head = app.bean(EventStore.class).createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> behind = behind(processing, target);
        while (!behind.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            behind = behind(processing, target);
        }
        assertThat(behind).as("projections still behind the store's head at " + target).isEmpty();
    }

    /** The processors not yet past the target on every one of their segments. */
    private static List<String> behind(EventProcessingConfiguration processing, long target) throws SQLException {
        List<String> behind = new ArrayList<>();
        for (Map.Entry<String, org.axonframework.eventhandling.EventProcessor> each
                : processing.eventProcessors().entrySet()) {
            if (each.getValue() instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                // a segment trying a failed batch again is not in the status until it claims it once more
                boolean atHead = status.size() == segments(each.getKey()) && status.values().stream()
                        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= target);
                if (!atHead) {
                    behind.add(each.getKey());
                }
            }
        }
        return behind;
    }

    private static long segments(String processor) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM tokenentry WHERE processorname = ?")) {
            statement.setString(1, processor);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

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
