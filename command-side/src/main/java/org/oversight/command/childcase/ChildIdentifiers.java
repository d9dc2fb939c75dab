package org.oversight.command.childcase;

/**
 * One case per child: the local authority's own identifier for a child belongs to one case only. Registering a
 * child claims it in the same transaction as the registration's event, so that of two registrations of the same
 * child, even racing each other, exactly one is recorded.
 */
public interface ChildIdentifiers {

    /**
     * Claims the authority's identifier for the case {@code childId}.
     *
     * @return false when another case already holds it (the child is registered), true when it is now the case's
     */
    boolean claim(String localAuthority, String localIdentifier, String childId);
}
