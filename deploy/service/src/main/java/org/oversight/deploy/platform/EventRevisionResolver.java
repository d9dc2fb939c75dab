package org.oversight.deploy.platform;

import org.axonframework.serialization.RevisionResolver;
import org.oversight.events.revisions.EventRevisions;

/**
 * Writes each event's revision into its stored row, from the one table the published language keeps
 * ({@link EventRevisions}), so that the events themselves carry no annotation of the framework that stores them.
 * An event of the published language missing from that table is refused rather than stored without a revision
 * (its test fails first); metadata and anything else the serializer writes has no revision.
 */
public final class EventRevisionResolver implements RevisionResolver {

    private static final String EVENTS = "org.oversight.events.";

    @Override
    public String revisionOf(Class<?> payloadType) {
        return EventRevisions.of(payloadType).orElseGet(() -> {
            if (payloadType.isRecord() && payloadType.getName().startsWith(EVENTS)) {
                throw new IllegalStateException("The event " + payloadType.getSimpleName()
                        + " has no revision: add it to EventRevisions");
            }
            return null;
        });
    }
}
