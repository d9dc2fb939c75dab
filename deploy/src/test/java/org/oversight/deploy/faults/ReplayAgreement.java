package org.oversight.deploy.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether every projection, as the running query services left it after a fault, agrees with a fresh replay of
 * the same event store: the database is copied with the services stopped, the copy's projection tables and
 * tokens are emptied (as a rebuild empties them), a query service of its own rebuilds them from the first
 * event, and each projection table is compared row for row (a digest of its rows in order) with the original.
 */
final class ReplayAgreement {

    /** Tables that no event writes: the event store, accounts, sessions, keys, the read log and its seals. */
    static final Set<String> NOT_PROJECTIONS = Set.of("domainevententry", "snapshotevententry", "event_chain",
            "tokenentry", "sagaentry", "associationvalueentry", "flyway_schema_history", "bank_holiday",
            "local_authority", "app_user", "person_authority", "team", "person_team", "spring_session",
            "spring_session_attributes", "processing_node", "data_key", "data_key_child", "child_identifier",
            "conference_narrative", "sign_in_attempt", "history_read", "history_read_seal", "history_read_unsealed",
            "child_search_log", "deadletterentry", "due_item_calendar", "due_item_index_set_aside");
    /** A projection's own progress, not what it shows: emptied for the rebuild, never compared. */
    static final Set<String> PROGRESS = Set.of("projection_position", "due_item_stale",
            // which processor reads each projection: emptied with the tokens, so that the rebuild reads them together
            "projection_processor",
            // the IRO report's kept totals: worked out on read, with the snapshots and transactions of that database
            "report_authority_period", "report_authority_figure", "report_authority_change");

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    /** The projections; the processors that read them are recorded in projection_processor as a node starts. */
    private static final int PROJECTIONS = 8;
    private static final int SEGMENTS = 4;

    record Outcome(List<String> tablesCompared, List<String> tablesDiffering, long rowsCompared,
            double rebuildSeconds) {
    }

    private ReplayAgreement() {
    }

    /**
     * Waits until every projection processor has passed the store's last event and every child's due items are
     * worked out, so that what is compared is finished work.
     */
    static Duration awaitCaughtUp(Connection db, Duration limit) throws SQLException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(limit);
        while (true) {
            if (caughtUp(db)) {
                return Duration.between(start, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the projections did not catch up within " + limit + ": "
                        + positions(db));
            }
            Thread.sleep(250);
        }
    }

    private static boolean caughtUp(Connection db) throws SQLException {
        long last = EventStoreAudit.count(db, "SELECT coalesce(max(globalindex), -1) FROM domainevententry");
        Map<String, Long> positions = positions(db);
        long projections = EventStoreAudit.count(db, "SELECT count(*) FROM projection_processor");
        long processors = EventStoreAudit.count(db, "SELECT count(DISTINCT processor) FROM projection_processor");
        if (projections < PROJECTIONS || positions.size() < processors * SEGMENTS) {
            return false;
        }
        return positions.values().stream().allMatch(index -> index >= last)
                && EventStoreAudit.count(db, "SELECT count(*) FROM due_item_stale") == 0;
    }

    /**
     * How far a segment's token has come: a tracking token's index, or, while a segment replays (a token with
     * the position it replays up to and the position it has reached), the position reached; -1 for none yet.
     */
    static long position(byte[] token) {
        String json = token == null ? "" : new String(token, java.nio.charset.StandardCharsets.UTF_8);
        int current = json.indexOf("\"currentToken\"");
        if (current >= 0) {
            json = json.substring(current);
            if (json.startsWith("\"currentToken\":null")) {
                return -1;
            }
        }
        Matcher index = INDEX.matcher(json);
        return index.find() ? Long.parseLong(index.group(1)) : -1;
    }

    private static Map<String, Long> positions(Connection db) throws SQLException {
        Map<String, Long> positions = new TreeMap<>();
        try (var statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT processorname, segment, token FROM tokenentry")) {
            while (rows.next()) {
                positions.put(rows.getString(1) + "/" + rows.getInt(2), position(rows.getBytes(3)));
            }
        }
        return positions;
    }

    /**
     * Stops the services, replays into a copy and compares. The services stay stopped; the topology's
     * PostgreSQL and proxy keep running.
     */
    static Outcome check(Topology topology) throws Exception {
        try (Connection live = topology.admin()) {
            awaitCaughtUp(live, Duration.ofMinutes(4));
        }
        for (String node : List.of("command", "command-b", "query-a", "query-b")) {
            topology.node("stop", node);
        }
        String copy = topology.databaseName() + "_replay";
        try (Connection postgres = topology.admin("postgres"); var statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + copy);
            statement.execute("CREATE DATABASE " + copy + " TEMPLATE " + topology.databaseName() + " OWNER "
                    + topology.databaseOwner());
        }
        List<String> projections = new ArrayList<>();
        try (Connection replay = topology.admin(copy); var statement = replay.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rows.next()) {
                    if (!NOT_PROJECTIONS.contains(rows.getString(1))) {
                        projections.add(rows.getString(1));
                    }
                }
            }
            statement.execute("TRUNCATE " + String.join(", ", projections) + ", deadletterentry");
            statement.execute("DELETE FROM tokenentry");
        }
        Instant rebuildStarted = Instant.now();
        topology.node("start", "replay");
        double rebuildSeconds;
        try (Connection replay = topology.admin(copy)) {
            awaitCaughtUp(replay, Duration.ofMinutes(4));
            rebuildSeconds = Duration.between(rebuildStarted, Instant.now()).toMillis() / 1000.0;
        }
        topology.node("stop", "replay");
        List<String> compared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        long rows = 0;
        try (Connection live = topology.admin(); Connection replay = topology.admin(copy)) {
            for (String table : projections) {
                if (PROGRESS.contains(table)) {
                    continue;
                }
                compared.add(table);
                String[] ours = digest(live, table);
                String[] theirs = digest(replay, table);
                rows += Long.parseLong(ours[0]);
                if (!ours[0].equals(theirs[0]) || !ours[1].equals(theirs[1])) {
                    differing.add(table + " (" + ours[0] + " rows, replay " + theirs[0] + ")");
                }
            }
            long deadLetters = EventStoreAudit.count(live, "SELECT count(*) FROM deadletterentry");
            if (deadLetters > 0) {
                differing.add("deadletterentry (" + deadLetters + " events set aside)");
            }
        }
        return new Outcome(compared, differing, rows, rebuildSeconds);
    }

    private static String[] digest(Connection db, String table) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM " + table + " t")) {
            rows.next();
            return new String[] {rows.getString(1), rows.getString(2)};
        }
    }
}
