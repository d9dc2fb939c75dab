package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.deploy.access.People;
import org.oversight.events.access.Person;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Both sides' view of people and local authorities, read from the deployment's own tables. */
@Component
public class JdbcStaffDirectory implements Directory, StaffDirectory {

    private final JdbcClient jdbc;
    private final People people;

    public JdbcStaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.people = new People(jdbc);
    }

    @Override
    public Optional<Chair> chair(String username) {
        return jdbc.sql("SELECT username, display_name, chair_roles FROM app_user "
                        + "WHERE username = :username AND enabled AND (',' || roles || ',') LIKE '%,CHAIR,%'")
                .param("username", username)
                .query((rs, i) -> new Chair(rs.getString(1), rs.getString(2), chairRoles(rs.getString(3))))
                .optional();
    }

    /** Read with the signed-in person earlier in the request if it was, else from the account. */
    @Override
    public Optional<String> displayName(String username) {
        return People.displayNameRead(username).or(() -> jdbc
                .sql("SELECT display_name FROM app_user WHERE username = :username")
                .param("username", username).query(String.class).optional());
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        String[] wanted = usernames.stream().filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length > 0) {
            jdbc.sql("SELECT username, display_name FROM app_user WHERE username = ANY (:usernames::text[])")
                    .param("usernames", wanted)
                    .query(rs -> {
                        if (rs.getString(2) != null) {
                            names.put(rs.getString(1), rs.getString(2));
                        }
                    });
        }
        return names;
    }

    /**
     * A person may belong to several teams (in one or more authorities): the first by authority and name is the
     * one their team views open on.
     */
    @Override
    public Optional<String> teamOf(String username) {
        return jdbc.sql("SELECT team FROM person_team WHERE username = :username ORDER BY local_authority, team LIMIT 1")
                .param("username", username).query(String.class).optional();
    }

    /** Every team of every authority, by name; a name two authorities share is listed once. */
    @Override
    public List<String> teams() {
        return jdbc.sql("SELECT DISTINCT name FROM team ORDER BY name").query(String.class).list();
    }

    @Override
    public List<String> membersOf(String team) {
        return jdbc.sql("SELECT DISTINCT username FROM person_team WHERE team = :team ORDER BY username")
                .param("team", team).query(String.class).list();
    }

    /** Each member's first team, as {@link #teamOf}. */
    @Override
    public Map<String, String> teamOfEachMember() {
        Map<String, String> teams = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT ON (username) username, team FROM person_team "
                        + "ORDER BY username, local_authority, team")
                .query(rs -> {
                    teams.put(rs.getString(1), rs.getString(2));
                });
        return teams;
    }

    /**
     * Known without a read when the person last read in this request belongs to it (a command for the sender's own
     * authority, which the access rules have just checked); else asked of the database.
     */
    @Override
    public boolean isLocalAuthority(String code) {
        return code != null && (People.authorityKnownFromRead(code)
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM local_authority WHERE code = :code)")
                        .param("code", code).query(Boolean.class).single());
    }

    @Override
    public List<ChairOption> chairs(ChairRole role) {
        return jdbc.sql("SELECT username, display_name, chair_roles FROM app_user "
                        + "WHERE enabled AND (',' || roles || ',') LIKE '%,CHAIR,%' ORDER BY display_name")
                .query((rs, i) -> new Chair(rs.getString(1), rs.getString(2), chairRoles(rs.getString(3))))
                .list().stream()
                .filter(c -> c.canActAs(role))
                .map(c -> new ChairOption(c.username(), c.displayName()))
                .toList();
    }

    @Override
    public Map<String, String> localAuthorities() {
        Map<String, String> all = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM local_authority ORDER BY sort_order, name")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** The person as the access rules see them, so that lists are drawn exactly as the rules decide. */
    @Override
    public Optional<Person> person(String username) {
        return people.person(username);
    }

    @Override
    public boolean worksFor(String username, String localAuthority) {
        return username != null && localAuthority != null && jdbc.sql("""
                        SELECT count(*) FROM person_authority p JOIN app_user u ON u.username = p.username
                         WHERE p.username = :username AND p.local_authority = :la AND u.enabled
                        """).param("username", username).param("la", localAuthority).query(Integer.class).single() > 0;
    }

    @Override
    public List<Team> teamsIn(Collection<String> localAuthorities) {
        if (localAuthorities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT local_authority, name FROM team WHERE local_authority IN (:las) ORDER BY 1, 2")
                .param("las", new ArrayList<>(localAuthorities))
                .query((rs, i) -> new Team(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public List<String> members(Team team) {
        return jdbc.sql("SELECT username FROM person_team WHERE local_authority = :la AND team = :team ORDER BY 1")
                .param("la", team.localAuthority()).param("team", team.name()).query(String.class).list();
    }

    @Override
    public List<ChairOption> peopleOf(String localAuthority) {
        return jdbc.sql("""
                        SELECT u.username, u.display_name FROM app_user u
                          JOIN person_authority p ON p.username = u.username AND p.local_authority = :la
                         WHERE u.enabled AND u.password_hash IS NOT NULL
                         ORDER BY u.display_name, u.username
                        """).param("la", localAuthority)
                .query((rs, i) -> new ChairOption(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public List<ChairOption> chairs(ChairRole role, String localAuthority) {
        return jdbc.sql("""
                        SELECT u.username, u.display_name, u.chair_roles FROM app_user u
                          JOIN person_authority p ON p.username = u.username AND p.local_authority = :la
                         WHERE u.enabled AND (',' || u.roles || ',') LIKE '%,CHAIR,%'
                         ORDER BY u.display_name
                        """).param("la", localAuthority)
                .query((rs, i) -> new Chair(rs.getString(1), rs.getString(2), chairRoles(rs.getString(3))))
                .list().stream()
                .filter(c -> c.canActAs(role))
                .map(c -> new ChairOption(c.username(), c.displayName()))
                .toList();
    }

    private static Set<ChairRole> chairRoles(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(ChairRole.class);
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ChairRole::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ChairRole.class)));
    }
}
