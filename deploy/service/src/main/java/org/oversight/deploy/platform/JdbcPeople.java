package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oversight.command.people.Accounts;
import org.oversight.command.people.InitialPasswords;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.people.PeopleRegister;
import org.oversight.query.people.PersonOnRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Both sides' reading of the accounts tables ({@code app_user}, {@code person_authority}, {@code person_team},
 * {@code team}) for people: the command side's checks and the administrators' pages. They hold everyone,
 * including people set up before people were recorded as events. Also the one place a first password is
 * hashed and kept.
 */
@Component
public class JdbcPeople implements Accounts, InitialPasswords, PeopleRegister {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public JdbcPeople(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    @Override
    public Optional<Account> account(String username) {
        return person(username).map(p -> new Account(p.displayName(), roleSet(p.roles()),
                chairRoleSet(p.chairRoles()), new LinkedHashSet<>(p.authorities()), new LinkedHashSet<>(p.teams()),
                p.enabled()));
    }

    @Override
    public List<String> teamsOf(String localAuthority) {
        return jdbc.sql("SELECT name FROM team WHERE local_authority = :la ORDER BY name").param("la", localAuthority)
                .query(String.class).list();
    }

    /**
     * Counts after taking a transaction-scoped lock that every such check takes: the second of two concurrent
     * checks waits until the first change is committed (or rolled back) and then counts what it left.
     */
    @Override
    public int otherAdministrators(String username) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('oversight-last-administrator'))")
                .query(Integer.class).single();
        return jdbc.sql("""
                SELECT count(*) FROM app_user
                 WHERE username <> :u AND enabled AND password_hash IS NOT NULL
                   AND (',' || roles || ',') LIKE '%,ADMIN,%'
                """).param("u", username).query(Integer.class).single();
    }

    @Override
    public void set(String username, String password) {
        int updated = jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = :u AND password_hash IS NULL")
                .param("h", passwords.encode(password)).param("u", username).update();
        if (updated != 1) {
            throw new IllegalStateException("A first password can only be set for a person who has none");
        }
    }

    @Override
    public Page page(int number, int size) {
        long total = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        List<String> usernames = jdbc.sql("SELECT username FROM app_user ORDER BY display_name, username "
                        + "LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) (number - 1) * size)
                .query(String.class).list();
        return new Page(usernames.isEmpty() ? List.of() : people(usernames), number, size, total);
    }

    @Override
    public Optional<PersonOnRecord> person(String username) {
        return username == null ? Optional.empty() : people(List.of(username)).stream().findFirst();
    }

    @Override
    public Map<String, List<String>> teams() {
        Map<String, List<String>> teams = new LinkedHashMap<>();
        jdbc.sql("SELECT local_authority, name FROM team ORDER BY local_authority, name")
                .query(rs -> {
                    teams.computeIfAbsent(rs.getString(1), la -> new ArrayList<>()).add(rs.getString(2));
                });
        return teams;
    }

    /** The people named, by name, in three queries whatever their number. */
    private List<PersonOnRecord> people(List<String> only) {
        String where = " WHERE username = ANY(:u)";
        Map<String, List<String>> authorities = new HashMap<>();
        Map<String, List<Team>> teams = new HashMap<>();
        bind(jdbc.sql("SELECT username, local_authority FROM person_authority" + where
                + " ORDER BY username, local_authority"), only)
                .query(rs -> {
                    authorities.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(rs.getString(2));
                });
        bind(jdbc.sql("SELECT username, local_authority, team FROM person_team" + where
                + " ORDER BY username, local_authority, team"), only)
                .query(rs -> {
                    teams.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                            .add(new Team(rs.getString(2), rs.getString(3)));
                });
        return bind(jdbc.sql("SELECT username, display_name, roles, chair_roles, enabled, password_hash IS NOT NULL "
                + "FROM app_user" + where
                + " ORDER BY display_name, username"), only)
                .query((rs, i) -> new PersonOnRecord(rs.getString(1), rs.getString(2),
                        known(rs.getString(3), Role::valueOf, Role.class),
                        known(rs.getString(4), ChairRole::valueOf, ChairRole.class),
                        authorities.getOrDefault(rs.getString(1), List.of()),
                        teams.getOrDefault(rs.getString(1), List.of()), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<String> only) {
        return statement.param("u", only.toArray(String[]::new));
    }

    /** The values of a comma-separated column the service knows, in declaration order; others are left out. */
    private static <E extends Enum<E>> List<E> known(String csv, Function<String, E> parse, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(v -> {
                try {
                    values.add(parse.apply(v));
                } catch (IllegalArgumentException e) {
                    // a role this version does not know grants nothing here either
                }
            });
        }
        return List.copyOf(values);
    }

    private static Set<Role> roleSet(List<Role> roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        return set;
    }

    private static Set<ChairRole> chairRoleSet(List<ChairRole> roles) {
        Set<ChairRole> set = EnumSet.noneOf(ChairRole.class);
        set.addAll(roles);
        return set;
    }
}
