package org.oversight.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.oversight.command.lookedafter.LookedAfterIds;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.oversight.deploy.embedded.EmbeddedServer;
import org.oversight.deploy.generator.GenerateHistories;
import org.oversight.deploy.generator.HistoryGenerator;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.InProcessCommandSide;
import org.oversight.deploy.generator.Loader;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.generator.Staff;
import org.oversight.deploy.history.EventStoreAccess;
import org.oversight.deploy.identity.LocalPasswords;
import org.oversight.deploy.identity.PasswordRule;
import org.oversight.deploy.platform.AxonConfiguration;
import org.oversight.deploy.platform.personal.PersonalContent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The one benchmark: on a generated data set in an embedded PostgreSQL, measures side by side in one run the
 * command round trip over HTTP against single-row JDBC transactions, appending through Axon against raw batched
 * inserts, rebuilding every projection against a raw read and deserialization of the event table, the read
 * endpoints at size, the launcher's resident memory with a 512 MB heap, and destroying a share of the children's
 * records ({@code --destroy-share}, 1% unless given). Writes {@code results.md} and
 * {@code results.json} and marks each of the targets met or missed.
 *
 * <pre>
 * java -Dloader.main=org.oversight.deploy.benchmark.Benchmark -jar deploy/target/oversight.jar \
 *      --size=national --data-dir=/tmp/oversight-national/postgres --port=54352 [--out=target/benchmark]
 * </pre>
 */
public final class Benchmark {

    /** How long and how often to measure. */
    public record Settings(Size size, long seed, LocalDate today, Path dataDir, int port, Path out,
            Duration commandTime, int readIterations, Duration readWarmUp, int appendChildren, int rawReadLimit,
            String heap, Set<String> parts, double destroyShare, Set<String> reads) {

        public static final Set<String> PARTS = Set.of("append", "rebuild", "alone", "reads", "commands",
                "destroy", "returns");

        /** The reads the reads part measures, by the names the results give them, in the order it asks them. */
        public static final List<String> READS = List.of("caseload_page", "caseload_api", "team_overdue_today",
                "service_overdue_today", "escalation_dashboard", "escalation_dashboard_page",
                "escalation_dashboard_every_authority", "escalation_dashboard_page_every_authority",
                "child_history_500_events", "child_timeline_500_events", "chain_verification_500_events",
                ReportReads.ONE_AUTHORITY, ReportReads.ALL_AUTHORITIES, ReportReads.FACT_BY_FACT);

        /**
         * Whether the part runs: {@code --only=reads,commands} runs only those; without it, everything runs. Without
         * the rebuild the projections are kept as the last run left them (a large data set need not be rebuilt to
         * measure its reads again); the launcher still catches them up with anything newer.
         */
        boolean runs(String part) {
            return parts.contains(part);
        }

        /**
         * Whether the reads part asks this read: {@code --reads=caseload_page,escalation_dashboard} asks only those
         * (a national run of every read takes over half an hour, the caseload page alone a minute or two);
         * without it, every read is asked.
         */
        boolean asks(String read) {
            return reads.contains(read);
        }

        static Settings from(Map<String, String> options) {
            Size size = Size.named(options.getOrDefault("size", "demo"));
            boolean national = size == Size.NATIONAL;
            return new Settings(size, Long.parseLong(options.getOrDefault("seed", "1")),
                    LocalDate.parse(options.getOrDefault("today", "2026-11-23")),
                    Path.of(options.getOrDefault("data-dir", "/tmp/oversight-benchmark-" + size.name() + "/postgres")),
                    Integer.parseInt(options.getOrDefault("port", "54360")),
                    Path.of(options.getOrDefault("out", "target/benchmark")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("command-seconds", national ? "10" : "5"))),
                    Integer.parseInt(options.getOrDefault("read-iterations", national ? "500" : "100")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("read-warm-up-seconds", "30"))),
                    Integer.parseInt(options.getOrDefault("append-children", "600")),
                    Integer.parseInt(options.getOrDefault("raw-read-limit", "2000000")),
                    options.getOrDefault("heap", "512m"), parts(options.get("only")),
                    Double.parseDouble(options.getOrDefault("destroy-share", "0.01")), reads(options.get("reads")));
        }

        private static Set<String> reads(String asked) {
            if (asked == null || asked.isBlank()) {
                return Set.copyOf(READS);
            }
            Set<String> reads = new TreeSet<>();
            for (String read : asked.split(",")) {
                String name = read.strip();
                if (!READS.contains(name)) {
                    throw new IllegalArgumentException("--reads takes " + String.join(", ", READS) + "; got " + name);
                }
                reads.add(name);
            }
            return reads;
        }

        private static Set<String> parts(String only) {
            if (only == null || only.isBlank()) {
                // replaying each projection alone is asked for by name: it restarts the launcher once per projection
                Set<String> all = new TreeSet<>(PARTS);
                all.remove("alone");
                return all;
            }
            Set<String> parts = new TreeSet<>();
            for (String part : only.split(",")) {
                String name = part.strip();
                if (!PARTS.contains(name)) {
                    throw new IllegalArgumentException(
                            "--only takes rebuild, alone, append, reads, commands, destroy or returns, got " + name);
                }
                parts.add(name);
            }
            return parts;
        }
    }

    private static final int LONG_HISTORY_EVENTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_CLIENTS = 32;
    /** The projections the launcher runs (application.yml); each is read by a processor recorded as it starts. */
    private static final int PROJECTIONS = 8;
    private static final String CHAIR_PASSWORD = DemoPeople.DEMO_PASSWORD;
    /**
     * Each read is first asked unmeasured at least 3 times, then until it has been asked this often or for the
     * warm-up time ({@code --read-warm-up-seconds}): a freshly started launcher's caseload page took 18 ms at the
     * median over its first 100 requests and 6 to 7 ms after 1,500, once compiled.
     */
    private static final int MOST_READ_WARM_UPS = 2_000;

    private final Settings settings;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> targets = new ArrayList<>();
    private final List<String> failedParts = new ArrayList<>();

    Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path written = run(Settings.from(options));
        System.out.println("Results written to " + written.toAbsolutePath());
        System.out.println(Files.readString(written));
    }

    /** Runs every measurement and returns the path of {@code results.md}. */
    public static Path run(Settings settings) throws Exception {
        return new Benchmark(settings).measure();
    }

    private Path measure() throws Exception {
        results.put("machine", machine());
        Files.createDirectories(settings.dataDir().toAbsolutePath().getParent());
        try (EmbeddedServer postgres = GenerateHistories.startPostgres(settings.dataDir(), settings.port())) {
            String url = postgres.jdbcUrl();
            String chainKey = EmbeddedDatabase.chainKeyBeside(settings.dataDir());
            String dataKey = EmbeddedDatabase.dataKeyBeside(settings.dataDir());
            try (EventStoreAccess store = new EventStoreAccess(url, EmbeddedServer.USERNAME, postgres.password(), chainKey,
                    dataKey, 40)) {
                JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
                Staff staff = Staff.generate(settings.size(), settings.seed());
                HistoryGenerator generator = new HistoryGenerator(settings.size(), settings.seed(), settings.today(),
                        staff);
                ChildHistory longHistory = LongHistory.of(staff, settings.today(), LONG_HISTORY_EVENTS);
                dataSet(store, jdbc, staff, generator, longHistory);
                if (settings.runs("append")) {
                    append(store, jdbc, staff, generator);
                    write();
                }
                if (settings.runs("rebuild")) {
                    resetProjections(jdbc);
                }
                try (LauncherProcess launcher = LauncherProcess.start(url, postgres.password(), chainKey, dataKey,
                        settings.heap(),
                        settings.out().resolve("launcher.log"))) {
                    rebuild(jdbc, launcher);
                    // from the moment the projections caught up, and alone: the background starts on the due
                    // items then, and a raw read before this would both share the cores and hide its first minutes
                    awaitDueItems(jdbc, launcher);
                    write();
                    if (settings.runs("rebuild")) {
                        rawRead(store.dataSource(), store.personalContent());
                    } else {
                        results.put("rebuild", Map.of("skipped", "projections kept from the previous run"));
                    }
                    write();
                    part("reads", () -> reads(jdbc, launcher, staff, longHistory.childId()));
                    part("commands", () -> commands(store.dataSource(), jdbc, launcher));
                    // before the destruction, so that every child the data set holds is in the census
                    part("returns", () -> results.put("returns", NationalReturns.measure(jdbc, launcher,
                            settings.today(), CHAIR_PASSWORD, settings.heap())));
                    // last: the children it destroys stay destroyed
                    part("destroy", () -> results.put("destroy", Destruction.measure(jdbc, launcher,
                            settings.destroyShare(), CHAIR_PASSWORD)));
                    memory(launcher);
                }
                if (settings.runs("alone")) {
                    // last, with the launcher above stopped: each projection replayed is left on a processor of its
                    // own until the next rebuild
                    replayEachAlone(jdbc, url, postgres.password(), chainKey, dataKey);
                }
            }
        }
        Path written = write();
        if (!failedParts.isEmpty()) {
            throw new IllegalStateException("Parts of the benchmark failed: " + String.join(", ", failedParts)
                    + "; what was measured is in " + written.toAbsolutePath());
        }
        return written;
    }

    interface Part {
        void run() throws Exception;
    }

    /**
     * Runs one of the parts measured on the running launcher, if it was asked for. A part that fails is recorded in
     * the results with the reason, the run goes on with the parts after it (and the memory the launcher ended with),
     * and the run as a whole fails at the end: one part's failure no longer loses every later part's figures.
     */
    void part(String name, Part part) throws IOException {
        if (!settings.runs(name)) {
            return;
        }
        try {
            part.run();
        } catch (Exception e) {
            failedParts.add(name);
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            if (results.get(name) instanceof Map<?, ?> partial) {
                failure.put("measured_before_the_failure", partial);
            }
            results.put(name, failure);
            System.out.println("The benchmark's " + name + " part failed and the run goes on: " + e);
        }
        write();
    }

    // ---- the data set ----

    private void dataSet(EventStoreAccess store, JdbcTemplate jdbc, Staff staff, HistoryGenerator generator,
            ChildHistory longHistory) throws InterruptedException {
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        Map<String, Object> dataSet = new LinkedHashMap<>();
        if (events == null || events == 0) {
            GenerateHistories.generate(store, settings.size(), settings.seed(), settings.today(),
                    Runtime.getRuntime().availableProcessors(), System.out::println);
            dataSet.put("loaded_in_this_run", true);
        } else {
            dataSet.put("loaded_in_this_run", false);
        }
        Map<String, Object> recorded = jdbc.queryForList("SELECT * FROM generated_data_set").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The data directory holds no generated data set"));
        if (!settings.size().name().equals(recorded.get("size"))
                || ((Number) recorded.get("seed")).longValue() != settings.seed()
                || !settings.today().toString().equals(String.valueOf(recorded.get("today")))) {
            throw new IllegalStateException("The data directory holds a different data set: " + recorded);
        }
        Integer longLoaded = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, longHistory.childId());
        if (longLoaded == null || longLoaded == 0) {
            new Loader(store, 1, 5_000, System.out::println).loadHistories(List.of(longHistory), staff);
        }
        long loadMillis = ((Number) recorded.get("load_millis")).longValue();
        long loadedEvents = ((Number) recorded.get("events")).longValue();
        dataSet.put("size", settings.size().name());
        dataSet.put("seed", settings.seed());
        dataSet.put("today", settings.today().toString());
        dataSet.put("children", recorded.get("children"));
        dataSet.put("authorities", settings.size().authorities());
        dataSet.put("chairs", staff.people().size());
        dataSet.put("looked_after_open", settings.size().lookedAfterOpen());
        dataSet.put("protection_open", settings.size().protectionOpen());
        dataSet.put("events_loaded", loadedEvents);
        dataSet.put("load_seconds", Timings.round(loadMillis / 1000.0));
        dataSet.put("load_events_per_second", Timings.round(loadedEvents * 1000.0 / Math.max(1, loadMillis)));
        dataSet.put("events_in_store", jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
        results.put("data_set", dataSet);
        if (settings.size() == Size.NATIONAL) {
            target("National data set loads in under 15 minutes", "< 900 s", loadMillis / 1000.0 + " s",
                    loadMillis < 900_000);
        }
    }

    // ---- appending: Axon versus raw batched inserts ----

    private void append(EventStoreAccess store, JdbcTemplate jdbc, Staff staff, HistoryGenerator generator) {
        // children beyond the data set's own, at a base of their own for each run (a run may reuse a data set)
        int first = generator.children() + 1_000_000 + (int) (System.currentTimeMillis() / 1000 % 100_000) * 2_000;
        List<List<DomainEventMessage<?>>> rounds = new ArrayList<>();
        try (InProcessCommandSide commandSide = new InProcessCommandSide(staff)) {
            int perRound = Math.max(1, settings.appendChildren() / 3);
            for (int round = 0; round < 3; round++) {
                List<DomainEventMessage<?>> events = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    events.addAll(commandSide.record(generator.child(first + round * perRound + i)));
                }
                rounds.add(events);
            }
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_raw_events");
        jdbc.execute("CREATE TABLE bench_raw_events (LIKE domainevententry INCLUDING ALL)");
        // a sequence of its own, as dear as the store's: the copy's default drew on the store's sequence, and every
        // raw insert left a position unused in the store, ten thousand of them at the head of a national run's
        rawPositions(jdbc);
        Serializer serializer = JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).build();
        List<Double> axonRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        long total = 0;
        for (List<DomainEventMessage<?>> events : rounds) {
            total += events.size();
            long started = System.nanoTime();
            for (List<DomainEventMessage<?>> batch : batches(events, 5_000)) {
                store.inTransaction(() -> {
                    store.engine().appendEvents(batch);
                    return null;
                });
            }
            axonRates.add(events.size() * 1e9 / (System.nanoTime() - started));
            started = System.nanoTime();
            for (List<DomainEventMessage<?>> batch : batches(events, 5_000)) {
                store.inTransaction(() -> {
                    rawInsert(jdbc, serializer, batch);
                    return null;
                });
            }
            rawRates.add(events.size() * 1e9 / (System.nanoTime() - started));
        }
        jdbc.execute("DROP TABLE bench_raw_events");
        Map<String, Object> append = new LinkedHashMap<>();
        append.put("events_per_round", total / 3);
        append.put("rounds", 3);
        append.put("axon_sealed_events_per_second_median", Timings.round(median(axonRates)));
        append.put("raw_batched_events_per_second_median", Timings.round(median(rawRates)));
        append.put("axon_to_raw_ratio", Timings.round(median(axonRates) / median(rawRates)));
        append.put("note", "Axon: the service's sealing JDBC storage engine, 5,000 events per transaction, seals "
                + "included. Raw: the same events serialized with the same mapper and inserted with one batched "
                + "statement into a copy of the table (same indexes), 5,000 per transaction.");
        results.put("append", append);
    }

    /** Gives the raw copy of the event table positions from a sequence of its own, dropped with the copy. */
    static void rawPositions(JdbcTemplate jdbc) {
        jdbc.execute("CREATE SEQUENCE bench_raw_events_position OWNED BY bench_raw_events.globalindex");
        jdbc.execute("ALTER TABLE bench_raw_events ALTER COLUMN globalindex "
                + "SET DEFAULT nextval('bench_raw_events_position')");
    }

    private static void rawInsert(JdbcTemplate jdbc, Serializer serializer, List<DomainEventMessage<?>> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (DomainEventMessage<?> event : batch) {
            rows.add(new Object[] {event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                    event.getIdentifier() + "-raw", serializer.serialize(event.getMetaData(), byte[].class).getData(),
                    serializer.serialize(event.getPayload(), byte[].class).getData(), null,
                    event.getPayloadType().getName(), event.getTimestamp().toString()});
        }
        jdbc.batchUpdate("INSERT INTO bench_raw_events (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    // ---- rebuilding projections ----

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    /**
     * Empties every projection table and the tokens, so that the launcher rebuilds from the first event. Whatever
     * no event writes is kept: emptying the data keys would leave every child's personal content unreadable.
     */
    private static void resetProjections(JdbcTemplate jdbc) {
        List<String> keep = List.of("domainevententry", "snapshotevententry", "event_chain", "tokenentry",
                "sagaentry", "associationvalueentry", "flyway_schema_history", "bank_holiday", "local_authority",
                "app_user", "person_authority", "team", "person_team", "spring_session", "spring_session_attributes",
                "processing_node", "generated_data_set",
                // no event writes these: keys, the command side's claims, narratives, sign-ins and the read log
                "data_key", "data_key_child", "child_identifier", "conference_narrative", "sign_in_attempt",
                "history_read", "history_read_seal", "history_read_unsealed", "child_search_log",
                "due_item_calendar", "due_item_index_set_aside", "bench_floor");
        List<String> tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                String.class).stream().filter(t -> !keep.contains(t)).toList();
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        }
        jdbc.update("DELETE FROM tokenentry");
    }

    /**
     * Watches the token table from the moment the launcher starts: the rebuild runs from the first token written
     * to the moment every segment of every processor has passed the store's last event.
     */
    private void rebuild(JdbcTemplate jdbc, LauncherProcess launcher) throws InterruptedException {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        long started = System.nanoTime();
        long firstToken = 0;
        long caughtUp = 0;
        long deadline = started + Duration.ofMinutes(90).toNanos();
        Map<String, Object> perProcessor = new TreeMap<>();
        long lastReport = started;
        while (System.nanoTime() < deadline) {
            if (!launcher.alive()) {
                throw new IllegalStateException("The launcher exited during the rebuild; see its log");
            }
            List<Map<String, Object>> tokens = jdbc.queryForList("SELECT processorname, token FROM tokenentry");
            long now = System.nanoTime();
            if (!tokens.isEmpty() && firstToken == 0) {
                firstToken = now;
            }
            // a national rebuild takes most of an hour: say every half minute how far the slowest reader has come
            if (!tokens.isEmpty() && now - lastReport > 30e9) {
                // a reader that has not yet read an event holds no position (-1): it is at the start
                long slowest = Math.max(0, tokens.stream().mapToLong(t -> position((byte[]) t.get("token"))).min()
                        .orElse(0));
                System.out.printf(Locale.ROOT, "rebuild: the slowest reader at %,d of %,d (%.0f%%) after %.0f s%n",
                        slowest, head, 100.0 * slowest / Math.max(1, head), (now - started) / 1e9);
                lastReport = now;
            }
            long processors = tokens.stream().map(t -> t.get("processorname")).distinct().count();
            // the processors the launcher reads the projections with, recorded before any of them starts: the wait
            // counts them all, so that one whose tokens are made a little later than the others' is waited for too.
            // Both counts in one statement: read apart, they straddled the launcher's recording of them (no reader
            // yet, every projection), and an empty token table passed for caught up. At least one reader, and a
            // token of each, so that the wait never ends before the processors have begun.
            Map<String, Object> recorded = jdbc.queryForMap(
                    "SELECT count(*) AS projections, count(DISTINCT processor) AS readers FROM projection_processor");
            long projections = ((Number) recorded.get("projections")).longValue();
            long readers = ((Number) recorded.get("readers")).longValue();
            Map<String, Boolean> done = new TreeMap<>();
            tokens.forEach(t -> done.merge((String) t.get("processorname"), position((byte[]) t.get("token")) >= head,
                    Boolean::logicalAnd));
            done.forEach((name, caught) -> {
                if (caught) {
                    perProcessor.putIfAbsent(name, Timings.round((now - started) / 1e9));
                }
            });
            if (projections >= PROJECTIONS && readers > 0 && processors >= readers
                    && tokens.stream().allMatch(t -> position((byte[]) t.get("token")) >= head)) {
                caughtUp = now;
                break;
            }
            Thread.sleep(50);
        }
        if (caughtUp == 0) {
            throw new IllegalStateException("The projections did not catch up with the event store");
        }
        Duration startUp = Duration.ofNanos(System.nanoTime() - started).plus(launcher.awaitReady(Duration.ofMinutes(5)));
        double seconds = Math.max(0.05, (caughtUp - firstToken) / 1e9);
        List<String> processors = jdbc.queryForList("SELECT DISTINCT processorname FROM tokenentry ORDER BY 1",
                String.class);
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("launcher_start_to_ready_seconds", Timings.round(startUp.toMillis() / 1000.0));
        rebuild.put("processors", processors);
        Map<String, Object> readBy = new TreeMap<>();
        jdbc.queryForList("SELECT projection, processor FROM projection_processor").forEach(row ->
                readBy.put((String) row.get("projection"), row.get("processor")));
        rebuild.put("processor_reading_each_projection", readBy);
        rebuild.put("seconds_from_launch_to_caught_up_by_processor", perProcessor);
        rebuild.put("events", events);
        rebuild.put("seconds", Timings.round(seconds));
        rebuild.put("events_per_second", Timings.round(events / seconds));
        rebuild.put("peak_rss_mb_during_rebuild", launcher.peakRssKb() / 1024);
        results.put("rebuild", rebuild);
    }

    /**
     * Replays each projection on its own, one after another, as an operator would (deploy/README.md, "Replay one
     * projection on its own"): a launcher started with the projection set apart resets it and reads the store from
     * the first event for it alone, the others being caught up. Timed from its first token to the head.
     */
    private void replayEachAlone(JdbcTemplate jdbc, String url, String password, String chainKey, String dataKey)
            throws Exception {
        List<String> projections = jdbc.queryForList("SELECT projection FROM projection_processor ORDER BY 1",
                String.class);
        String only = System.getProperty("oversight.benchmark.alone", System.getenv("OVERSIGHT_BENCHMARK_ALONE"));
        if (only != null && !only.isBlank()) {
            List<String> named = List.of(only.split(","));
            projections = projections.stream().filter(named::contains).toList();
        }
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        Map<String, Object> alone = new LinkedHashMap<>();
        for (String projection : projections) {
            // replayed again: its record and its own positions go, so that it is reset and read from the first event
            jdbc.update("DELETE FROM projection_processor WHERE projection = ?", projection);
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", projection);
            try (LauncherProcess launcher = LauncherProcess.start(url, password, chainKey, dataKey, settings.heap(),
                    settings.out().resolve("launcher-" + projection + ".log"),
                    Map.of("OVERSIGHT_PROJECTIONS_ALONE", projection))) {
                long firstToken = 0;
                long caughtUp = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
                while (System.nanoTime() < deadline && caughtUp == 0) {
                    if (!launcher.alive()) {
                        throw new IllegalStateException("The launcher exited during the replay; see its log");
                    }
                    List<byte[]> tokens = jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ?",
                            byte[].class, projection);
                    long now = System.nanoTime();
                    if (!tokens.isEmpty() && firstToken == 0) {
                        firstToken = now;
                    }
                    if (!tokens.isEmpty() && tokens.stream().allMatch(t -> position(t) >= head)) {
                        caughtUp = now;
                    }
                    Thread.sleep(50);
                }
                if (caughtUp == 0) {
                    throw new IllegalStateException("Projection " + projection + " did not catch up on its own");
                }
                double seconds = Math.max(0.05, (caughtUp - firstToken) / 1e9);
                alone.put(projection, Map.of("seconds", Timings.round(seconds),
                        "events_per_second", Timings.round(events / seconds)));
                System.out.printf(Locale.ROOT, "%s alone: %.1f s, %.0f events/s%n", projection, seconds,
                        events / seconds);
            }
            results.put("replay_alone", alone);
            write();
        }
    }

    /**
     * Waits for the background to work out every child's due items (after a rebuild every child is stale), so
     * that the reads measure the service as its users see it, not the catching up.
     */
    private void awaitDueItems(JdbcTemplate jdbc, LauncherProcess launcher) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(60).toNanos();
        long initially = staleChildren(jdbc);
        long lastReport = started;
        // asked twice a second whether any child is left, and counted only for the progress line: counting a
        // national backlog twice a second took PostgreSQL some 15 s in a drain of two minutes, beside the work
        boolean left = initially > 0;
        Long rowsWritten = null;
        while (left && System.nanoTime() < deadline) {
            if (!launcher.alive()) {
                throw new IllegalStateException("The launcher exited while working out due items; see its log");
            }
            if (System.nanoTime() - lastReport > 30e9) {
                System.out.printf(Locale.ROOT, "due items: %,d of %,d children still to work out%n",
                        staleChildren(jdbc), initially);
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
            boolean stale = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM due_item_stale)",
                    Boolean.class));
            if (!stale && rowsWritten == null) {
                rowsWritten = System.nanoTime();
            }
            // done once the indexes set aside for the backlog are built again too: the overdue lists need them
            left = stale || Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM due_item_index_set_aside)", Boolean.class));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long stale = left ? staleChildren(jdbc) : 0;
        Map<String, Object> dueItems = new LinkedHashMap<>();
        dueItems.put("children_stale_when_caught_up", initially);
        dueItems.put("seconds_to_work_out", Timings.round(seconds));
        if (rowsWritten != null) {
            dueItems.put("seconds_until_the_rows_were_written", Timings.round((rowsWritten - started) / 1e9));
        }
        dueItems.put("children_per_second", Timings.round(initially / Math.max(0.05, seconds)));
        dueItems.put("still_stale", stale);
        results.put("due_items", dueItems);
        if (settings.runs("rebuild")) {
            target("Due items of a rebuild worked out within a minute of the projections catching up", "< 60 s",
                    Timings.round(seconds) + " s for " + initially + " children", seconds < 60 && stale == 0);
        }
    }

    private static long staleChildren(JdbcTemplate jdbc) {
        Long stale = jdbc.queryForObject("SELECT count(*) FROM due_item_stale", Long.class);
        return stale == null ? 0 : stale;
    }

    /**
     * How far a stored token has got. A processor that starts from scratch holds a replay token until it has
     * caught up: its position is that of the token inside it ({@code currentToken}), not the reset point.
     */
    static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        String json = new String(token, StandardCharsets.UTF_8);
        int current = json.indexOf("\"currentToken\"");
        if (current >= 0) {
            json = json.substring(current);
            if (json.matches("(?s)\"currentToken\"\\s*:\\s*null.*")) {
                return -1;
            }
        }
        Matcher matcher = INDEX.matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private void rawRead(DataSource dataSource, PersonalContent personalContent) throws Exception {
        ObjectMapper mapper = AxonConfiguration.storageMapper();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        long count = 0;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT payloadtype, payload, metadata FROM domainevententry ORDER BY globalindex LIMIT ?")) {
                select.setInt(1, settings.rawReadLimit());
                select.setFetchSize(1_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String type = rows.getString(1);
                        Class<?> payloadType = types.get(type);
                        if (payloadType == null) {
                            payloadType = Class.forName(type);
                            types.put(type, payloadType);
                        }
                        // opened as every reader opens it: the rebuild's work includes the decryption
                        mapper.treeToValue(personalContent.open(mapper.readTree(rows.getBytes(2))), payloadType);
                        mapper.readTree(rows.getBytes(3));
                        count++;
                    }
                }
            }
            connection.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        @SuppressWarnings("unchecked")
        Map<String, Object> rebuild = (Map<String, Object>) results.get("rebuild");
        double rawRate = count / seconds;
        double rebuildRate = ((Number) rebuild.get("events_per_second")).doubleValue();
        rebuild.put("raw_read_deserialize_events", count);
        rebuild.put("raw_read_deserialize_events_per_second", Timings.round(rawRate));
        rebuild.put("rebuild_to_raw_ratio", Timings.round(rebuildRate / rawRate));
        rebuild.put("note", "Rebuild: every projection processor of the launcher from an empty token table to the "
                + "head, measured from the first token written. Raw: one sequential JDBC read of the same table "
                + "(fetch size 1,000) with each payload's personal content opened and the payload and its metadata "
                + "deserialized by the storage mapper.");
        target("Projection rebuild at least half the raw read-and-deserialize rate", ">= 0.50",
                String.format(Locale.ROOT, "%.2f (%,.0f vs %,.0f events/s)", rebuildRate / rawRate, rebuildRate,
                        rawRate), rebuildRate / rawRate >= 0.5);
    }

    // ---- reads at size ----

    private void reads(JdbcTemplate jdbc, LauncherProcess launcher, Staff staff, String longChild) {
        // a typical chair, not the busiest: the one at the median of open children (a child whose plan or period
        // of care is open), so the caseload reads measure what most chairs see
        List<Map<String, Object>> loads = jdbc.queryForList("""
                SELECT a.chair_id, count(*) AS allocations,
                       count(*) FILTER (WHERE (a.role = 'CP_CHAIR' AND EXISTS (SELECT 1 FROM protection_plan p
                                                WHERE p.child_id = a.child_id AND p.end_date IS NULL))
                                           OR (a.role = 'IRO' AND EXISTS (SELECT 1 FROM looked_after_period l
                                                WHERE l.child_id = a.child_id AND l.ended_on IS NULL))) AS open
                  FROM caseload_allocation a WHERE a.chair_id LIKE 'gen.%'
                 GROUP BY a.chair_id ORDER BY open, allocations, a.chair_id""");
        Map<String, Object> typical = loads.isEmpty() ? null : loads.get(loads.size() / 2);
        String chair = typical == null ? staff.people().get(0).username() : (String) typical.get("chair_id");
        Integer caseload = jdbc.queryForObject("SELECT count(*) FROM caseload_allocation WHERE chair_id = ?",
                Integer.class, chair);
        signInAllowed(jdbc, chair);
        String team = jdbc.queryForObject("SELECT team FROM app_user WHERE username = ?", String.class, chair);
        Long historyEvents = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier "
                + "IN (?, ?)", Long.class, longChild, "care-" + longChild);
        SessionClient asChair = SessionClient.signedIn(launcher.baseUrl(), chair, CHAIR_PASSWORD);
        // a QA lead of the chair's authority (for the team and its dashboard) and of the long history's, reading
        // that child with a reason as a QA lead must
        List<String> qaAuthorities = jdbc.queryForList("""
                SELECT local_authority FROM person_authority WHERE username = ?
                UNION SELECT local_authority FROM caseload_child WHERE child_id = ? ORDER BY 1
                """, String.class, chair, longChild);
        QaReaders.ofAuthorities(jdbc, QaReaders.LOCAL, qaAuthorities);
        QaReaders.ofEveryAuthority(jdbc, QaReaders.EVERY_AUTHORITY);
        SessionClient asQa = SessionClient.signedIn(launcher.baseUrl(), QaReaders.LOCAL, CHAIR_PASSWORD)
                .statingReason("Benchmark of the reads at size");
        SessionClient asQaOfEvery = SessionClient.signedIn(launcher.baseUrl(), QaReaders.EVERY_AUTHORITY,
                CHAIR_PASSWORD);
        Map<String, Object> reads = new LinkedHashMap<>();
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("picked_as", "median chair by open children");
        chosen.put("children_allocated", caseload == null ? 0 : caseload);
        chosen.put("open_children", typical == null ? 0 : typical.get("open"));
        chosen.put("team", team);
        if (!loads.isEmpty()) {
            chosen.put("open_children_across_chairs", "min " + loads.get(0).get("open") + ", median "
                    + typical.get("open") + ", max " + loads.stream().mapToLong(l -> ((Number) l.get("open"))
                            .longValue()).max().orElse(0));
            chosen.put("allocations_across_chairs", "min " + loads.stream().mapToLong(l -> ((Number)
                    l.get("allocations")).longValue()).min().orElse(0) + ", max " + loads.stream().mapToLong(l ->
                    ((Number) l.get("allocations")).longValue()).max().orElse(0));
        }
        chosen.put("qa_lead_of", qaAuthorities);
        reads.put("chair", chosen);
        reads.put("long_history_events", historyEvents);
        String encodedTeam = java.net.URLEncoder.encode(team == null ? "" : team, StandardCharsets.UTF_8);
        Map<String, Object> caseloadPage = read(reads, "caseload_page", () -> asChair.get("/caseload"));
        read(reads, "caseload_api", () -> asChair.get("/api/caseload?chair=" + chair));
        Map<String, Object> teamOverdue = read(reads, "team_overdue_today",
                () -> asQa.get("/api/service/overdue?team=" + encodedTeam));
        Map<String, Object> serviceOverdue = read(reads, "service_overdue_today",
                () -> asQa.get("/api/service/overdue"));
        Map<String, Object> dashboard = read(reads, "escalation_dashboard",
                () -> asQa.get("/api/escalations/dashboard"));
        read(reads, "escalation_dashboard_page", () -> asQa.get("/escalations"));
        read(reads, "escalation_dashboard_every_authority", () -> asQaOfEvery.get("/api/escalations/dashboard"));
        read(reads, "escalation_dashboard_page_every_authority", () -> asQaOfEvery.get("/escalations"));
        Map<String, Object> history = read(reads, "child_history_500_events",
                () -> asQa.get("/api/children/" + longChild + "/history"));
        read(reads, "child_timeline_500_events", () -> asQa.get("/api/children/" + longChild + "/timeline"));
        Map<String, Object> chain = read(reads, "chain_verification_500_events",
                () -> asQa.get("/api/children/" + longChild + "/integrity"));
        Map<String, Object> report = ReportReads.measure(jdbc, launcher, settings.readIterations(), CHAIR_PASSWORD,
                settings::asks);
        reads.putAll(report);
        results.put("reads", reads);
        readTarget("Caseload page p99 under 20 ms", caseloadPage, "p99_ms", 20);
        readTarget("Team overdue-today sweep p99 under 500 ms", teamOverdue, "p99_ms", 500);
        readTarget("Service-wide overdue-today sweep p99 under 500 ms", serviceOverdue, "p99_ms", 500);
        readTarget("Escalation dashboard p99 under 100 ms", dashboard, "p99_ms", 100);
        readTarget("500-event child history median under 100 ms", history, "p50_ms", 100);
        readTarget("Chain verification (500 events) median under 50 ms", chain, "p50_ms", 50);
        readTarget("IRO annual report, one authority, p99 under 1 s", outcome(report, ReportReads.ONE_AUTHORITY),
                "p99_ms", 1000);
        readTarget("IRO annual report, every authority, p99 under 10 s",
                outcome(report, ReportReads.ALL_AUTHORITIES), "p99_ms", 10000);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(Map<String, Object> reads, String name) {
        return (Map<String, Object>) reads.get(name);
    }

    private Map<String, Object> read(Map<String, Object> reads, String name,
            Supplier<HttpResponse<String>> request) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (!settings.asks(name)) {
            Map<String, Object> notAsked = ReportReads.notAsked();
            reads.put(name, notAsked);
            return notAsked;
        }
        HttpResponse<String> probe = request.get();
        if (probe.statusCode() != 200) {
            outcome.put("available", false);
            outcome.put("status", probe.statusCode());
            outcome.put("path", probe.uri().getPath());
            reads.put(name, outcome);
            return outcome;
        }
        // a launcher compiles a read's code as it is first asked: unmeasured requests first, as the commands have,
        // so that the figures are those of a launcher that has been serving for a while
        int warmUps = 0;
        long warmUntil = System.nanoTime() + settings.readWarmUp().toNanos();
        while (warmUps < 3 || (warmUps < MOST_READ_WARM_UPS && System.nanoTime() < warmUntil)) {
            request.get();
            warmUps++;
        }
        Timings timings = new Timings();
        for (int i = 0; i < settings.readIterations(); i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = request.get();
            timings.add(System.nanoTime() - started);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode());
            }
        }
        outcome.put("available", true);
        outcome.put("path", probe.uri().getPath());
        outcome.put("response_bytes", probe.body().length());
        outcome.put("warm_up_requests", warmUps);
        outcome.putAll(timings.summary());
        reads.put(name, outcome);
        return outcome;
    }

    private void readTarget(String what, Map<String, Object> outcome, String statistic, double limitMs) {
        if (Boolean.FALSE.equals(outcome.get("asked"))) {
            targets.add(new String[] {what, "< " + (int) limitMs + " ms", "not asked (--reads)", "not measured"});
            return;
        }
        if (!Boolean.TRUE.equals(outcome.get("available"))) {
            targets.add(new String[] {what, "< " + (int) limitMs + " ms", "not available (HTTP "
                    + outcome.get("status") + " for " + outcome.get("path") + ")", "not measured"});
            return;
        }
        double value = ((Number) outcome.get(statistic)).doubleValue();
        target(what, "< " + (int) limitMs + " ms", value + " ms", value < limitMs);
    }

    // ---- commands: HTTP round trip versus single-row JDBC transactions ----

    /** The event store's counters of its looks for positions no event will take (the service's metrics). */
    private static final List<String> GAP_COUNTERS = List.of("oversight_event_store_gap_looks_total",
            "oversight_event_store_positions_passed_over_total");

    private void commands(DataSource dataSource, JdbcTemplate jdbc, LauncherProcess launcher) throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_floor (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL)");
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("command", "POST /api/children (register a child) as a chair, each a new child; "
                + "signed in with a session (as the browser) and with a bearer token (as an API client)");
        commands.put("seconds_per_point", settings.commandTime().toMillis() / 1000.0);
        // in the results from the start and filled in as it goes: a failure part way keeps the points before it
        results.put("commands", commands);
        AtomicLong serial = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);
        Map<String, Object> session = new LinkedHashMap<>();
        Map<String, Object> bearer = new LinkedHashMap<>();
        Map<String, Object> floor = new LinkedHashMap<>();
        commands.put("http_session", session);
        commands.put("http_bearer", bearer);
        commands.put("jdbc_single_row_transactions", floor);
        // a launcher just started spends most of its processor time compiling: warm it up on both paths first, so
        // that the points below measure the commands rather than the compiler
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("session_8_clients", httpLoad(launcher, 8, true, serial).get("count"));
        warmUp.put("bearer_8_clients", httpLoad(launcher, 8, false, serial).get("count"));
        commands.put("warm_up_commands_not_counted", warmUp);
        // how often the readers' positions held so many gaps that the store asked PostgreSQL about them; a side
        // reading, so a failure to read it is recorded in its place and the commands go on
        Map<String, Object> gaps = new LinkedHashMap<>();
        commands.put("event_store_gaps_during_the_points", gaps);
        Map<String, Double> gapsBefore = gapCounters(jdbc, launcher, gaps);
        for (int clients : new int[] {1, 8, MOST_CLIENTS}) {
            session.put(String.valueOf(clients), httpLoad(launcher, clients, true, serial));
            bearer.put(String.valueOf(clients), httpLoad(launcher, clients, false, serial));
            floor.put(String.valueOf(clients), jdbcLoad(dataSource, clients));
        }
        Map<String, Double> gapsAfter = gapCounters(jdbc, launcher, gaps);
        if (gapsBefore != null && gapsAfter != null) {
            GAP_COUNTERS.forEach(counter -> gaps.put(counter,
                    Math.round(gapsAfter.get(counter) - gapsBefore.get(counter))));
        }
        commands.put("decision_on_a_child_in_care", decisions(jdbc, launcher, serial));
        @SuppressWarnings("unchecked")
        Map<String, Object> at32 = (Map<String, Object>) session.get(String.valueOf(MOST_CLIENTS));
        double p99 = ((Number) at32.get("p99_ms")).doubleValue();
        double rate = ((Number) at32.get("per_second")).doubleValue();
        target("Command p99 under 25 ms at 32 clients", "< 25 ms", p99 + " ms", p99 < 25);
        target("At least 1,000 commands/s at 32 clients", ">= 1000/s", rate + "/s", rate >= 1000);
    }

    /** The event store's gap counters now, or {@code null} with the reason put in {@code gaps}. */
    private static Map<String, Double> gapCounters(JdbcTemplate jdbc, LauncherProcess launcher,
            Map<String, Object> gaps) {
        try {
            return OperatorMetrics.read(jdbc, launcher, CHAIR_PASSWORD, GAP_COUNTERS);
        } catch (RuntimeException e) {
            gaps.put("not_read", e.getClass().getSimpleName() + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * A decision a chair records every day, beside the registration above: a consultation with a child in care,
     * as the child's IRO. A registration writes the child into every projection that keeps a copy of them; a
     * consultation writes far fewer rows, but first reads the child's history to decide (the journey's events, and
     * the child's case for the access rules). So it is measured twice: on children just taken into care (a few
     * events each), and on the children in care of the generated IRO with the most of them (their histories as
     * generated). Each client takes only its own share of the children in turn, so that no two clients write to
     * one child at once.
     */
    private Map<String, Object> decisions(JdbcTemplate jdbc, LauncherProcess launcher, AtomicLong serial)
            throws Exception {
        Map<String, Object> decisions = new LinkedHashMap<>();
        decisions.put("command", "POST /api/children/{id}/looked-after/consultations as the child's IRO");
        LocalDate today = LocalDate.now();
        String consultation = ("{\"consultedOn\":\"%s\",\"method\":\"IN_PERSON\",\"seenAlone\":true,"
                + "\"privateConversation\":\"SPOKE_IN_PRIVATE\"}").formatted(today.minusDays(1));

        SessionClient setUp = SessionClient.bearer(launcher.baseUrl(), "chair.brown", DemoPeople.DEMO_PASSWORD);
        List<String> taken = new ArrayList<>();
        // ten children a client, or a handful for a run of a moment
        int count = settings.commandTime().compareTo(Duration.ofSeconds(1)) < 0 ? MOST_CLIENTS : 10 * MOST_CLIENTS;
        for (int c = 0; c < count; c++) {
            HttpResponse<String> registered = setUp.postJson("/api/children", registration(serial));
            accepted(registered, "registering a child");
            String childId = JSON.readTree(registered.body()).path("childId").asText();
            accepted(setUp.postJson("/api/children/" + childId + "/chairs",
                    "{\"role\":\"IRO\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"%s\"}"
                            .formatted(today.minusDays(60))), "allocating the IRO");
            accepted(setUp.postJson("/api/children/" + childId + "/looked-after/periods",
                    "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today.minusDays(40))),
                    "starting a period of care");
            taken.add(childId);
        }
        decisions.put("on_children_just_taken_into_care",
                consultations(jdbc, launcher, "chair.brown", DemoPeople.DEMO_PASSWORD, taken, consultation));

        List<Map<String, Object>> iros = jdbc.queryForList("""
                SELECT a.chair_id, count(*) AS children
                  FROM caseload_allocation a
                 WHERE a.role = 'IRO' AND a.chair_id LIKE 'gen.%'
                   AND EXISTS (SELECT 1 FROM looked_after_period l WHERE l.child_id = a.child_id AND l.ended_on IS NULL)
                 GROUP BY a.chair_id ORDER BY children DESC, a.chair_id LIMIT 1""");
        if (iros.isEmpty() || ((Number) iros.get(0).get("children")).intValue() < MOST_CLIENTS) {
            decisions.put("on_a_generated_iros_children_in_care", "not measured: no generated IRO has "
                    + MOST_CLIENTS + " children in care");
            return decisions;
        }
        String iro = (String) iros.get(0).get("chair_id");
        signInAllowed(jdbc, iro);
        List<String> inCare = jdbc.queryForList("""
                SELECT a.child_id FROM caseload_allocation a
                 WHERE a.role = 'IRO' AND a.chair_id = ?
                   AND EXISTS (SELECT 1 FROM looked_after_period l WHERE l.child_id = a.child_id AND l.ended_on IS NULL)
                 ORDER BY a.child_id""", String.class, iro);
        decisions.put("on_a_generated_iros_children_in_care",
                consultations(jdbc, launcher, iro, CHAIR_PASSWORD, inCare, consultation));
        return decisions;
    }

    private Map<String, Object> consultations(JdbcTemplate jdbc, LauncherProcess launcher, String iro,
            String password, List<String> children, String consultation) throws Exception {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("children", children.size());
        measured.put("journey_events_median_before", journeyEventsMedian(jdbc, children));
        // each client's own children: client c takes children c, c + clients, c + 2 clients, ... in turn
        Map<Integer, AtomicLong> turns = new ConcurrentHashMap<>();
        Request consult = (client, clients) -> {
            int mine = (children.size() - 1 - client) / clients + 1;
            long turn = turns.computeIfAbsent(client, c -> new AtomicLong()).getAndIncrement();
            String childId = children.get(client + (int) (turn % mine) * clients);
            return new String[] {"/api/children/" + childId + "/looked-after/consultations", consultation};
        };
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("session_8_clients", httpLoad(launcher, 8, true, iro, password, consult).get("count"));
        warmUp.put("bearer_8_clients", httpLoad(launcher, 8, false, iro, password, consult).get("count"));
        measured.put("warm_up_commands_not_counted", warmUp);
        measured.put("http_session_32_clients", httpLoad(launcher, MOST_CLIENTS, true, iro, password, consult));
        measured.put("http_bearer_32_clients", httpLoad(launcher, MOST_CLIENTS, false, iro, password, consult));
        measured.put("journey_events_median_after", journeyEventsMedian(jdbc, children));
        return measured;
    }

    /** Gives a generated chair, who has no password, the benchmark's password, so that it can sign in as them. */
    private static void signInAllowed(JdbcTemplate jdbc, String username) {
        String hash = new LocalPasswords(new PasswordRule(), new BCryptPasswordEncoder()).hash(username, CHAIR_PASSWORD);
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", hash, username);
    }

    private static Object journeyEventsMedian(JdbcTemplate jdbc, List<String> children) {
        return jdbc.queryForObject("""
                SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (
                    SELECT count(*) AS n FROM domainevententry
                     WHERE aggregateidentifier = ANY (?) GROUP BY aggregateidentifier) journeys""", Long.class,
                (Object) children.stream().map(LookedAfterIds::journeyOf).toArray(String[]::new));
    }

    private static void accepted(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The benchmark's chair was refused " + what + ": HTTP "
                    + response.statusCode());
        }
    }

    private static String registration(AtomicLong serial) {
        return "{\"localAuthority\":\"DEMO-N\",\"localIdentifier\":\"BENCH-" + serial.incrementAndGet()
                + "\",\"givenName\":\"Sam\",\"familyName\":\"Bench\",\"dateOfBirth\":\"2016-04-01\"}";
    }

    /** The path and JSON body of the next command a client sends, for client {@code client} of {@code clients}. */
    private interface Request {
        String[] next(int client, int clients);
    }

    private Map<String, Object> httpLoad(LauncherProcess launcher, int clients, boolean signedIn, AtomicLong serial)
            throws Exception {
        return httpLoad(launcher, clients, signedIn, "chair.brown", DemoPeople.DEMO_PASSWORD,
                (client, all) -> new String[] {"/api/children", registration(serial)});
    }

    private Map<String, Object> httpLoad(LauncherProcess launcher, int clients, boolean signedIn, String username,
            String password, Request next) throws Exception {
        List<SessionClient> users = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            users.add(signedIn ? SessionClient.signedIn(launcher.baseUrl(), username, password)
                    : SessionClient.bearer(launcher.baseUrl(), username, password));
        }
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        long[] cpuTicks = new long[2];
        List<Map<String, Long>> byKind = new ArrayList<>(List.of(Map.of(), Map.of()));
        Map<String, Object> summary = load(clients, c -> {
            String[] request = next.next(c, clients);
            HttpResponse<String> response = SessionClient.answered(() -> users.get(c).postJson(request[0], request[1]));
            if (response == null) {
                // counted with its wait, which the percentiles show, and the client goes on with the next command
                unanswered.incrementAndGet();
                errors.incrementAndGet();
            } else if (response.statusCode() / 100 != 2) {
                errors.incrementAndGet();
            }
        }, errors, measuring -> {
            cpuTicks[measuring ? 0 : 1] = launcher.cpuTicks();
            byKind.set(measuring ? 0 : 1, ProcessorTime.read(launcher.pid(), settings.dataDir()));
            if (measuring) {
                unanswered.set(0);
            }
        });
        summary.put("no_answer_within_60_s", unanswered.get());
        long count = ((Number) summary.get("count")).longValue();
        if (cpuTicks[0] > 0 && count > 0) {
            // the launcher's own processor time (user and system, all its threads: requests, projections, JIT, GC)
            // per command: it moves far less than latency does when other work shares the machine
            summary.put("launcher_cpu_ms_per_command", Timings.round((cpuTicks[1] - cpuTicks[0]) * 10.0 / count));
            // the same, by what the launcher's threads do, and PostgreSQL's own beside it
            summary.put("cpu_ms_per_command_by_kind", ProcessorTime.perOperation(byKind.get(0), byKind.get(1), count));
        }
        return summary;
    }

    private Map<String, Object> jdbcLoad(DataSource dataSource, int clients) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<PreparedStatement> inserts = new ArrayList<>();
            byte[] payload = new byte[400];
            for (int c = 0; c < clients; c++) {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                connections.add(connection);
                inserts.add(connection.prepareStatement("INSERT INTO bench_floor (payload) VALUES (?)",
                        Statement.NO_GENERATED_KEYS));
            }
            return load(clients, c -> {
                try {
                    PreparedStatement insert = inserts.get(c);
                    insert.setBytes(1, payload);
                    insert.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, new AtomicInteger(), measuring -> { });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private interface Operation {
        void run(int client) throws Exception;
    }

    /**
     * Runs {@code clients} closed-loop clients for a warm-up second, then for the measured time; {@code window}
     * is told when the measured time starts ({@code true}) and ends ({@code false}).
     */
    private Map<String, Object> load(int clients, Operation operation, AtomicInteger errors,
            java.util.function.Consumer<Boolean> window) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            runFor(pool, clients, operation, settings.commandTime().compareTo(Duration.ofSeconds(1)) < 0
                    ? settings.commandTime() : Duration.ofSeconds(1), null);
            errors.set(0);
            Timings timings = new Timings();
            window.accept(true);
            long started = System.nanoTime();
            runFor(pool, clients, operation, settings.commandTime(), timings);
            timings.elapsed(System.nanoTime() - started);
            window.accept(false);
            Map<String, Object> summary = timings.summary();
            summary.put("errors", errors.get());
            return summary;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runFor(ExecutorService pool, int clients, Operation operation, Duration time,
            Timings into) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        List<Future<Timings>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                Timings mine = new Timings();
                while (System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    operation.run(client);
                    mine.add(System.nanoTime() - started);
                }
                return mine;
            }));
        }
        for (Future<Timings> client : running) {
            Timings mine = client.get();
            if (into != null) {
                into.addAll(mine);
            }
        }
    }

    // ---- memory ----

    private void memory(LauncherProcess launcher) throws IOException {
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heap", "-Xmx" + settings.heap());
        memory.put("rss_mb_now", launcher.rssKb() / 1024);
        memory.put("peak_rss_mb", launcher.peakRssKb() / 1024);
        boolean alive = launcher.alive();
        String log = Files.exists(settings.out().resolve("launcher.log"))
                ? Files.readString(settings.out().resolve("launcher.log")) : "";
        boolean outOfMemory = log.contains("OutOfMemoryError");
        memory.put("launcher_alive_at_end", alive);
        memory.put("out_of_memory_in_log", outOfMemory);
        results.put("memory", memory);
        target("The launcher runs the benchmark with -Xmx512m", "alive, no OutOfMemoryError",
                (alive ? "alive" : "exited") + (outOfMemory ? ", OutOfMemoryError" : "") + ", peak RSS "
                        + launcher.peakRssKb() / 1024 + " MB", alive && !outOfMemory);
    }

    // ---- results ----

    private void target(String what, String goal, String measured, boolean met) {
        targets.add(new String[] {what, goal, measured, met ? "met" : "missed"});
    }

    /** Writes what has been measured so far (again after each phase, so an interrupted run keeps its numbers). */
    Path write() throws IOException {
        List<Map<String, String>> targetList = new ArrayList<>();
        for (String[] t : targets) {
            targetList.add(Map.of("target", t[0], "goal", t[1], "measured", t[2], "verdict", t[3]));
        }
        results.put("targets", targetList);
        Files.createDirectories(settings.out());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(settings.out().resolve("results.json").toFile(), results);
        StringBuilder md = new StringBuilder("# Oversight benchmark\n\n");
        md.append("Run at ").append(Instant.now()).append(". Every number below comes from this one run.\n\n");
        section(md, "Machine", results.get("machine"));
        section(md, "Data set", results.get("data_set"));
        md.append("## Targets\n\n| target | goal | measured | verdict |\n|---|---|---|---|\n");
        for (String[] t : targets) {
            md.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" | **")
                    .append(t[3]).append("** |\n");
        }
        md.append('\n');
        section(md, "Commands", results.get("commands"));
        section(md, "Append", results.get("append"));
        section(md, "Rebuild", results.get("rebuild"));
        if (results.containsKey("due_items")) {
            section(md, "Due items after the rebuild", results.get("due_items"));
        }
        if (results.containsKey("replay_alone")) {
            section(md, "Each projection replayed on its own", results.get("replay_alone"));
        }
        section(md, "Reads", results.get("reads"));
        section(md, "Memory", results.get("memory"));
        if (results.containsKey("destroy")) {
            section(md, "Destroy", results.get("destroy"));
        }
        if (results.containsKey("returns")) {
            section(md, "Returns", results.get("returns"));
        }
        Path file = settings.out().resolve("results.md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static void section(StringBuilder md, String title, Object content) {
        md.append("## ").append(title).append("\n\n");
        lines(md, content, "");
        md.append('\n');
    }

    private static void lines(StringBuilder md, Object content, String indent) {
        if (content instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof Map<?, ?>) {
                    md.append(indent).append("- ").append(key).append(":\n");
                    lines(md, value, indent + "  ");
                } else {
                    md.append(indent).append("- ").append(key).append(": ").append(value).append('\n');
                }
            });
        } else {
            md.append(indent).append("- ").append(content).append('\n');
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:")).findFirst().orElse("");
            machine.put("ram_gib", Timings.round(Long.parseLong(total.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0));
        } catch (IOException | NumberFormatException e) {
            machine.put("ram_gib", "unknown");
        }
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            machine.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).strip());
        } catch (IOException e) {
            machine.put("load_average_at_start", "unknown");
        }
        machine.put("note", "Shared machine: other builds may run at the same time; compare numbers within a run");
        return machine;
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
