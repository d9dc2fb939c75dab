package org.oversight.query.people;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/** People's roles, authorities and teams in the words the pages use, never as codes. */
public final class PeopleWords {

    private final Map<String, String> authorityNames;

    public PeopleWords(Map<String, String> authorityNames) {
        this.authorityNames = authorityNames;
    }

    /** "Chair (Independent Reviewing Officer), Team manager". */
    public String roles(Collection<Role> roles, Collection<ChairRole> chairRoles) {
        if (roles.isEmpty()) {
            return "None";
        }
        return roles.stream().sorted().map(role -> role == Role.CHAIR && !chairRoles.isEmpty()
                        ? role.title() + " (" + chairRoles(chairRoles) + ")" : role.title())
                .collect(Collectors.joining(", "));
    }

    public String chairRoles(Collection<ChairRole> chairRoles) {
        return chairRoles.stream().sorted().map(ChairRole::title).collect(Collectors.joining(", "));
    }

    public String authority(String code) {
        return authorityNames.getOrDefault(code, code);
    }

    public String authorities(Collection<String> codes) {
        return codes.isEmpty() ? "None" : codes.stream().sorted().map(this::authority)
                .collect(Collectors.joining(", "));
    }

    /** "North IRO team, Northmoor Council". */
    public String team(Team team) {
        return team.name() + ", " + authority(team.localAuthority());
    }

    public List<String> teams(Collection<Team> teams) {
        return teams.stream().map(this::team).sorted().toList();
    }

    public String teamsInOneLine(Collection<Team> teams) {
        return teams.isEmpty() ? "None" : String.join("; ", teams(teams));
    }
}
