package org.oversight.events.access;

import java.util.Set;

/**
 * A signed-in person as the access rules see them: their roles, the local authorities they work for and the
 * teams they belong to there.
 */
public record Person(String username, Set<Role> roles, Set<String> authorities, Set<Team> teams) {

    public Person {
        roles = Set.copyOf(roles);
        authorities = Set.copyOf(authorities);
        teams = Set.copyOf(teams);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean worksFor(String localAuthority) {
        return localAuthority != null && authorities.contains(localAuthority);
    }

    /** Shares a team with any of {@code others} (teams of the same name in another authority do not count). */
    public boolean sharesATeamWith(Set<Team> others) {
        return others.stream().anyMatch(teams::contains);
    }
}
