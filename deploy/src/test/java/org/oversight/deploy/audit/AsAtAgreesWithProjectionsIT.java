package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.oversight.deploy.generator.EventStoreAccess;
import org.oversight.deploy.generator.GenerateHistories;
import org.oversight.deploy.generator.HistoryGenerator;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.history.EventStoreHistory;
import org.oversight.query.history.RecordFold;
import org.oversight.query.history.RecordedEvent;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionProjection;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's as-at reconstruction and the projections the chair reads agree on every child: a seeded
 * generated service is recorded through the real aggregates into a real event store, the service's projections
 * build from it, and for every generated child the protection and looked-after records the projections give
 * today are held, component by component ({@link RecordDifferences}), against the records the as-at view folds
 * from the same child's events up to now.
 *
 * <p>What is compared: every component of {@link ProtectionRecord} (enquiries, conferences, plans with their
 * derived latest category, last review and review count, corrections) and of {@link LookedAfterRecord} (the day
 * it is read as at, periods with their changes and current legal status and placement, reviews with whether the
 * child was consulted beforehand, actions with their status as at today and number of changes, consultations,
 * visits, midway checks, early review requests, permanence plans, corrections, changes of IRO in the current
 * period), plus what is read from the top of each list (open plan, current period, latest review, open and
 * overdue actions).
 *
 * <p>A fixed set of seeds runs every time. {@code -Doversight.agreement.seeds=3,99} runs those seeds instead
 * (to replay a failure); {@code -Doversight.agreement.more=N} adds N seeds drawn at random, each printed.
 */
class AsAtAgreesWithProjectionsIT {

    private static final long[] FIXED_SEEDS = {7, 2026, 48_1959};
    /** A shape with enough closed histories and years for repeat plans, several periods and many reviews. */
    private static final Size SHAPE = new Size("agreement", 2, 20, 12, 0.8, 4, 8);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TestFactory
    Stream<DynamicTest> everyGeneratedChildsRecordsAgree() {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> agreeFor(seed)));
    }

    private static LongStream seeds() {
        String chosen = System.getProperty("oversight.agreement.seeds", "").strip();
        if (!chosen.isEmpty()) {
            return Arrays.stream(chosen.split(",")).map(String::strip).mapToLong(Long::parseLong);
        }
        int more = Integer.getInteger("oversight.agreement.more", 0);
        Random random = new Random();
        return LongStream.concat(LongStream.of(FIXED_SEEDS), LongStream.generate(random::nextLong).limit(more));
    }

    private static void agreeFor(long seed) throws Exception {
        System.out.println("As-at agreement: seed " + seed + " (replay with -Doversight.agreement.seeds=" + seed + ")");
        MovableClock clock = MovableClock.startingNow();
        LocalDate today = clock.today();
        String jdbcUrl = TestPostgres.freshDatabase();
        HistoryGenerator generator;
        try (EventStoreAccess store = new EventStoreAccess(jdbcUrl, "postgres", "", OversightTestApp.TEST_CHAIN_KEY,
                3)) {
            generator = GenerateHistories.generate(store, SHAPE, seed, today, 2, line -> { }).generator();
        }
        try (OversightTestApp app = OversightTestApp.start(clock, jdbcUrl)) {
            awaitProjectionsAtTheHead(app);
            EventStoreHistory history = app.bean(EventStoreHistory.class);
            ProtectionQueries protection = app.bean(ProtectionQueries.class);
            LookedAfterQueries lookedAfter = app.bean(LookedAfterQueries.class);
            StaffDirectory directory = app.bean(StaffDirectory.class);
            Function<String, String> names = username -> username == null ? null
                    : directory.displayName(username).orElse(username);
            List<String> differences = new ArrayList<>();
            for (int index = 0; index < generator.children(); index++) {
                String childId = generator.child(index).childId();
                List<RecordedEvent> events = history.eventsOf(childId);
                ProtectionRecord projectedProtection = protection.record(childId);
                ProtectionRecord foldedProtection = RecordFold.protection(events);
                LookedAfterRecord projectedCare = lookedAfter.record(childId);
                LookedAfterRecord foldedCare = RecordFold.lookedAfter(events, today, names);
                String child = "seed " + seed + ", child #" + index;
                List<String> found = new ArrayList<>();
                found.addAll(RecordDifferences.between("protection", projectedProtection, foldedProtection));
                found.addAll(RecordDifferences.between("protection", RecordDifferences.derived(projectedProtection),
                        RecordDifferences.derived(foldedProtection)));
                found.addAll(RecordDifferences.between("lookedAfter", projectedCare, foldedCare));
                found.addAll(RecordDifferences.between("lookedAfter", RecordDifferences.derived(projectedCare),
                        RecordDifferences.derived(foldedCare)));
                found.forEach(difference -> differences.add(child + ": " + difference));
            }
            assertThat(differences)
                    .as("the as-at fold and the projections disagree (seed %d, %d children, replay with "
                            + "-Doversight.agreement.seeds=%d)", seed, generator.children(), seed)
                    .isEmpty();
        }
    }

    /** Waits until both projections have applied every event in the store, on every one of their segments. */
    private static void awaitProjectionsAtTheHead(OversightTestApp app) {
        TrackingToken head = app.bean(EventStore.class).createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        await("projections at the head of the store").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Stream.of(ProtectionProjection.PROCESSOR, LookedAfterProjection.PROCESSOR)
                        .allMatch(name -> atHead(processing, jdbc, name, target)));
    }

    private static boolean atHead(EventProcessingConfiguration processing, JdbcTemplate jdbc, String name,
            long target) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        Long segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Long.class,
                name);
        return segments != null && status.size() == segments && status.values().stream()
                .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= target);
    }
}
