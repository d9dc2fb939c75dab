package org.oversight.command.childcase;

import java.util.Optional;

/**
 * Which local authority a registered child belongs to, for decisions outside the child's own case that must
 * name registered children (an escalation about a sibling group, for one).
 */
public interface ChildRegister {

    /** The child's local authority, or empty when no child is registered under the id. */
    Optional<String> localAuthorityOf(String childId);
}
