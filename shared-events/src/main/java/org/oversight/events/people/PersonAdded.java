package org.oversight.events.people;

import java.util.List;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/**
 * An administrator added a person to the service. The person can sign in once a password (or another way of
 * signing in) is set for them; that is not part of the record.
 *
 * @param username    the name the person signs in with, never changed afterwards
 * @param displayName the person's name as colleagues and records show it
 * @param roles       every role the person holds
 * @param chairRoles  for a chair, the chairing roles they act in (IRO, child protection chair); empty otherwise
 * @param authorities the codes of the local authorities the person works for
 * @param teams       the teams the person belongs to, each within one of those authorities
 * @param reason      why the person was added, as the administrator put it
 */
public record PersonAdded(String username, String displayName, List<Role> roles, List<ChairRole> chairRoles,
        List<String> authorities, List<Team> teams, String reason) {

    public PersonAdded {
        roles = Facts.enums(roles);
        chairRoles = Facts.enums(chairRoles);
        authorities = Facts.codes(authorities);
        teams = Facts.teams(teams);
    }
}
