package org.oversight.events;

import java.util.List;
import java.util.Optional;

/**
 * How the event store names its streams. The command side names each aggregate's stream this way and the query
 * side finds, sequences and resets streams by the same names, so the names live here, once.
 *
 * <p>A child's case stream is named by the child's id alone; the child's protection and care streams by a prefix
 * and the child's id (the store is unique on stream and sequence across every aggregate type, so the three need
 * different names). An escalation, a local authority's settings and a person each have a stream of their own.
 */
public final class StreamIds {

    /** The child protection journey: conferences and plans. */
    public static final String PROTECTION = "protection-";

    /** The looked-after journey: periods of care, reviews and care plan actions. */
    public static final String CARE = "care-";

    /** One escalation, about one child or a sibling group. */
    public static final String ESCALATION = "escalation-";

    /** One local authority's settings. */
    public static final String POLICY = "policy-";

    /** One local authority's retention schedule. */
    public static final String RETENTION = "retention-";

    /** One person who signs in, named by their username. */
    public static final String PERSON = "person-";

    /** The teams of one local authority. */
    public static final String TEAMS = "teams-";

    /** The prefixes of the streams that belong to one child, besides the child's case stream. */
    public static final List<String> CHILD_PREFIXES = List.of(PROTECTION, CARE);

    private StreamIds() {
    }

    public static String protectionOf(String childId) {
        return PROTECTION + childId;
    }

    public static String careOf(String childId) {
        return CARE + childId;
    }

    /** Every stream that holds decisions about a child alone: the case, protection and care streams. */
    public static List<String> ofChild(String childId) {
        return List.of(childId, protectionOf(childId), careOf(childId));
    }

    /** The child whose protection or care stream this is; empty for any other stream. */
    public static Optional<String> childOf(String streamId) {
        for (String prefix : CHILD_PREFIXES) {
            if (streamId != null && streamId.startsWith(prefix) && streamId.length() > prefix.length()) {
                return Optional.of(streamId.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** Whether the stream holds one escalation. */
    public static boolean isEscalation(String streamId) {
        return streamId != null && streamId.startsWith(ESCALATION);
    }

    /** Whether the stream holds one local authority's settings. */
    public static boolean isPolicy(String streamId) {
        return streamId != null && streamId.startsWith(POLICY);
    }

    /** A SQL {@code LIKE} pattern matching every stream with this prefix. */
    public static String like(String prefix) {
        return prefix + "%";
    }
}
