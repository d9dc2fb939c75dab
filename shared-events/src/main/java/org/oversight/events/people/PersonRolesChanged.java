package org.oversight.events.people;

import java.util.List;
import org.oversight.events.access.Role;
import org.oversight.events.childcase.ChairRole;

/**
 * An administrator changed the roles a person holds.
 *
 * @param username   whose roles changed
 * @param roles      every role the person now holds (not only those added)
 * @param chairRoles the chairing roles the person now acts in; empty unless they are a chair
 * @param reason     why, as the administrator put it
 */
public record PersonRolesChanged(String username, List<Role> roles, List<ChairRole> chairRoles, String reason) {

    public PersonRolesChanged {
        roles = Facts.enums(roles);
        chairRoles = Facts.enums(chairRoles);
    }
}
