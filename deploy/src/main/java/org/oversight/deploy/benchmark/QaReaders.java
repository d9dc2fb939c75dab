package org.oversight.deploy.benchmark;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The QA leads the reads at size sign in as. A QA lead sees only their own authorities, so the demo's QA lead,
 * who works for the demo authorities alone, would be answered 404 for a generated team or child and would read
 * an empty dashboard: these work for the generated authorities instead, one for the authorities the measured
 * chair and the long history belong to, and one for every authority (the widest dashboard there can be).
 */
final class QaReaders {

    static final String LOCAL = "bench.reads.qa";
    static final String EVERY_AUTHORITY = "bench.reads.qa.all";

    private QaReaders() {
    }

    /** A QA lead of exactly these authorities, signing in with the demo chair's password. */
    static void ofAuthorities(JdbcTemplate jdbc, String username, List<String> authorities) {
        person(jdbc, username);
        jdbc.update("DELETE FROM person_authority WHERE username = ?", username);
        for (String authority : authorities) {
            jdbc.update("INSERT INTO person_authority (username, local_authority) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", username, authority);
        }
    }

    /** A QA lead of every authority. */
    static void ofEveryAuthority(JdbcTemplate jdbc, String username) {
        person(jdbc, username);
        jdbc.update("""
                INSERT INTO person_authority (username, local_authority) SELECT ?, code FROM local_authority
                ON CONFLICT DO NOTHING
                """, username);
    }

    private static void person(JdbcTemplate jdbc, String username) {
        jdbc.update("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT ?, 'Benchmark QA lead', password_hash, 'QA_LEAD', '' FROM app_user
                 WHERE username = 'chair.brown'
                ON CONFLICT (username) DO NOTHING
                """, username);
    }
}
