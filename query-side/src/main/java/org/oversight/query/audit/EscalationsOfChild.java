package org.oversight.query.audit;

import java.util.List;

/**
 * The escalations ever raised about a child, alone or in a sibling group: streams that hold decisions about the
 * child beside the child's own. Kept by the escalations read model, which implements this (it already depends on
 * this package, so it cannot be asked directly).
 */
public interface EscalationsOfChild {

    /** The escalations' ids, which are their streams' aggregate identifiers, in order. */
    List<String> idsOfChild(String childId);
}
