package org.oversight.deploy.benchmark;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The launcher's own counters, read as an operator's monitoring reads them: from {@code /actuator/prometheus}, as an
 * administrator with a bearer token.
 */
final class OperatorMetrics {

    /** The benchmark's administrator, made from a demo account's password hash when first needed. */
    static final String ADMINISTRATOR = "bench.administrator";

    private OperatorMetrics() {
    }

    static void ensureAdministrator(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT ?, 'Benchmark administrator', password_hash, 'ADMIN', '' FROM app_user
                 WHERE username = 'chair.brown'
                ON CONFLICT (username) DO NOTHING
                """, ADMINISTRATOR);
    }

    /** Each counter's value now, summed over its tags; refused if the launcher does not have one of them. */
    static Map<String, Double> read(JdbcTemplate jdbc, LauncherProcess launcher, String password,
            List<String> counters) {
        ensureAdministrator(jdbc);
        HttpResponse<String> scraped = SessionClient.bearer(launcher.baseUrl(), ADMINISTRATOR, password)
                .getText("/actuator/prometheus");
        if (scraped.statusCode() != 200) {
            throw new IllegalStateException("The launcher's metrics answered " + scraped.statusCode());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String counter : counters) {
            List<String> lines = scraped.body().lines()
                    .filter(line -> line.startsWith(counter + " ") || line.startsWith(counter + "{")).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException("The launcher has no counter " + counter);
            }
            values.put(counter, lines.stream()
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
        }
        return values;
    }
}
