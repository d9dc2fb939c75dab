package org.oversight.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The fault scenarios, each on a topology of its own started by the scripts, each bounded in time, each
 * checked afterwards from the event store and against a fresh replay of it. The smoke test runs the first at a
 * small load in every build; {@link TopologyFaultSuite} runs them all.
 */
final class Scenarios {

    static final String AUTHORITY = "FAULTS";
    private static final String PASSWORD = "quiet harbour lantern morning";

    private Scenarios() {
    }

    /** How much load a scenario drives: clients, the pause each makes between commands, and a cap. */
    record Load(int clients, Duration pause, int cap) {

        static final Load SMOKE = new Load(2, Duration.ofMillis(100), 3000);
        static final Load FULL = new Load(6, Duration.ofMillis(20), 20000);
    }

    /** An authority, a team and chairs of its own, as an administrator of a new deployment would set them up. */
    static void seed(Topology topology, int chairs) throws SQLException {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        try (Connection db = topology.admin(); var statement = db.createStatement()) {
            statement.execute("INSERT INTO local_authority (code, name) VALUES ('" + AUTHORITY
                    + "', 'Faultshire') ON CONFLICT DO NOTHING");
            statement.execute("INSERT INTO team (local_authority, name) VALUES ('" + AUTHORITY
                    + "', 'Fault IRO team') ON CONFLICT DO NOTHING");
            for (int i = 1; i <= chairs; i++) {
                String name = "fault.chair" + i;
                statement.execute("INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)"
                        + " VALUES ('" + name + "', 'Fault Chair " + i + "', '" + hash
                        + "', 'CHAIR', 'IRO,CP_CHAIR') ON CONFLICT DO NOTHING");
                statement.execute("INSERT INTO person_authority (username, local_authority) VALUES ('" + name
                        + "', '" + AUTHORITY + "') ON CONFLICT DO NOTHING");
                statement.execute("INSERT INTO person_team (username, local_authority, team) VALUES ('" + name
                        + "', '" + AUTHORITY + "', 'Fault IRO team') ON CONFLICT DO NOTHING");
            }
        }
    }

    static List<Chair> signIn(Topology topology, int chairs) {
        List<Chair> signedIn = new ArrayList<>();
        for (int i = 1; i <= chairs; i++) {
            signedIn.add(Chair.signedIn(topology.proxyUrl(), "fault.chair" + i, PASSWORD));
        }
        return signedIn;
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }

    /** The figures every scenario reports: what was sent, acknowledged and found, and the replay's verdict. */
    static Map<String, Object> figures(List<RegistrationLoad.Sent> sent, EventStoreAudit.Figures audit,
            ReplayAgreement.Outcome replay) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commands_sent", audit.sent());
        figures.put("commands_acknowledged", audit.acknowledged());
        figures.put("acknowledged_found_once", audit.acknowledgedFound() - audit.storedTwice());
        figures.put("acknowledged_missing", audit.acknowledgedMissing());
        figures.put("acknowledged_stored_twice", audit.storedTwice());
        figures.put("stored_without_acknowledgement", audit.storedUnacknowledged());
        figures.put("half_recorded", audit.halfRecorded());
        figures.put("answers", RegistrationLoad.answers(sent));
        figures.put("projection_tables_compared_with_replay", replay.tablesCompared().size());
        figures.put("projection_rows_compared", replay.rowsCompared());
        figures.put("projection_tables_differing", replay.tablesDiffering());
        figures.put("replay_rebuild_seconds", replay.rebuildSeconds());
        return figures;
    }

    static void assertSound(EventStoreAudit.Figures audit, ReplayAgreement.Outcome replay) {
        assertThat(audit.acknowledged()).as("commands acknowledged").isPositive();
        assertThat(audit.acknowledgedMissing()).as("acknowledged commands missing from the event store").isZero();
        assertThat(audit.storedTwice()).as("acknowledged commands stored twice").isZero();
        assertThat(audit.halfRecorded()).as("commands half-recorded").isZero();
        assertThat(replay.tablesDiffering()).as("projection tables differing from a fresh replay").isEmpty();
    }

    // ---- (a) the command service killed mid-load ----

    static Map<String, Object> commandServiceKilled(Load size) throws Exception {
        try (Topology topology = Topology.start("command-killed")) {
            seed(topology, size.clients());
            RegistrationLoad load = new RegistrationLoad(signIn(topology, size.clients()), AUTHORITY, "KILL-CMD",
                    size.cap(), Duration.ofMinutes(4), size.pause()).start();
            load.awaitAcknowledged(size.clients() * 10);
            long killedAt = load.millis();
            topology.node("kill", "command");
            Instant restarting = Instant.now();
            topology.node("start", "command");
            Duration restart = Duration.between(restarting, Instant.now());
            int acknowledgedAtRestart = load.acknowledged();
            // carry on for a while after the restart, so that the service is seen to take commands again
            long until = System.currentTimeMillis() + 5_000;
            while (load.acknowledged() < acknowledgedAtRestart + 10 && System.currentTimeMillis() < until + 25_000) {
                Thread.sleep(100);
            }
            load.stop();
            List<RegistrationLoad.Sent> sent = load.finish();
            long firstAfter = sent.stream().filter(s -> s.acknowledged() && s.sentAtMs() > killedAt)
                    .mapToLong(RegistrationLoad.Sent::answeredAtMs).min().orElse(-1);
            int inFlight = (int) sent.stream().filter(s -> s.sentAtMs() <= killedAt && s.answeredAtMs() >= killedAt
                    && !s.acknowledged()).count();
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "KILL-CMD", sent);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(sent, audit, replay);
            figures.put("clients", size.clients());
            figures.put("killed_after_ms", killedAt);
            figures.put("in_flight_when_killed_unanswered", inFlight);
            figures.put("restart_to_ready_seconds", seconds(restart));
            figures.put("kill_to_first_acknowledged_seconds", firstAfter < 0 ? "none" : (firstAfter - killedAt) / 1000.0);
            FaultResults.record("(a) command service killed (SIGKILL) mid-load and restarted", figures);
            assertSound(audit, replay);
            assertThat(firstAfter).as("a command acknowledged after the restart").isPositive();
            assertThat(sent).as("every refusal a 503 problem naming its rule, never a 500 or the proxy's bare 502")
                    .noneMatch(s -> s.status() == 500 || s.status() == 502 || s.status() == 504)
                    .allMatch(s -> s.status() != 503 || !s.rule().isEmpty());
            return figures;
        }
    }

    /** Keeps the load going until {@code more} further commands are acknowledged, or {@code limit} has passed. */
    private static void carryOn(RegistrationLoad load, int more, Duration limit) throws InterruptedException {
        int target = load.acknowledged() + more;
        long until = System.currentTimeMillis() + limit.toMillis();
        while (load.acknowledged() < target && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
    }

    private static long firstAcknowledgedAfter(List<RegistrationLoad.Sent> sent, long atMs) {
        return sent.stream().filter(s -> s.acknowledged() && s.sentAtMs() >= atMs)
                .mapToLong(RegistrationLoad.Sent::answeredAtMs).min().orElse(-1);
    }

    private static Map<String, Integer> owners(Topology topology) throws SQLException {
        Map<String, Integer> owners = new java.util.TreeMap<>();
        try (Connection db = topology.admin(); var statement = db.createStatement();
                var rows = statement.executeQuery(
                        "SELECT coalesce(owner, '(none)'), count(*) FROM tokenentry GROUP BY 1")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getInt(2));
            }
        }
        return owners;
    }

    // ---- (b) one query node killed under load ----

    /** The stated bound on a takeover: the claim timeout (10 s) and the balancer's beat (5 s), with room. */
    static final Duration TAKEOVER_BOUND = Duration.ofSeconds(45);

    /** How long the two query nodes may take to share the segments between them before one is killed. */
    static final Duration SPREAD_BOUND = Duration.ofSeconds(90);

    static Map<String, Object> queryNodeKilled(Load size) throws Exception {
        try (Topology topology = Topology.start("query-node-killed")) {
            seed(topology, size.clients() + 1);
            List<Chair> chairs = signIn(topology, size.clients() + 1);
            RegistrationLoad load = new RegistrationLoad(chairs.subList(1, chairs.size()), AUTHORITY, "KILL-QRY",
                    size.cap(), Duration.ofMinutes(4), size.pause()).start();
            Readers readers = new Readers(chairs.get(0), 100).start();
            load.awaitAcknowledged(size.clients() * 10);
            // The node killed must hold segments, or the takeover proves nothing: on a quiet machine the node that
            // started first can still hold them all when the load is up, until the balancer hands some over.
            Map<String, Integer> before = owners(topology);
            Instant spreading = Instant.now();
            while (before.getOrDefault("query-a", 0) == 0
                    && Duration.between(spreading, Instant.now()).compareTo(SPREAD_BOUND) < 0) {
                Thread.sleep(500);
                before = owners(topology);
            }
            assertThat(before.getOrDefault("query-a", 0)).as("segments held by query-a before it is killed, within %s",
                    SPREAD_BOUND).isPositive();
            int segments = before.values().stream().mapToInt(Integer::intValue).sum();
            long killedAt = load.millis();
            long killFrom = readers.millis();
            topology.node("kill", "query-a");
            long killTo = readers.millis();
            Instant killed = Instant.now();
            Duration takeover = null;
            while (Duration.between(killed, Instant.now()).compareTo(TAKEOVER_BOUND.plusSeconds(30)) < 0) {
                Map<String, Integer> now = owners(topology);
                if (now.equals(Map.of("query-b", segments))) {
                    takeover = Duration.between(killed, Instant.now());
                    break;
                }
                Thread.sleep(200);
            }
            carryOn(load, 20, Duration.ofSeconds(20));
            load.stop();
            List<RegistrationLoad.Sent> sent = load.finish();
            List<Readers.Read> reads = readers.stop();
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "KILL-QRY", sent);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(sent, audit, replay);
            figures.put("segments_before", before);
            figures.put("segments", segments);
            figures.put("killed_after_ms", killedAt);
            figures.put("takeover_seconds", takeover == null ? "not within bound" : seconds(takeover));
            figures.put("takeover_bound_seconds", TAKEOVER_BOUND.toSeconds());
            figures.put("reads", reads.size());
            figures.put("read_answers", Readers.answers(reads));
            // A read the killed node was answering when it died is cut off mid-answer: the proxy has begun passing
            // it on and cannot send it again. Every read not on its way at that moment must be answered.
            List<Readers.Read> cut = reads.stream().filter(r -> r.inFlightDuring(killFrom, killTo)).toList();
            List<Readers.Read> others = reads.stream().filter(r -> !r.inFlightDuring(killFrom, killTo)).toList();
            figures.put("reads_in_flight_at_the_kill", Readers.answers(cut));
            figures.put("reads_sent_after_the_kill", reads.stream().filter(r -> r.atMs() > killTo).count());
            FaultResults.record("(b) one query node killed (SIGKILL) under load", figures);
            assertSound(audit, replay);
            assertThat(takeover).as("query-b held all %d segments within %s", segments, TAKEOVER_BOUND).isNotNull()
                    .isLessThanOrEqualTo(TAKEOVER_BOUND);
            // one reader sends one read at a time, so at most one can have been on its way on the killed node
            assertThat(cut).as("reads cut off by the kill").filteredOn(r -> r.status() != 200)
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(reads).as("reads sent after the kill").anyMatch(r -> r.atMs() > killTo);
            assertThat(others).as("reads through the proxy not on their way at the kill")
                    .allMatch(r -> r.status() == 200);
            return figures;
        }
    }

    // ---- (c) PostgreSQL restarted under load ----

    static Map<String, Object> databaseRestarted(Load size) throws Exception {
        try (Topology topology = Topology.start("postgres-restarted")) {
            seed(topology, size.clients() + 1);
            List<Chair> chairs = signIn(topology, size.clients() + 1);
            Map<String, String> pids = new LinkedHashMap<>();
            for (String node : List.of("command", "query-a", "query-b")) {
                pids.put(node, java.nio.file.Files.readString(topology.runDir().resolve("pids/" + node + ".pid")).strip());
            }
            RegistrationLoad load = new RegistrationLoad(chairs.subList(1, chairs.size()), AUTHORITY, "PG-RESTART",
                    size.cap(), Duration.ofMinutes(4), size.pause()).start();
            Readers readers = new Readers(chairs.get(0), 100).start();
            load.awaitAcknowledged(size.clients() * 10);
            long restartAt = load.millis();
            topology.node("restart", "postgres");
            long restartedAt = load.millis();
            carryOn(load, 20, Duration.ofSeconds(60));
            load.stop();
            List<RegistrationLoad.Sent> sent = load.finish();
            List<Readers.Read> reads = readers.stop();
            long firstAfter = firstAcknowledgedAfter(sent, restartedAt);
            for (var node : pids.entrySet()) {
                String now = java.nio.file.Files.readString(topology.runDir().resolve("pids/" + node.getKey() + ".pid")).strip();
                assertThat(now).as("%s was not restarted", node.getKey()).isEqualTo(node.getValue());
                assertThat(ProcessHandle.of(Long.parseLong(now)).map(ProcessHandle::isAlive)).as("%s alive", node.getKey())
                        .contains(true);
            }
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "PG-RESTART", sent);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(sent, audit, replay);
            figures.put("restart_began_ms", restartAt);
            figures.put("restart_seconds", (restartedAt - restartAt) / 1000.0);
            figures.put("back_to_first_acknowledged_seconds", firstAfter < 0 ? "none" : (firstAfter - restartedAt) / 1000.0);
            figures.put("services_restarted", 0);
            figures.put("reads", reads.size());
            figures.put("read_answers", Readers.answers(reads));
            FaultResults.record("(c) PostgreSQL restarted under load", figures);
            assertSound(audit, replay);
            assertThat(firstAfter).as("a command acknowledged after the restart").isPositive();
            assertThat(sent).as("commands answered 201, or 503 database-unavailable while the database was away")
                    .allMatch(s -> s.status() == 201 || (s.status() == 503 && s.rule().equals("database-unavailable")));
            assertThat(reads).as("reads answered 200, or 503 database-unavailable while the database was away")
                    .allMatch(r -> r.status() == 200 || (r.status() == 503 && r.rule().equals("database-unavailable")));
            return figures;
        }
    }

    // ---- (f) the database read-only for a while ----

    static Map<String, Object> databaseReadOnly(Load size) throws Exception {
        try (Topology topology = Topology.start("database-read-only")) {
            seed(topology, size.clients());
            RegistrationLoad load = new RegistrationLoad(signIn(topology, size.clients()), AUTHORITY, "READ-ONLY",
                    size.cap(), Duration.ofMinutes(4), size.pause()).start();
            load.awaitAcknowledged(size.clients() * 10);
            long readOnlyAt = load.millis();
            readOnly(topology, true);
            // the whole server refuses writes for a while, as a primary demoted or a full volume would
            Thread.sleep(10_000);
            long clearedAt = load.millis();
            readOnly(topology, false);
            carryOn(load, 20, Duration.ofSeconds(60));
            load.stop();
            List<RegistrationLoad.Sent> sent = load.finish();
            List<RegistrationLoad.Sent> meanwhile = sent.stream()
                    .filter(s -> s.sentAtMs() > readOnlyAt + 1_000 && s.answeredAtMs() < clearedAt).toList();
            long firstAfter = firstAcknowledgedAfter(sent, clearedAt);
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "READ-ONLY", sent);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(sent, audit, replay);
            figures.put("read_only_seconds", (clearedAt - readOnlyAt) / 1000.0);
            figures.put("answers_while_read_only", RegistrationLoad.answers(meanwhile));
            figures.put("cleared_to_first_acknowledged_seconds", firstAfter < 0 ? "none" : (firstAfter - clearedAt) / 1000.0);
            FaultResults.record("(f) the database read-only (default_transaction_read_only) for 10 s", figures);
            assertSound(audit, replay);
            assertThat(meanwhile).as("commands sent while the database was read-only").isNotEmpty()
                    .allMatch(s -> s.status() == 503 && !s.rule().isEmpty());
            assertThat(sent).as("no answer 500").noneMatch(s -> s.status() == 500);
            assertThat(firstAfter).as("a command acknowledged once it cleared").isPositive();
            return figures;
        }
    }

    private static void readOnly(Topology topology, boolean on) throws SQLException {
        try (Connection db = topology.admin(); var statement = db.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            statement.execute(on ? "ALTER SYSTEM SET default_transaction_read_only = on"
                    : "ALTER SYSTEM RESET default_transaction_read_only");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    // ---- (e) two command services at once on the same store ----

    /**
     * Two decisions on one child sent at the same moment, one to each command service; {@code held} when the
     * store was held until both were waiting to append, so that they certainly met there.
     */
    record Race(String childId, boolean held, int first, String firstRule, int second, String secondRule,
            String firstSequence, String secondSequence) {

        int successes() {
            return (first / 100 == 2 ? 1 : 0) + (second / 100 == 2 ? 1 : 0);
        }

        boolean oneSuccessOneConflict() {
            return successes() == 1 && (first == 409 || second == 409);
        }
    }

    static Map<String, Object> twoCommandServices(int rounds) throws Exception {
        try (Topology topology = Topology.start("two-command-services")) {
            topology.node("start", "command-b");
            seed(topology, 1);
            Chair chair = signIn(topology, 1).get(0);
            Chair viaFirst = chair.at(topology.url("command"));
            Chair viaSecond = chair.at(topology.url("command-b"));
            String allocation = "{\"role\":\"IRO\",\"chairId\":\"fault.chair1\",\"allocatedFrom\":\""
                    + java.time.LocalDate.now() + "\"}";
            List<Race> races = new ArrayList<>();
            List<RegistrationLoad.Sent> registrations = new ArrayList<>();
            int bothWaiting = 0;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    String identifier = "RACE-" + String.format("%06d", round);
                    Chair.Reply registered = chair.postJson("/api/children", """
                            {"localAuthority":"%s","localIdentifier":"%s","givenName":"Robin","familyName":"Race",\
                            "dateOfBirth":"2015-05-01"}""".formatted(AUTHORITY, identifier));
                    assertThat(registered.status()).as("registration %s", registered.body()).isEqualTo(201);
                    String child = registered.field("childId");
                    registrations.add(new RegistrationLoad.Sent(identifier, 201, "", child, 0, 0));
                    // Left free, the two rarely meet: one service has usually recorded its decision before the
                    // other reads the child, which is then refused by the rule (422). So every other pair is held:
                    // appends to the store wait, as behind a stalled disk, until both services have read the
                    // child and are waiting to append, and then go on together.
                    boolean held = round % 2 == 0;
                    Connection holder = held ? holdAppends(topology) : null;
                    var gate = new java.util.concurrent.CountDownLatch(1);
                    var one = pool.submit(() -> {
                        gate.await();
                        return viaFirst.postJson("/api/children/" + child + "/chairs", allocation);
                    });
                    var two = pool.submit(() -> {
                        gate.await();
                        return viaSecond.postJson("/api/children/" + child + "/chairs", allocation);
                    });
                    gate.countDown();
                    if (holder != null) {
                        try (holder) {
                            bothWaiting += awaitWaitingAppends(topology, 2, Duration.ofSeconds(20)) == 2 ? 1 : 0;
                            holder.rollback();
                        }
                    }
                    Chair.Reply a = one.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    Chair.Reply b = two.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    races.add(new Race(child, held, a.status(), a.rule(), b.status(), b.rule(),
                            a.field("sequence"), b.field("sequence")));
                }
            } finally {
                pool.shutdownNow();
            }
            int lost = 0;
            int stored = 0;
            try (Connection db = topology.admin(); var statement = db.prepareStatement(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?"
                            + " AND payloadtype LIKE '%.ChairAllocated'")) {
                for (Race race : races) {
                    for (String sequence : new String[] {race.first() / 100 == 2 ? race.firstSequence() : null,
                            race.second() / 100 == 2 ? race.secondSequence() : null}) {
                        if (sequence == null) {
                            continue;
                        }
                        statement.setString(1, race.childId());
                        statement.setLong(2, Long.parseLong(sequence.strip()));
                        try (var rows = statement.executeQuery()) {
                            rows.next();
                            if (rows.getInt(1) == 1) {
                                stored++;
                            } else {
                                lost++;
                            }
                        }
                    }
                }
            }
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "RACE", registrations);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(registrations, audit, replay);
            List<Race> heldRaces = races.stream().filter(Race::held).toList();
            List<Race> freeRaces = races.stream().filter(race -> !race.held()).toList();
            figures.put("decision_pairs_sent", races.size());
            figures.put("held_pairs", heldRaces.size());
            figures.put("held_pairs_both_waiting_to_append", bothWaiting);
            figures.put("held_pair_outcomes", outcomes(heldRaces));
            figures.put("free_pair_outcomes", outcomes(freeRaces));
            figures.put("one_success_one_409", races.stream().filter(Race::oneSuccessOneConflict).count());
            figures.put("decisions_acknowledged", races.stream().mapToInt(Race::successes).sum());
            figures.put("decisions_acknowledged_found", stored);
            figures.put("decisions_acknowledged_missing", lost);
            FaultResults.record("(e) two command services deciding on one child at once", figures);
            assertSound(audit, replay);
            assertThat(lost).as("acknowledged decisions missing from the store").isZero();
            assertThat(bothWaiting).as("held pairs whose two decisions both waited to append").isEqualTo(heldRaces.size());
            assertThat(heldRaces).as("pairs that met in the store: one success and one 409 concurrent-decision")
                    .isNotEmpty().allMatch(Race::oneSuccessOneConflict)
                    .allMatch(race -> (race.first() == 409 ? race.firstRule() : race.secondRule())
                            .equals("concurrent-decision"));
            assertThat(freeRaces).as("free pairs: exactly one recorded, the other refused (409 if they met, else 422)")
                    .allMatch(race -> race.successes() == 1 && (race.first() == 409 || race.second() == 409
                            || race.first() == 422 || race.second() == 422));
            return figures;
        }
    }

    /** Each outcome of a pair (the lower status first, with its rule) and how many pairs had it. */
    private static Map<String, Integer> outcomes(List<Race> races) {
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (Race race : races) {
            boolean firstLow = race.first() <= race.second();
            String low = firstLow ? race.first() + " " + race.firstRule() : race.second() + " " + race.secondRule();
            String high = firstLow ? race.second() + " " + race.secondRule() : race.first() + " " + race.firstRule();
            outcomes.merge(low.strip() + " + " + high.strip(), 1, Integer::sum);
        }
        return outcomes;
    }

    /**
     * An open transaction holding the event store's table so that nothing can be appended (reads go on): the
     * services read a child and decide as usual, and wait at the append until it is rolled back.
     */
    private static Connection holdAppends(Topology topology) throws SQLException {
        Connection holder = topology.admin();
        try {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("LOCK TABLE domainevententry IN EXCLUSIVE MODE");
            }
            return holder;
        } catch (SQLException e) {
            holder.close();
            throw e;
        }
    }

    /** Waits until {@code wanted} of the services' connections wait to append (or {@code limit}); how many did. */
    private static int awaitWaitingAppends(Topology topology, int wanted, Duration limit)
            throws SQLException, InterruptedException {
        long until = System.currentTimeMillis() + limit.toMillis();
        int waiting = 0;
        try (Connection db = topology.admin(); var statement = db.prepareStatement("""
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.relation = 'domainevententry'::regclass AND NOT l.granted AND a.usename = ?""")) {
            statement.setString(1, topology.databaseOwner());
            while (System.currentTimeMillis() < until) {
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    waiting = rows.getInt(1);
                }
                if (waiting >= wanted) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        return waiting;
    }

    // ---- (d) a node killed in the middle of rebuilding the projections ----

    static Map<String, Object> killedMidRebuild(Load size, int children) throws Exception {
        try (Topology topology = Topology.start("killed-mid-rebuild")) {
            seed(topology, size.clients());
            RegistrationLoad load = new RegistrationLoad(signIn(topology, size.clients()), AUTHORITY, "REBUILD",
                    children, Duration.ofMinutes(6), Duration.ZERO).start();
            List<RegistrationLoad.Sent> sent = load.finish();
            long events;
            try (Connection db = topology.admin()) {
                ReplayAgreement.awaitCaughtUp(db, Duration.ofMinutes(4));
                events = EventStoreAudit.count(db, "SELECT count(*) FROM domainevententry");
            }
            // the rebuild, as an operator runs it: the query services stopped, the projections and their
            // tokens emptied, the services started again
            topology.node("stop", "query-a");
            topology.node("stop", "query-b");
            try (Connection db = topology.admin(); var statement = db.createStatement()) {
                List<String> projections = new ArrayList<>();
                try (var rows = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rows.next()) {
                        if (!ReplayAgreement.NOT_PROJECTIONS.contains(rows.getString(1))) {
                            projections.add(rows.getString(1));
                        }
                    }
                }
                statement.execute("TRUNCATE " + String.join(", ", projections) + ", deadletterentry");
                statement.execute("DELETE FROM tokenentry");
            }
            Instant rebuildStarted = Instant.now();
            var starting = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    topology.node("start", "query-a");
                } catch (Exception e) {
                    // killed on purpose: node.sh reports that it ended before it was ready
                }
            });
            long killedAtIndex = -1;
            boolean partWay = false;
            long last = events;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            while (Instant.now().isBefore(deadline)) {
                long[] range;
                long most;
                try (Connection db = topology.admin()) {
                    range = positionRange(db);
                    most = EventStoreAudit.count(db, "SELECT coalesce(max(globalindex), 0) FROM domainevententry");
                }
                long least = range[0];
                // some segment has started rebuilding and some has not finished
                if (range[1] > 0 && least < most) {
                    killedAtIndex = least;
                    last = most;
                    partWay = true;
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(partWay).as("the rebuild was caught part-way (load more events if it ends too soon)")
                    .isTrue();
            topology.node("kill", "query-a");
            Instant killed = Instant.now();
            starting.get(60, java.util.concurrent.TimeUnit.SECONDS);
            topology.node("start", "query-b");
            Duration caughtUp;
            try (Connection db = topology.admin()) {
                ReplayAgreement.awaitCaughtUp(db, Duration.ofMinutes(4));
                caughtUp = Duration.between(killed, Instant.now());
            }
            topology.node("start", "query-a");
            EventStoreAudit.Figures audit;
            try (Connection db = topology.admin()) {
                audit = EventStoreAudit.of(db, AUTHORITY, "REBUILD", sent);
            }
            ReplayAgreement.Outcome replay = ReplayAgreement.check(topology);
            Map<String, Object> figures = figures(sent, audit, replay);
            figures.put("events_in_store", events);
            figures.put("rebuild_position_when_killed", killedAtIndex + " of " + last + " (lowest segment)");
            figures.put("rebuild_start_to_kill_seconds", seconds(Duration.between(rebuildStarted, killed)));
            figures.put("kill_to_rebuilt_by_other_node_seconds", seconds(caughtUp));
            FaultResults.record("(d) query node killed (SIGKILL) mid-rebuild of the projections", figures);
            assertSound(audit, replay);
            return figures;
        }
    }

    /** The lowest and highest positions of the segments {@code query-a} holds ({-1, -1} while it holds none). */
    private static long[] positionRange(Connection db) throws SQLException {
        long least = Long.MAX_VALUE;
        long most = -1;
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("SELECT token FROM tokenentry WHERE owner = 'query-a'")) {
            while (rows.next()) {
                long position = ReplayAgreement.position(rows.getBytes(1));
                least = Math.min(least, position);
                most = Math.max(most, position);
            }
        }
        return new long[] {least == Long.MAX_VALUE ? -1 : least, most};
    }
}
