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
    private static final int CLIENTS = 8;

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
        jdbc.update("""
                INSERT INTO person_authority (username, local_authority) SELECT ?, code FROM local_authority
                ON CONFLICT DO NOTHING
                """, OFFICER);
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
        result.put("children_in_caseloads", everyChild);
        result.put("records_due", due.size());
        result.put("children_destroyed", chosen.size());
        result.put("errors", errors.get());
        result.put("decisions", timings.summary());
        result.put("decisions_seconds", Timings.round((decided - started) / 1e9));
        result.put("until_projections_forgot_seconds", Timings.round((forgotten - started) / 1e9));
        result.put("left_in_projections", chosen.isEmpty() ? 0 : remaining(jdbc, chosen));
        return result;
    }

    private static long remaining(JdbcTemplate jdbc, List<String> children) {
        Long left = jdbc.queryForObject("SELECT count(*) FROM caseload_child WHERE child_id = ANY (?)", Long.class,
                (Object) children.toArray(String[]::new));
        return left == null ? 0 : left;
    }
}
