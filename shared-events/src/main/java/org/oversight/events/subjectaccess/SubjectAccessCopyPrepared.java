package org.oversight.events.subjectaccess;

import java.time.LocalDate;
import java.util.List;

/**
 * The copy for a request was prepared (by the person who recorded this) from the child's history as it stood up
 * to the stored event at {@code historyThrough}, with each reviewed piece of other people's information released
 * or withheld. A copy prepared again before it is released replaces the earlier preparation.
 *
 * @param historyThrough the store's global position of the last event the copy holds, so the copy reads the same
 *                       whenever it is rendered
 */
public record SubjectAccessCopyPrepared(
        String childId,
        String requestId,
        LocalDate preparedOn,
        long historyThrough,
        List<ReviewedItem> items) {

    public SubjectAccessCopyPrepared {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
