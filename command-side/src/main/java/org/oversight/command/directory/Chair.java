package org.oversight.command.directory;

import java.util.Set;
import org.oversight.events.childcase.ChairRole;

/** Someone who may be allocated to chair a child's reviews or conferences, and in which roles. */
public record Chair(String username, String displayName, Set<ChairRole> roles) {

    public boolean canActAs(ChairRole role) {
        return roles.contains(role);
    }
}
