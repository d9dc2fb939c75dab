package org.oversight.events.access;

import java.util.Set;

/**
 * What the access rules need to know of a child, as recorded: the authority responsible for them now, the
 * chairs allocated to them and those chairs' teams, and whether the record is restricted to named people.
 */
public record ChildFacts(String childId, String localAuthority, Set<String> chairs, Set<Team> chairTeams,
        boolean restricted, Set<String> namedPeople) {

    public ChildFacts {
        chairs = Set.copyOf(chairs);
        chairTeams = Set.copyOf(chairTeams);
        namedPeople = Set.copyOf(namedPeople);
    }

    public boolean allocated() {
        return !chairs.isEmpty();
    }
}
