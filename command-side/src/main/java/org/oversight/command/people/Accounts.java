package org.oversight.command.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/**
 * The accounts as the deployment holds them (the tables signing in reads), which the people rules check
 * against: they include people set up before people were recorded as events, and teams that came with them.
 */
public interface Accounts {

    /** Whether anyone has this username, however their account came to be. */
    boolean exists(String username);

    /** The account as it stands, for a person set up before people were recorded as events. */
    Optional<Account> account(String username);

    /** The names of the local authority's teams. */
    List<String> teamsOf(String localAuthority);

    /**
     * How many people other than {@code username} are enabled administrators able to sign in. An implementation
     * makes concurrent callers take turns until their transactions end, so that two administrators removing
     * each other at the same moment cannot both be told the other one stays.
     */
    int otherAdministrators(String username);

    /** An account's facts; roles the service no longer knows are left out. */
    record Account(String displayName, Set<Role> roles, Set<ChairRole> chairRoles, Set<String> authorities,
            Set<Team> teams, boolean enabled) {
    }
}
