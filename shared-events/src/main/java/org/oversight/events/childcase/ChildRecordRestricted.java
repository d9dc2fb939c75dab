package org.oversight.events.childcase;

import java.util.List;

/**
 * A child's record was restricted to named people (a staff member's child, a high-profile case): from now on only
 * they see it, and to everyone else it appears in no list, search or page, though it still counts in aggregate
 * figures and returns. Recorded again while restricted, it replaces the people named: each such event carries the
 * whole list, never a change to look up elsewhere.
 *
 * @param childId     the child's case
 * @param namedPeople the usernames of everyone who may still see the record, the person restricting it among them
 * @param reason      why, in the restricting person's words
 */
public record ChildRecordRestricted(
        String childId,
        List<String> namedPeople,
        String reason) {

    public ChildRecordRestricted {
        namedPeople = namedPeople == null ? List.of() : List.copyOf(namedPeople);
    }
}
