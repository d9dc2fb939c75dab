package org.oversight.events;

/**
 * Metadata keys that every stored event carries besides its payload. The recording user comes from the
 * security context at the moment a command is accepted, never from the request body.
 */
public final class RecordedBy {

    /** The username of the person whose action recorded the event. */
    public static final String USERNAME = "recordedBy";

    /** That person's display name as it stood when they recorded the event (for audit trails). */
    public static final String DISPLAY_NAME = "recordedByName";

    /** The server-clock instant (ISO-8601) at which the command that produced the event was accepted. */
    public static final String RECORDED_AT = "recordedAt";

    /** Ties together every event caused by one user action; also Axon's own correlation key. */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * Why the person recorded a decision for a child outside their own caseload (covering for a colleague in
     * the team), in their own words; absent for a chair's own children.
     */
    public static final String STATED_REASON = "statedReason";

    private RecordedBy() {
    }
}
