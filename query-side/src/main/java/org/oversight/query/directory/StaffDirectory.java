package org.oversight.query.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.access.Person;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/** Reference data the pages show but the query side does not own: people and local authorities. */
public interface StaffDirectory {

    /** People who can be allocated in the role, by display name. */
    List<ChairOption> chairs(ChairRole role);

    /** Local authorities the service covers: code to name, in display order. */
    Map<String, String> localAuthorities();

    Optional<String> displayName(String username);

    /**
     * The display names of these people, by username, for a read of many records at once; a person without one
     * is left out, as {@link #displayName} answers empty for them. A directory that can look them all up at once
     * does so.
     */
    default Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        for (String username : new HashSet<>(usernames)) {
            if (username != null) {
                displayName(username).ifPresent(name -> names.put(username, name));
            }
        }
        return names;
    }

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

    /**
     * A person with an enabled account, with their roles, the local authorities they work for and their teams
     * there: what every list they read is drawn within. Empty for an unknown or disabled account.
     */
    default Optional<Person> person(String username) {
        return Optional.empty();
    }

    /** The teams of these local authorities, by authority and name. */
    default List<Team> teamsIn(Collection<String> localAuthorities) {
        return List.of();
    }

    /** The usernames of a team's members, within the team's own authority. */
    default List<String> members(Team team) {
        return List.of();
    }

    /** Everyone with an enabled account who works for the local authority, by display name. */
    default List<ChairOption> peopleOf(String localAuthority) {
        return List.of();
    }

    /** People who can be allocated in the role and work for the local authority, by display name. */
    default List<ChairOption> chairs(ChairRole role, String localAuthority) {
        return List.of();
    }

    record ChairOption(String username, String displayName) {
    }
}
