package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.revisions.EventRevisions;

/**
 * Revision 1 to 2 of {@link PlacementChanged}: a change of placement says whether the child moved to another carer,
 * which tells the SSDA903 episode's reason {@code P} from {@code T}. A move stored before the question was asked
 * said nothing about it, and reads as not said ({@code null}): nobody answered, so nothing is made up; the return
 * lists such episodes for the authority to check.
 */
final class CarerChangeAdded extends JsonUpcaster {

    static final String FIELD = "carerChanged";

    CarerChangeAdded() {
        super(PlacementChanged.class, EventRevisions.FIRST, "2");
    }

    @Override
    protected ObjectNode reshape(ObjectNode previous) {
        if (!previous.has(FIELD)) {
            previous.putNull(FIELD);
        }
        return previous;
    }
}
