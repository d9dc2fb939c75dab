package org.oversight.events.people;

import java.util.List;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/**
 * A person whose account was set up before changes to people were recorded as events (a deployment's existing
 * accounts, the embedded demo's) is recorded as the account stood, the first time an administrator changes
 * them. It opens the person's history, so that every later change reads against what was there before; the
 * change that prompted it follows it in the same stream, with its own reason.
 *
 * @param username    the name the person signs in with
 * @param displayName the person's name as it stood
 * @param roles       the roles the account held (any the service no longer knows are left out)
 * @param chairRoles  the chairing roles the account held
 * @param authorities the local authorities the person worked for
 * @param teams       the teams the person belonged to
 * @param enabled     whether the person could sign in
 */
public record ExistingPersonRecorded(String username, String displayName, List<Role> roles,
        List<ChairRole> chairRoles, List<String> authorities, List<Team> teams, boolean enabled) {

    public ExistingPersonRecorded {
        roles = Facts.enums(roles);
        chairRoles = Facts.enums(chairRoles);
        authorities = Facts.codes(authorities);
        teams = Facts.teams(teams);
    }
}
