package org.oversight.query.search;

import org.oversight.events.access.Decision;
import org.oversight.events.access.Person;

/**
 * The access rules as a search needs them (the deployment answers them from the people and the children's own
 * cases): who is searching, and whether and how they may open each child a search finds. A search lists only
 * the children the person could open.
 */
public interface SearchScope {

    /** The signed-in person. */
    Person searcher();

    /** How {@code person} may read the child's record: at once, once they say why, or not at all. */
    Decision toRead(Person person, String childId);

    /** How {@code person} may read the subject access requests about the child (a data officer's search). */
    Decision toReadSubjectAccess(Person person, String childId);
}
