package org.oversight.events.people;

import java.util.List;
import org.oversight.events.access.Team;

/**
 * An administrator changed the local authorities a person works for. A person belongs to teams only within
 * their authorities, so leaving an authority leaves its teams too: {@code teams} says which the person keeps.
 *
 * @param username    whose authorities changed
 * @param authorities every authority the person now works for
 * @param teams       the teams the person still belongs to afterwards
 * @param reason      why, as the administrator put it
 */
public record PersonAuthoritiesChanged(String username, List<String> authorities, List<Team> teams, String reason) {

    public PersonAuthoritiesChanged {
        authorities = Facts.codes(authorities);
        teams = Facts.teams(teams);
    }
}
