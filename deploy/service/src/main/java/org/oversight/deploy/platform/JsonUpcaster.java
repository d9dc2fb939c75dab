package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.oversight.events.revisions.EventRevisions;

/**
 * Carries one event's stored JSON from one revision to the next, on Jackson's tree: the shape of a step is all a
 * subclass writes. Rows stored before events had revisions are in the first shape. Steps chain: a row two
 * revisions behind passes through two of them, in the order {@link StoredEventUpcasters} lists them.
 */
public abstract class JsonUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String from;
    private final String to;

    protected JsonUpcaster(Class<?> type, String from, String to) {
        this.type = type.getName();
        this.from = from;
        this.to = to;
    }

    /** The payload in the next revision's shape, made from the previous one (which may be changed in place). */
    protected abstract ObjectNode reshape(ObjectNode previous);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation row) {
        return type.equals(row.getType().getName()) && from.equals(EventRevisions.stored(row.getType().getRevision()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation row) {
        return row.upcastPayload(new SimpleSerializedType(type, to), JsonNode.class,
                payload -> reshape((ObjectNode) payload));
    }
}
