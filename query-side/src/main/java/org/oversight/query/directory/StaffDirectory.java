package org.oversight.query.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;

/** Reference data the pages show but the query side does not own: people and local authorities. */
public interface StaffDirectory {

    /** People who can be allocated in the role, by display name. */
    List<ChairOption> chairs(ChairRole role);

    /** Local authorities the service covers: code to name, in display order. */
    Map<String, String> localAuthorities();

    Optional<String> displayName(String username);

    /**
     * The team a member of staff belongs to, if one is recorded (of several, the one their team views open on);
     * a directory without teams answers empty.
     */
    default Optional<String> teamOf(String username) {
        return Optional.empty();
    }

    /** The teams staff belong to, by name; a directory without teams answers none. */
    default List<String> teams() {
        return List.of();
    }

    /** The usernames of a team's members. */
    default List<String> membersOf(String team) {
        return List.of();
    }

    /** Every member of staff who belongs to a team, with the team (of several, as {@link #teamOf}). */
    default Map<String, String> teamOfEachMember() {
        Map<String, String> teams = new java.util.LinkedHashMap<>();
        for (String team : teams()) {
            membersOf(team).forEach(member -> teams.put(member, team));
        }
        return teams;
    }

    record ChairOption(String username, String displayName) {
    }
}
