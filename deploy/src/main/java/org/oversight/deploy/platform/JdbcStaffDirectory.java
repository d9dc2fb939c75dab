package org.oversight.deploy.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Both sides' view of people and local authorities, read from the deployment's own tables. */
@Component
public class JdbcStaffDirectory implements Directory, StaffDirectory {

    private final JdbcClient jdbc;

    public JdbcStaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chair> chair(String username) {
        return jdbc.sql("SELECT username, display_name, chair_roles FROM app_user "
                        + "WHERE username = :username AND enabled AND (',' || roles || ',') LIKE '%,CHAIR,%'")
                .param("username", username)
                .query((rs, i) -> new Chair(rs.getString(1), rs.getString(2), chairRoles(rs.getString(3))))
                .optional();
    }

    @Override
    public Optional<String> displayName(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = :username")
                .param("username", username).query(String.class).optional();
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

    @Override
    public boolean isLocalAuthority(String code) {
        return code != null && jdbc.sql("SELECT count(*) FROM local_authority WHERE code = :code")
                .param("code", code).query(Integer.class).single() > 0;
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

    private static Set<ChairRole> chairRoles(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(ChairRole.class);
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ChairRole::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ChairRole.class)));
    }
}
