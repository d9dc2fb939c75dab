package org.oversight.events.access;

/** How a person stands to a child: the second axis of every access rule, after the role. */
public enum Relationship {
    /** The person is one of the child's allocated chairs. */
    ALLOCATED,
    /** The person shares a team with one of the child's allocated chairs. */
    SAME_TEAM,
    /** The child belongs to an authority the person works for, and no chair is allocated yet. */
    UNALLOCATED,
    /** The child belongs to an authority the person works for, outside their caseload and team. */
    SAME_AUTHORITY,
    /** The child belongs to an authority the person does not work for. */
    OTHER_AUTHORITY,
    /** The child's record is restricted and the person is not named on it. */
    RESTRICTED;

    /** Works out how {@code person} stands to the child described by {@code child}. */
    public static Relationship of(Person person, ChildFacts child) {
        if (!person.worksFor(child.localAuthority())) {
            return OTHER_AUTHORITY;
        }
        if (child.restricted() && !child.namedPeople().contains(person.username())) {
            return RESTRICTED;
        }
        if (child.chairs().contains(person.username())) {
            return ALLOCATED;
        }
        if (!child.allocated()) {
            return UNALLOCATED;
        }
        return person.sharesATeamWith(child.chairTeams()) ? SAME_TEAM : SAME_AUTHORITY;
    }
}
