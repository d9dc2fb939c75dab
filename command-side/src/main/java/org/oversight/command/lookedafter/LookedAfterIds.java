package org.oversight.command.lookedafter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.oversight.events.StreamIds;

/**
 * Identifiers of a child's looked-after journey and the care plan actions agreed at its reviews. The journey's
 * aggregate id differs from the child case's id because the event store is unique on aggregate id and sequence
 * across all aggregate types.
 */
public final class LookedAfterIds {

    private LookedAfterIds() {
    }

    /** The aggregate identifier of a child's looked-after journey: one per child, across all their periods. */
    public static String journeyOf(String childId) {
        return StreamIds.careOf(childId);
    }

    /**
     * The actions agreed at a review are recorded with it, in the order the IRO listed them: the review and the
     * position name each action for good, so a replayed or retried command yields the same identifiers.
     */
    public static String actionOf(String reviewId, int position) {
        String key = "oversight-care-plan-action|" + reviewId + "|" + position;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
