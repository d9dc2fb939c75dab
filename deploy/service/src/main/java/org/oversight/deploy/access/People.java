package org.oversight.deploy.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People as the access rules see them, read from the accounts (app_user) and their memberships
 * (person_authority, person_team). A disabled or unknown account is nobody: every rule refuses it.
 */
@Component
public class People {

    /**
     * The request attribute under which {@link #person} leaves what it read for the current request: the person and
     * their account's display name, so that both the name and the person's authorities can be answered without a
     * second read.
     */
    private static final String READ = People.class.getName() + ".read";

    private final JdbcClient jdbc;

    public People(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person with an enabled account, their memberships read with the account in one statement. Within a
     * request, the person read and the account's display name read by the same statement are kept for
     * {@link #displayNameRead} and {@link #authorityKnownFromRead}, so that the command the request sends is stamped
     * with the name, and the person's authorities are known, without a second read of the account.
     */
    public Optional<Person> person(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        // the team arrays are in the same order, so that each authority stays with its team
        Optional<Read> read = jdbc.sql("""
                        SELECT u.roles,
                               ARRAY(SELECT a.local_authority FROM person_authority a WHERE a.username = u.username),
                               ARRAY(SELECT t.local_authority FROM person_team t WHERE t.username = u.username
                                      ORDER BY t.local_authority, t.team),
                               ARRAY(SELECT t.team FROM person_team t WHERE t.username = u.username
                                      ORDER BY t.local_authority, t.team),
                               u.display_name
                          FROM app_user u WHERE u.username = :u AND u.enabled
                        """).param("u", username)
                .query((rs, i) -> {
                    Set<String> authorities = new HashSet<>(List.of((String[]) rs.getArray(2).getArray()));
                    String[] teamAuthorities = (String[]) rs.getArray(3).getArray();
                    String[] teamNames = (String[]) rs.getArray(4).getArray();
                    Set<Team> teams = new HashSet<>();
                    for (int t = 0; t < teamNames.length; t++) {
                        teams.add(new Team(teamAuthorities[t], teamNames[t]));
                    }
                    return new Read(new Person(username, roles(rs.getString(1)), authorities, teams),
                            rs.getString(5));
                })
                .optional();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && read.isPresent()) {
            request.setAttribute(READ, read.get(), RequestAttributes.SCOPE_REQUEST);
        }
        return read.map(Read::person);
    }

    /**
     * The display name of {@code username} as {@link #person} read it earlier in the current request; empty when
     * it read no one of that name in this request (or there is no request), and the caller reads the account.
     */
    public static Optional<String> displayNameRead(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof Read read
                && read.person().username().equals(username) ? Optional.of(read.displayName()) : Optional.empty();
    }

    /**
     * Whether the person {@link #person} read last in the current request (the signed-in person, unless someone
     * else was read after them) belongs to {@code localAuthority}. A membership refers to an authority Oversight
     * serves, and authorities are never removed, so such an authority exists without asking the database, whoever
     * the member is; {@code false} says only that this request's read cannot tell.
     */
    public static boolean authorityKnownFromRead(String localAuthority) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return localAuthority != null && request != null
                && request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof Read read
                && read.person().authorities().contains(localAuthority);
    }

    /** A person and their account's display name (never null), as one statement read them. */
    private record Read(Person person, String displayName) {
    }

    /** The teams, within {@code localAuthority}, of any of the given people. */
    public Set<Team> teamsOf(Collection<String> usernames, String localAuthority) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        List<String> names = new ArrayList<>(usernames);
        return new HashSet<>(jdbc.sql("""
                        SELECT local_authority, team FROM person_team
                         WHERE local_authority = :la AND username IN (:names)
                        """).param("la", localAuthority).param("names", names)
                .query((rs, i) -> new Team(rs.getString(1), rs.getString(2))).list());
    }

    /** Roles as stored, comma-separated; a name no longer in use grants nothing. */
    static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(r -> {
            for (Role role : Role.values()) {
                if (role.name().equals(r)) {
                    roles.add(role);
                }
            }
        });
        return roles;
    }
}
