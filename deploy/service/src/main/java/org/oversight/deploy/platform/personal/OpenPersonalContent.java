package org.oversight.deploy.platform.personal;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The first step of every reading of stored events: opens the personal content of the row, in the revision it was
 * stored in, so that the upcasters after it reshape plain JSON and never need a key. A row whose key is destroyed
 * comes out with its personal fields marked destroyed, and is carried on by the upcasters like any other.
 */
public final class OpenPersonalContent extends SingleEventUpcaster {

    private final PersonalContent content;

    public OpenPersonalContent(PersonalContent content) {
        this.content = content;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation row) {
        return PersonalContent.classified(row.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation row) {
        return row.upcastPayload(row.getType(), JsonNode.class,
                payload -> PersonalContent.sealed(payload) ? content.open(payload.deepCopy()) : payload);
    }
}
