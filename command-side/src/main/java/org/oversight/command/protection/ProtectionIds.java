package org.oversight.command.protection;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.oversight.events.StreamIds;

/**
 * Identifiers of a child's protection journey and its plans. The journey's aggregate id differs from the child
 * case's id because the event store is unique on aggregate id and sequence across all aggregate types.
 */
public final class ProtectionIds {

    private ProtectionIds() {
    }

    /** The aggregate identifier of a child's protection journey. */
    public static String protectionOf(String childId) {
        return StreamIds.protectionOf(childId);
    }

    /** A plan starts only at a conference, and at most one per child there: the pair names it for good. */
    public static String planOf(String childId, String conferenceId) {
        String key = "oversight-plan|" + childId + "|" + conferenceId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
