package org.oversight.command.web;

import java.util.Collection;
import org.oversight.events.access.Operation;

/**
 * The access rules for a request whose children or authority are named in its body rather than its address
 * (the address is checked before the handler runs). A child the person may not know of is answered exactly as
 * a child who is not registered, so a refusal never confirms that a record exists.
 */
public interface AccessToChildren {

    /** The request attribute that holds the reason the person gave for acting outside their own caseload. */
    String STATED_REASON = "oversight.statedReason";

    /** Refuses (403, or as "not registered") unless the signed-in person may perform the operation for each child. */
    void mayActFor(Operation operation, Collection<String> childIds, String field);

    /** Refuses (403) unless the signed-in person works for the authority. */
    void mayActIn(Operation operation, String localAuthority, String field);
}
