package org.oversight.query.people;

import java.util.List;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/**
 * A person as the accounts tables hold them now, whether they were added here or set up before.
 *
 * @param authorities the codes of the local authorities they work for
 * @param enabled     whether they may sign in
 * @param passwordSet whether they have a password to sign in with (system accounts and people added without
 *                    one have none)
 */
public record PersonOnRecord(String username, String displayName, List<Role> roles, List<ChairRole> chairRoles,
        List<String> authorities, List<Team> teams, boolean enabled, boolean passwordSet) {

    public PersonOnRecord {
        roles = List.copyOf(roles);
        chairRoles = List.copyOf(chairRoles);
        authorities = List.copyOf(authorities);
        teams = List.copyOf(teams);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether they can sign in now. */
    public boolean canSignIn() {
        return enabled && passwordSet;
    }
}
