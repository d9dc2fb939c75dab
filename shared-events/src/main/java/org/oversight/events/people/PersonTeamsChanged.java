package org.oversight.events.people;

import java.util.List;
import org.oversight.events.access.Team;

/**
 * An administrator changed the teams a person belongs to.
 *
 * @param username whose teams changed
 * @param teams    every team the person now belongs to, each within one of their authorities
 * @param reason   why, as the administrator put it
 */
public record PersonTeamsChanged(String username, List<Team> teams, String reason) {

    public PersonTeamsChanged {
        teams = Facts.teams(teams);
    }
}
