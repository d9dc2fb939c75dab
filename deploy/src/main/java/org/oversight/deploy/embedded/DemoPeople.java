package org.oversight.deploy.embedded;

import java.util.List;
import org.oversight.deploy.identity.LocalPasswords;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo accounts and local authorities, present only in the embedded profile. All of them are invented; the
 * shared password is printed in README.md and must never be used outside the embedded demo.
 */
@Component
@Profile(EmbeddedDatabase.PROFILE)
@Order(1)
public class DemoPeople implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "oversight-demo";
    public static final String LOADER = "demo.loader";

    record Person(String username, String displayName, String roles, String chairRoles, String team) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("iro.ahmed", "Aisha Ahmed", "CHAIR", "IRO", "North IRO team"),
            new Person("chair.brown", "Ben Brown", "CHAIR", "IRO,CP_CHAIR", "North IRO team"),
            new Person("chair.chen", "Chloe Chen", "CHAIR", "CP_CHAIR", "Safeguarding unit"),
            new Person("iro.okafor", "Tunde Okafor", "CHAIR", "IRO", "South IRO team"),
            new Person("auditor.davies", "Dan Davies", "AUDITOR", "", null),
            new Person("qa.evans", "Erin Evans", "QA_LEAD", "", null),
            new Person("admin.ford", "Fran Ford", "ADMIN", "", null));

    private final JdbcClient jdbc;
    private final LocalPasswords passwords;

    public DemoPeople(JdbcClient jdbc, LocalPasswords passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        upsertLocalAuthority("DEMO-N", "Northmoor Council (demo)", 1);
        upsertLocalAuthority("DEMO-S", "Southvale Borough (demo)", 2);
        String hash = passwords.hash(DEMO_PASSWORD);
        for (Person p : PEOPLE) {
            jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles, team)
                    VALUES (:u, :n, :h, :r, :c, :t) ON CONFLICT (username) DO NOTHING
                    """).param("u", p.username()).param("n", p.displayName()).param("h", hash)
                    .param("r", p.roles()).param("c", p.chairRoles()).param("t", p.team()).update();
        }
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles)
                VALUES (:u, 'Demo data loader', NULL, 'ADMIN') ON CONFLICT (username) DO NOTHING
                """).param("u", LOADER).update();
    }

    private void upsertLocalAuthority(String code, String name, int order) {
        jdbc.sql("INSERT INTO local_authority (code, name, sort_order) VALUES (:c, :n, :o) ON CONFLICT (code) DO NOTHING")
                .param("c", code).param("n", name).param("o", order).update();
    }
}
