package org.oversight.deploy.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people's accounts as sign-in through a provider and bearer tokens see them: who exists, in which roles,
 * and, when the provider's claims are the source, the writing of those claims to Oversight's own tables
 * ({@code app_user}, {@code person_authority}, {@code person_team}), all or nothing.
 */
@Component
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** The longest username {@code app_user} holds. */
    public static final int USERNAME_LENGTH = 100;
    private static final int NAME_LENGTH = 200;
    private static final int TEAM_LENGTH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public Accounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An account: its roles as kept (comma-separated) and whether it may be used. */
    public record Account(String username, String roles, boolean enabled) {

        /**
         * Whether the account holds a role Oversight knows: one whose roles are all names it does not know (a role
         * since retired, say) has no rights, and is refused at sign-in as a bearer token naming it is.
         */
        public boolean hasRole() {
            return Roles.anyKnown(roles);
        }
    }

    /** A team within one of the person's local authorities. */
    public record Team(String localAuthority, String name) {
    }

    /** Who a provider says a person is, and what it says they do. */
    public record ClaimedPerson(String username, String displayName, String roles, String chairRoles,
            List<String> localAuthorities, List<Team> teams) {
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, roles, enabled FROM app_user WHERE username = :username")
                .param("username", username)
                .query((rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /**
     * Writes what the provider claims about a person: their name, roles and chairing roles, the local authorities
     * they belong to (only those Oversight serves) and their teams there (a team first named here is added to
     * its authority). An account an administrator has disabled stays disabled and is not changed, and a person
     * the provider gives no role is given no account. Answers the account as it now stands.
     */
    public Account recordClaims(ClaimedPerson person) {
        if (person.username().length() > USERNAME_LENGTH) {
            throw new IllegalArgumentException("A username longer than " + USERNAME_LENGTH + " characters");
        }
        return transaction.execute(status -> {
            Optional<Boolean> enabled = jdbc.sql("SELECT enabled FROM app_user WHERE username = :username FOR UPDATE")
                    .param("username", person.username()).query(Boolean.class).optional();
            if (enabled.isPresent() && !enabled.get()) {
                return new Account(person.username(), "", false);
            }
            if (enabled.isEmpty() && person.roles().isEmpty()) {
                // nobody is given an account for holding no role; one who had roles keeps the account, without them
                return new Account(person.username(), "", true);
            }
            Set<String> authorities = served(person.localAuthorities());
            List<Team> teams = person.teams().stream()
                    .filter(team -> authorities.contains(team.localAuthority()))
                    .map(team -> new Team(team.localAuthority(), truncate(team.name(), TEAM_LENGTH)))
                    .distinct().toList();
            jdbc.sql("""
                            INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles, team)
                            VALUES (:username, :name, NULL, :roles, :chairRoles, :team)
                            ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name,
                                roles = EXCLUDED.roles, chair_roles = EXCLUDED.chair_roles, team = EXCLUDED.team
                            """)
                    .param("username", person.username())
                    .param("name", truncate(person.displayName(), NAME_LENGTH))
                    .param("roles", person.roles()).param("chairRoles", person.chairRoles())
                    .param("team", teams.isEmpty() ? null : teams.get(0).name())
                    .update();
            jdbc.sql("DELETE FROM person_authority WHERE username = :username").param("username", person.username())
                    .update();
            for (String authority : authorities) {
                jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:username, :authority)")
                        .param("username", person.username()).param("authority", authority).update();
            }
            for (Team team : teams) {
                jdbc.sql("INSERT INTO team (local_authority, name) VALUES (:authority, :team) ON CONFLICT DO NOTHING")
                        .param("authority", team.localAuthority()).param("team", team.name()).update();
                jdbc.sql("INSERT INTO person_team (username, local_authority, team) VALUES (:username, :authority, "
                                + ":team)")
                        .param("username", person.username()).param("authority", team.localAuthority())
                        .param("team", team.name()).update();
            }
            return new Account(person.username(), person.roles(), true);
        });
    }

    /** Of the claimed authority codes, those Oversight serves; the others are named (codes only) in the log. */
    private Set<String> served(List<String> claimed) {
        Set<String> wanted = new LinkedHashSet<>(claimed);
        if (wanted.isEmpty()) {
            return wanted;
        }
        Set<String> served = new LinkedHashSet<>(jdbc.sql("SELECT code FROM local_authority WHERE code IN (:codes)")
                .param("codes", List.copyOf(wanted)).query(String.class).list());
        Set<String> ordered = new LinkedHashSet<>();
        for (String code : wanted) {
            if (served.contains(code)) {
                ordered.add(code);
            } else {
                LOG.warn("A sign-in named the local authority code {}, which Oversight does not serve; ignored",
                        code.replaceAll("[^A-Za-z0-9_-]", "?"));
            }
        }
        return ordered;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
