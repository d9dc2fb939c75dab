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

    /**
     * A demo account: its team (if any) lies in the first of its authorities. Every role is represented, in
     * Northmoor (DEMO-N) and Southvale (DEMO-S); the four first chairs keep the names the tests know them by.
     */
    record Person(String username, String displayName, String roles, String chairRoles, String team,
            List<String> authorities) {
    }

    private static final List<String> NORTHMOOR = List.of("DEMO-N");
    private static final List<String> SOUTHVALE = List.of("DEMO-S");
    private static final List<String> BOTH = List.of("DEMO-N", "DEMO-S");

    static final List<Person> PEOPLE = List.of(
            new Person("iro.ahmed", "Aisha Ahmed", "CHAIR", "IRO", "North IRO team", NORTHMOOR),
            // Ben Brown and Tunde Okafor also cover Southvale, where they register and chair children too
            new Person("chair.brown", "Ben Brown", "CHAIR", "IRO,CP_CHAIR", "North IRO team", BOTH),
            new Person("chair.chen", "Chloe Chen", "CHAIR", "CP_CHAIR", "Safeguarding unit", NORTHMOOR),
            new Person("iro.okafor", "Tunde Okafor", "CHAIR", "IRO", "South IRO team", BOTH),
            new Person("manager.hughes", "Hana Hughes", "TEAM_MANAGER", "", "North IRO team", NORTHMOOR),
            new Person("auditor.davies", "Dan Davies", "AUDITOR", "", null, NORTHMOOR),
            new Person("qa.evans", "Erin Evans", "QA_LEAD", "", null, BOTH),
            new Person("data.iqbal", "Imran Iqbal", "DATA_OFFICER", "", null, NORTHMOOR),
            new Person("iro.nowak", "Marta Nowak", "CHAIR", "IRO", "Southvale reviewing team", SOUTHVALE),
            new Person("chair.quinn", "Sean Quinn", "CHAIR", "IRO,CP_CHAIR", "Southvale reviewing team", SOUTHVALE),
            new Person("manager.reid", "Rosa Reid", "TEAM_MANAGER", "", "Southvale reviewing team", SOUTHVALE),
            new Person("qa.shah", "Nadia Shah", "QA_LEAD", "", null, SOUTHVALE),
            new Person("admin.ford", "Fran Ford", "ADMIN", "", null, BOTH),
            new Person("regional.taylor", "Tom Taylor", "REGIONAL_VIEWER", "", null, BOTH));

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
            placeInAuthoritiesAndTeam(p);
        }
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles)
                VALUES (:u, 'Demo data loader', NULL, 'ADMIN') ON CONFLICT (username) DO NOTHING
                """).param("u", LOADER).update();
    }

    /**
     * Places a demo person in their authorities and team, once: only while they have no authority and no change
     * of theirs has been recorded, so that what an administrator changes in the demo stays changed.
     */
    private void placeInAuthoritiesAndTeam(Person p) {
        boolean unplaced = jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM person_authority WHERE username = :u)
                   AND NOT EXISTS (SELECT 1 FROM domainevententry WHERE aggregateidentifier = 'person-' || :u)
                """).param("u", p.username()).query(Boolean.class).single();
        if (!unplaced) {
            return;
        }
        for (String authority : p.authorities()) {
            jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, :la)")
                    .param("u", p.username()).param("la", authority).update();
        }
        if (p.team() != null) {
            String authority = p.authorities().get(0);
            jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:la, :t) ON CONFLICT DO NOTHING")
                    .param("la", authority).param("t", p.team()).update();
            jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:u, :la, :t)")
                    .param("u", p.username()).param("la", authority).param("t", p.team()).update();
        }
    }

    private void upsertLocalAuthority(String code, String name, int order) {
        jdbc.sql("INSERT INTO local_authority (code, name, sort_order) VALUES (:c, :n, :o) ON CONFLICT (code) DO NOTHING")
                .param("c", code).param("n", name).param("o", order).update();
    }
}
