package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.generator.HistoryGenerator;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.deploy.generator.InProcessCommandSide;
import org.oversight.deploy.generator.Loader;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.generator.Staff;
import org.oversight.deploy.history.EventStoreAccess;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.clocks.DriftSignal;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.history.AsAtReconstruction;
import org.oversight.query.history.ChildVoiceFold;
import org.oversight.query.history.EventStoreHistory;
import org.oversight.query.history.HealthAndEducationFold;
import org.oversight.query.history.RecordFold;
import org.oversight.query.history.RecordedEvent;
import org.oversight.query.lookedafter.ChildVoiceQueries;
import org.oversight.query.lookedafter.ChildVoiceRecord;
import org.oversight.query.lookedafter.HealthAndEducationQueries;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.policy.PolicyQueries;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.socialwork.SocialWorkQueries;
import org.oversight.query.socialwork.SocialWorkRecord;

/**
 * The auditor's as-at reconstruction and the projections the chair reads agree on every child: a seeded
 * generated service is recorded through the real aggregates into a real event store, the service's projections
 * build from it, and for every generated child the protection and looked-after records the projections give
 * are held, component by component ({@link RecordDifferences}), against the records the as-at view folds from
 * the same child's events. The generated histories are topped up with the decisions the generator does not make
 * ({@link Disturbances}), so that every event the folds read is exercised. It is done on a day some months back,
 * with only what had been recorded by then, read by a service whose clock stands on that day, and again today,
 * with everything; and at the end the records the projections gave on that day are compared again with the fold
 * of only the events the store then held, read back from the full store, as the auditor reads the record as it
 * stood. (The store's position stands for the moment here: the generator records each child's history in order
 * but stamps some decisions a few days after later ones, which a running service never does.)
 *
 * <p>What is compared: every component of {@link ProtectionRecord} (enquiries, conferences, plans with their
 * derived latest category, last review and review count, corrections) and of {@link LookedAfterRecord} (the day
 * it is read as at, periods with their changes and current legal status and placement, reviews with whether the
 * child was consulted beforehand, actions with their status as at today and number of changes, consultations,
 * visits, midway checks, early review requests, permanence plans, corrections, changes of IRO in the current
 * period), plus what is read from the top of each list (open plan, current period, latest review, open and
 * overdue actions); and the statutory clocks and drift signals the child's page derives from the projections
 * against those the as-at view derives from its fold (every component: kind, name, standard, start, due date,
 * whether beyond the known bank holidays, when met, closed).
 *
 * <p>A fixed set of seeds runs every time, all in one store read by one service, generated up to today.
 * {@code -Doversight.agreement.seeds=3,99} runs those seeds instead and {@code -Doversight.agreement.today=} a
 * day generates up to that day (together they replay a failure, whose message gives both);
 * {@code -Doversight.agreement.more=N} adds N seeds drawn at random, each printed.
 */
class AsAtAgreesWithProjectionsIT {

    private static final long[] FIXED_SEEDS = {7, 2026, 48_1959};
    /** A shape with enough closed histories and years for repeat plans, several periods and many reviews. */
    private static final Size SHAPE = new Size("agreement", 2, 20, 12, 0.8, 4, 8);
    /** Every event either fold reads, which the run's histories must hold at least once. */
    private static final List<String> FOLDED = List.of("Section47EnquiryStarted", "InitialConferenceNotRequired",
            "InitialConferenceHeld", "ChildProtectionPlanStarted", "ReviewConferenceHeld", "ChildProtectionPlanEnded",
            "ConferenceDateCorrected", "InitialCategoryCorrected", "PeriodOfCareStarted", "LegalStatusChanged",
            "PlacementChanged", "PeriodOfCareEnded", "ChildConsultedBeforeReview", "IroVisitRecorded",
            "MidwayCheckRecorded", "EarlyReviewRequested", "LookedAfterReviewHeld", "CarePlanActionAgreed",
            "CarePlanActionChanged", "CarePlanActionCompleted", "CarePlanActionCancelled", "PermanencePlanRecorded",
            "ReviewRecordDistributed", "ReviewDecisionsSent", "ReviewDateCorrected", "ParticipationCorrected",
            "ChairAllocated", "SocialWorkerAllocated", "SocialWorkerUnallocated", "SocialWorkerVisited",
            "PlacementIntentionRecorded", "HealthCheckRecorded", "EducationPlanRecorded", "AdvocacyRecorded",
            "ParentsWishesSought", "ChildChairedReview", "MeetingChaired");
    private static final String ESCALATION_RESPONSE = "escalation-response";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void everyGeneratedChildsRecordsAgree() throws Exception {
        long[] seeds = seeds();
        // a history depends on the day it is generated up to as well as on its seed
        LocalDate today = LocalDate.parse(System.getProperty("oversight.agreement.today",
                LocalDate.now(MovableClock.ENGLAND).toString()));
        String replay = "replay one with -Doversight.agreement.seeds=<seed> -Doversight.agreement.today=" + today;
        System.out.println("As-at agreement: seeds " + Arrays.toString(seeds) + " (" + replay + ")");
        LocalDate then = today.minusMonths(9);
        List<Generated> generated = new ArrayList<>();
        for (long seed : seeds) {
            generated.add(Generated.of(seed, today, then));
        }
        String jdbcUrl = TestPostgres.freshDatabase();
        SettableClock clock = new SettableClock(then);
        try (EventStoreAccess store = new EventStoreAccess(jdbcUrl, "postgres", "", OversightTestApp.TEST_CHAIN_KEY,
                OversightTestApp.TEST_DATA_KEY,
                3)) {
            Loader loader = new Loader(store, 1, 5_000, line -> { });
            for (Generated seed : generated) {
                loader.loadStaff(seed.staff());
                seed.children().forEach(child -> append(store, child.recordedByThen()));
            }
            try (OversightTestApp app = OversightTestApp.start(clock, jdbcUrl)) {
                Reader reader = new Reader(app);
                List<String> differences = new ArrayList<>();
                long headThen = app.everyProcessorAtTheHead(PATIENCE);
                Map<String, Records> projectedThen = new LinkedHashMap<>();
                for (Generated seed : generated) {
                    for (Child child : seed.children()) {
                        Records projected = reader.projected(child.childId(), then);
                        projectedThen.put(child.childId(), projected);
                        differences.addAll(compare(seed.name(child) + ", then", projected,
                                reader.folded(reader.events(child.childId()), then)));
                    }
                }

                for (Generated seed : generated) {
                    seed.children().forEach(child -> append(store, child.recordedLater()));
                }
                clock.set(today);
                app.everyProcessorAtTheHead(PATIENCE);
                Map<String, Integer> seen = new TreeMap<>();
                for (Generated seed : generated) {
                    for (Child child : seed.children()) {
                        List<RecordedEvent> events = reader.events(child.childId());
                        events.forEach(event -> seen.merge(event.type(), 1, Integer::sum));
                        Records projected = reader.projected(child.childId(), today);
                        projected.clocks().forEach(c -> seen.merge("clock: " + c.kind(), 1, Integer::sum));
                        differences.addAll(compare(seed.name(child) + ", today", projected,
                                reader.folded(events, today)));
                        List<RecordedEvent> knownThen = events.stream().filter(e -> e.globalIndex() <= headThen)
                                .toList();
                        differences.addAll(compare(seed.name(child) + ", as the record stood then",
                                projectedThen.get(child.childId()), reader.folded(knownThen, then)));
                    }
                }
                System.out.println("As-at agreement: compared " + projectedThen.size() + " children over " + seen);
                assertThat(seen).as("events in the histories compared").containsKeys(FOLDED.toArray(String[]::new));
                assertThat(seen.keySet()).as("clocks compared").anyMatch(kind -> kind.startsWith("clock: "));
                assertThat(differences)
                        .as("the as-at fold and the projections disagree (seeds %s; %s)", Arrays.toString(seeds),
                                replay)
                        .isEmpty();
            }
        }
    }

    private static long[] seeds() {
        String chosen = System.getProperty("oversight.agreement.seeds", "").strip();
        if (!chosen.isEmpty()) {
            return Arrays.stream(chosen.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        }
        int more = Integer.getInteger("oversight.agreement.more", 0);
        Random random = new Random();
        return LongStream.concat(LongStream.of(FIXED_SEEDS), LongStream.generate(random::nextLong).limit(more))
                .toArray();
    }

    /** One seed's service: its staff and, for every child, the events recorded by then and those recorded later. */
    private record Generated(long seed, Staff staff, List<Child> children) {

        static Generated of(long seed, LocalDate today, LocalDate then) {
            Staff staff = Staff.generate(SHAPE, seed);
            HistoryGenerator generator = new HistoryGenerator(SHAPE, seed, today, staff);
            List<Child> children = new ArrayList<>();
            try (InProcessCommandSide scratch = new InProcessCommandSide(staff)) {
                for (int index = 0; index < generator.children(); index++) {
                    ChildHistory history = Disturbances.of(generator.child(index), new Random(seed * 31 + index),
                            today, scratch);
                    List<DomainEventMessage<?>> early = scratch.record(recordedBy(history, then));
                    List<DomainEventMessage<?>> all = scratch.record(history);
                    children.add(new Child(index, history.childId(), early,
                            List.copyOf(all.subList(early.size(), all.size()))));
                }
            }
            return new Generated(seed, staff, children);
        }

        /** The child by their position in the generated service, never by anything recorded about them. */
        String name(Child child) {
            return "seed " + seed + ", child #" + child.index();
        }
    }

    private record Child(int index, String childId, List<DomainEventMessage<?>> recordedByThen,
            List<DomainEventMessage<?>> recordedLater) {
    }

    /**
     * Appends a child's events through the service's own sealing storage engine, as the generator's loader does;
     * the children's local identifiers are not claimed, so seeds that reuse them can share the store.
     */
    private static void append(EventStoreAccess store, List<DomainEventMessage<?>> events) {
        if (!events.isEmpty()) {
            store.inTransaction(() -> {
                store.engine().appendEvents(events);
                return null;
            });
        }
    }

    /** The longest start of the history recorded by the end of {@code day}, in the order it was recorded. */
    private static ChildHistory recordedBy(ChildHistory history, LocalDate day) {
        List<Step> steps = new ArrayList<>();
        for (Step step : history.steps()) {
            if (step.recordedOn().isAfter(day)) {
                break;
            }
            steps.add(step);
        }
        return new ChildHistory(history.index(), history.childId(), List.copyOf(steps));
    }

    private static List<String> compare(String child, Records projected, Records folded) {
        List<String> found = new ArrayList<>();
        found.addAll(RecordDifferences.between("protection", projected.protection(), folded.protection()));
        found.addAll(RecordDifferences.between("protection", RecordDifferences.derived(projected.protection()),
                RecordDifferences.derived(folded.protection())));
        found.addAll(RecordDifferences.between("lookedAfter", projected.care(), folded.care()));
        found.addAll(RecordDifferences.between("lookedAfter", RecordDifferences.derived(projected.care()),
                RecordDifferences.derived(folded.care())));
        found.addAll(RecordDifferences.between("socialWork", projected.work(), folded.work()));
        found.addAll(RecordDifferences.between("healthAndEducation", projected.health(), folded.health()));
        found.addAll(RecordDifferences.between("voice", projected.voice(), folded.voice()));
        found.addAll(RecordDifferences.between("clocks", projected.clocks(), folded.clocks()));
        found.addAll(RecordDifferences.between("signals", projected.signals(), folded.signals()));
        return found.stream().map(difference -> child + ": " + difference).toList();
    }

    /**
     * What each side gives for a child on a day: the two records, and the statutory clocks and drift signals
     * derived from them (the child's own, not escalations' response deadlines, which the as-at view does not
     * derive), each list in one order of all its components, so that two alike but for one component cannot
     * be paired wrongly.
     */
    private record Records(ProtectionRecord protection, LookedAfterRecord care, SocialWorkRecord work,
            HealthAndEducationRecord health, List<StatutoryClock> clocks, List<DriftSignal> signals,
            ChildVoiceRecord voice) {

        private static final Comparator<StatutoryClock> ORDER = Comparator.comparing(StatutoryClock::kind)
                .thenComparing(StatutoryClock::name).thenComparing(StatutoryClock::startedOn,
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(c -> c.due().date())
                .thenComparing(StatutoryClock::metOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(StatutoryClock::closed).thenComparing(StatutoryClock::standard);

        Records {
            clocks = clocks.stream().filter(c -> !ESCALATION_RESPONSE.equals(c.kind())).sorted(ORDER).toList();
            signals = signals.stream().sorted(Comparator.comparing(DriftSignal::code)
                    .thenComparing(DriftSignal::description)).toList();
        }
    }

    /** Both sides, read from the running service: the projections' queries and the as-at fold. */
    private static final class Reader {

        private final EventStoreHistory history;
        private final ProtectionQueries protection;
        private final LookedAfterQueries lookedAfter;
        private final SocialWorkQueries socialWork;
        private final HealthAndEducationQueries healthAndEducation;
        private final ChildVoiceQueries voice;
        private final ChildClocks clocks;
        private final StatutoryCalendar calendar;
        private final PolicyQueries policies;
        private final Function<String, String> names;

        Reader(OversightTestApp app) {
            history = app.bean(EventStoreHistory.class);
            protection = app.bean(ProtectionQueries.class);
            lookedAfter = app.bean(LookedAfterQueries.class);
            socialWork = app.bean(SocialWorkQueries.class);
            healthAndEducation = app.bean(HealthAndEducationQueries.class);
            voice = app.bean(ChildVoiceQueries.class);
            clocks = app.bean(ChildClocks.class);
            calendar = app.bean(StatutoryCalendar.class);
            policies = app.bean(PolicyQueries.class);
            StaffDirectory directory = app.bean(StaffDirectory.class);
            names = username -> username == null ? null : directory.displayName(username).orElse(username);
        }

        List<RecordedEvent> events(String childId) {
            return history.eventsOf(childId);
        }

        Records projected(String childId, LocalDate asAt) {
            Optional<ChildClocks.Derived> derived = clocks.derive(childId, asAt);
            return new Records(protection.record(childId), lookedAfter.record(childId), socialWork.record(childId),
                    healthAndEducation.record(childId), derived.map(ChildClocks.Derived::clocks).orElse(List.of()),
                    derived.map(ChildClocks.Derived::signals).orElse(List.of()), voice.record(childId));
        }

        Records folded(List<RecordedEvent> events, LocalDate asAt) {
            // a child registered after the earlier day has no events then, and no clocks on either side
            PolicyHistory policy = events.stream().map(RecordedEvent::payload)
                    .filter(ChildRegistered.class::isInstance).map(p -> ((ChildRegistered) p).localAuthority())
                    .findFirst().map(policies::history).orElse(PolicyHistory.defaults(null));
            AsAtReconstruction.Clocks derived = AsAtReconstruction.clocks(events, asAt, calendar.current(), policy,
                    names);
            return new Records(RecordFold.protection(events), RecordFold.lookedAfter(events, asAt, names),
                    SocialWorkRecord.fold(events.stream().map(RecordedEvent::payload).toList()),
                    HealthAndEducationFold.of(events, names), derived.clocks(), derived.signals(),
                    ChildVoiceFold.fold(events, names));
        }
    }

    /** The service's one clock, standing at noon on a chosen day in England until it is set to a later one. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(12, 0).atZone(MovableClock.ENGLAND).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return MovableClock.ENGLAND;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
