package org.oversight.deploy.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Destroys a share of the data set's children through the service, as a data officer of every authority would,
 * and measures the decisions (each destroys a key, deletes the child's claims and dead letters and records the
 * destruction) and the time until every projection has forgotten them. The children destroyed stay destroyed: a
 * later run destroys a further share of those left.
 */
final class Destruction {

    private static final String OFFICER = "bench.data.officer";
    private static final String ADMINISTRATOR = OperatorMetrics.ADMINISTRATOR;
    private static final int CLIENTS = 8;
    /**
     * The generated histories span a few years, and the default local periods (35 years after a plan, 10 after an
     * enquiry) make none of them due: every authority's schedule is shortened to this many years from closure for
     * child protection records, as a council's administrator would, so that a known share is due.
     */
    static final int LOCAL_YEARS = 1;
    private static final String RETENTION = "retention";
    private static final List<String> SHORTENED = List.of("CHILD_PROTECTION_PLAN", "CHILD_PROTECTION_ENQUIRY");

    private Destruction() {
    }

    static Map<String, Object> measure(JdbcTemplate jdbc, LauncherProcess launcher, double share, String password)
            throws Exception {
        jdbc.update("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT ?, 'Benchmark data officer', password_hash, 'DATA_OFFICER', '' FROM app_user
                 WHERE username = 'chair.brown'
                ON CONFLICT (username) DO NOTHING
                """, OFFICER);
        OperatorMetrics.ensureAdministrator(jdbc);
        for (String person : List.of(OFFICER, ADMINISTRATOR)) {
            jdbc.update("""
                    INSERT INTO person_authority (username, local_authority) SELECT ?, code FROM local_authority
                    ON CONFLICT DO NOTHING
                    """, person);
        }
        Map<String, Object> schedule = shortenSchedules(jdbc, launcher, password);
        // the share is of every child; those destroyed are the records due today under their authority's schedule
        // (not held, encrypted, not yet destroyed), spread over the store by a fixed order, each under its own rule
        Long everyChild = jdbc.queryForObject("SELECT count(*) FROM caseload_child", Long.class);
        List<Map<String, Object>> due = jdbc.queryForList("""
                SELECT r.child_id, r.record_type FROM retention_child r
                 WHERE r.due_on <= current_date
                   AND NOT EXISTS (SELECT 1 FROM retention_hold h WHERE h.child_id = r.child_id)
                   AND NOT EXISTS (SELECT 1 FROM data_key k WHERE k.key_id = r.child_id AND k.destroyed_at IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM data_key k WHERE k.key_id = r.child_id)
                 ORDER BY md5(r.child_id)
                """);
        int count = (int) Math.ceil((everyChild == null ? 0 : everyChild) * share);
        List<Map<String, Object>> picked = due.subList(0, Math.min(count, due.size()));
        List<String> chosen = picked.stream().map(row -> (String) row.get("child_id")).toList();
        List<String> rules = picked.stream().map(row -> (String) row.get("record_type")).toList();
        List<SessionClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(SessionClient.bearer(launcher.baseUrl(), OFFICER, password));
        }
        Timings timings = new Timings();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = client; i < chosen.size(); i += CLIENTS) {
                        long one = System.nanoTime();
                        HttpResponse<String> answer = clients.get(client).postJson(
                                "/api/children/" + chosen.get(i) + "/destruction",
                                "{\"retentionRule\":\"" + rules.get(i) + "\"}");
                        timings.add(System.nanoTime() - one);
                        if (answer.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long decided = System.nanoTime();
        timings.elapsed(decided - started);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!chosen.isEmpty() && remaining(jdbc, chosen) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long forgotten = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("share", share);
        result.put("local_schedule", schedule);
        result.put("children_in_caseloads", everyChild);
        result.put("records_by_type", jdbc.queryForList("""
                SELECT record_type, count(*) AS records, count(due_on) AS with_a_due_day,
                       count(*) FILTER (WHERE due_on <= current_date) AS due_today, min(due_on)::text AS earliest
                  FROM retention_child GROUP BY record_type ORDER BY record_type
                """).stream().map(row -> row.values().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" / "))).toList());
        result.put("records_due", due.size());
        result.put("children_destroyed", chosen.size());
        result.put("errors", errors.get());
        result.put("decisions", timings.summary());
        result.put("decisions_seconds", Timings.round((decided - started) / 1e9));
        result.put("until_projections_forgot_seconds", Timings.round((forgotten - started) / 1e9));
        result.put("left_in_projections", chosen.isEmpty() ? 0 : remaining(jdbc, chosen));
        return result;
    }

    /**
     * Shortens every authority's child protection periods through the service, then waits until the retention
     * projection has passed the last change, so that the records due are read as the schedule now makes them.
     */
    private static Map<String, Object> shortenSchedules(JdbcTemplate jdbc, LauncherProcess launcher, String password)
            throws Exception {
        SessionClient administrator = SessionClient.bearer(launcher.baseUrl(), ADMINISTRATOR, password);
        List<String> authorities = jdbc.queryForList("SELECT code FROM local_authority ORDER BY code", String.class);
        long started = System.nanoTime();
        int changes = 0;
        for (String authority : authorities) {
            for (String type : SHORTENED) {
                Long already = jdbc.queryForObject("""
                        SELECT count(*) FROM retention_local
                         WHERE local_authority = ? AND record_type = ? AND years = ? AND counted_from = 'CLOSURE'
                        """, Long.class, authority, type, LOCAL_YEARS);
                if (already != null && already > 0) {
                    continue;
                }
                HttpResponse<String> answer = administrator.postJson(
                        "/api/local-authorities/" + authority + "/retention-schedule",
                        "{\"recordType\":\"" + type + "\",\"years\":" + LOCAL_YEARS
                                + ",\"from\":\"CLOSURE\",\"reason\":\"Benchmark: a short period so that records are due\"}");
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("Changing " + authority + "'s retention schedule answered "
                            + answer.statusCode());
                }
                changes++;
            }
        }
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!caughtUp(jdbc, RETENTION, head)) {
            if (System.nanoTime() > deadline || !launcher.alive()) {
                throw new IllegalStateException("The retention projection did not catch up with the schedule changes");
            }
            Thread.sleep(200);
        }
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("record_types", SHORTENED);
        schedule.put("years_from_closure", LOCAL_YEARS);
        schedule.put("authorities", authorities.size());
        schedule.put("changes_recorded", changes);
        schedule.put("seconds_until_retention_caught_up", Timings.round((System.nanoTime() - started) / 1e9));
        return schedule;
    }

    /** Whether the processor reading the projection (on its own, or with the others) has passed {@code head}. */
    private static boolean caughtUp(JdbcTemplate jdbc, String projection, long head) {
        List<byte[]> tokens = jdbc.queryForList("""
                SELECT t.token FROM tokenentry t JOIN projection_processor p ON p.processor = t.processorname
                 WHERE p.projection = ?
                """, byte[].class, projection);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> Benchmark.position(token) >= head);
    }

    private static long remaining(JdbcTemplate jdbc, List<String> children) {
        Long left = jdbc.queryForObject("SELECT count(*) FROM caseload_child WHERE child_id = ANY (?)", Long.class,
                (Object) children.toArray(String[]::new));
        return left == null ? 0 : left;
    }
}
