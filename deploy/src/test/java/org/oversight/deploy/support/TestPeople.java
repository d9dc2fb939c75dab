package org.oversight.deploy.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People a test sets up for itself: an account with one role, the demo password, one local authority and
 * optionally a team there, so that a test never depends on which authorities the demo accounts belong to.
 */
public final class TestPeople {

    private TestPeople() {
    }

    public static void team(JdbcClient jdbc, String authority, String name) {
        jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:la, :name) ON CONFLICT DO NOTHING")
                .param("la", authority).param("name", name).update();
    }

    /** An account with the demo password (copied from a demo account), working for {@code authority}. */
    public static void person(JdbcClient jdbc, String username, String role, String authority, String team) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT :u, :u, password_hash, :r, :c FROM app_user WHERE username = 'iro.ahmed'
                """).param("u", username).param("r", role).param("c", "CHAIR".equals(role) ? "IRO,CP_CHAIR" : "")
                .update();
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, :la)")
                .param("u", username).param("la", authority).update();
        if (team != null) {
            team(jdbc, authority, team);
            jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:u, :la, :t)")
                    .param("u", username).param("la", authority).param("t", team).update();
        }
    }
}
