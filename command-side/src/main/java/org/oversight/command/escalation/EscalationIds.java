package org.oversight.command.escalation;

import java.util.UUID;
import org.oversight.events.StreamIds;

/**
 * Identifiers of escalations. A chair may raise several escalations about the same child, so the caller draws
 * a fresh one for each; the prefix keeps it apart from other aggregates' ids, because the event store is unique
 * on aggregate id and sequence across all aggregate types.
 */
public final class EscalationIds {

    /** The shape of an escalation id, for validating one that arrives from outside. */
    public static final String PATTERN = StreamIds.ESCALATION + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private EscalationIds() {
    }

    public static String next() {
        return StreamIds.ESCALATION + UUID.randomUUID();
    }
}
