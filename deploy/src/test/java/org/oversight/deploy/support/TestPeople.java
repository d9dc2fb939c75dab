package org.oversight.deploy.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People of a test's own, in the demo authorities (DEMO-N, DEMO-S), with the demo password: a role, an
 * authority and, for chairs and managers, a team there.
 */
public final class TestPeople {

    private final JdbcClient jdbc;

    public TestPeople(OversightTestApp app) {
        this.jdbc = app.bean(JdbcClient.class);
    }

    public TestPeople team(String authority, String name) {
        jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:la, :name) ON CONFLICT DO NOTHING")
                .param("la", authority).param("name", name).update();
        return this;
    }

    /** A person with one role in one authority, in {@code team} there unless it is {@code null}. */
    public TestPeople person(String username, String role, String authority, String team) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT :u, :u, password_hash, :r, :c FROM app_user WHERE username = 'iro.ahmed'
                """).param("u", username).param("r", role).param("c", "CHAIR".equals(role) ? "IRO,CP_CHAIR" : "")
                .update();
        return worksFor(username, authority, team);
    }

    /** Adds an authority (and a team there) to a person. */
    public TestPeople worksFor(String username, String authority, String team) {
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, :la) ON CONFLICT DO NOTHING")
                .param("u", username).param("la", authority).update();
        if (team != null) {
            team(authority, team);
            jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:u, :la, :t)")
                    .param("u", username).param("la", authority).param("t", team).update();
        }
        return this;
    }
}
