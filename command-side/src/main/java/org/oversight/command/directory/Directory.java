package org.oversight.command.directory;

import java.util.Optional;

/**
 * Reference data the command side validates against but does not own: the people who may chair, and the
 * local authorities the service covers. The deployment supplies it (from the user store).
 */
public interface Directory {

    /** A person who can be allocated as a chair, with the roles they can act in. */
    Optional<Chair> chair(String username);

    /** A user's display name, recorded beside their username on every event they cause. */
    Optional<String> displayName(String username);

    boolean isLocalAuthority(String code);

    /**
     * Whether the person has an enabled account and works for the local authority; a directory that does not know
     * who works where answers no, so nobody is named on a restricted record on its word.
     */
    default boolean worksFor(String username, String localAuthority) {
        return false;
    }
}
