package org.oversight.deploy.platform.projections;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.oversight.events.StreamIds;

/**
 * Puts a child's events in one sequence across all of the child's streams: the child case stream is named by the
 * child's id, the child protection and care streams by a prefix and the child's id. A projection processor applies
 * one sequence's events in order, on one segment; and when one of a child's events is set aside as a dead letter,
 * the child's later events in that processor wait behind it while every other child keeps flowing.
 *
 * <p>An escalation is a sequence of its own: only its raise names its children (one, or a sibling group), its later
 * steps name only the escalation, and the escalations projection folds each escalation from its own steps. A local
 * authority's settings are a sequence of their own too. Anything else is sequenced by its stream, or alone.
 */
public final class ChildSequencing implements SequencingPolicy<EventMessage<?>> {

    /** The streams named by a prefix and the child's id; shared with how the command side names them. */
    static final List<String> CHILD_STREAM_PREFIXES = StreamIds.CHILD_PREFIXES;

    /** Streams that are not one child's. */
    static final List<String> OWN_SEQUENCE_PREFIXES = List.of(StreamIds.ESCALATION, StreamIds.POLICY);

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return of(domain.getAggregateIdentifier());
        }
        return event.getIdentifier();
    }

    /** The sequence of an event recorded in this stream: the child's id, or the stream's own id. */
    static String of(String aggregateId) {
        for (String prefix : OWN_SEQUENCE_PREFIXES) {
            if (aggregateId.startsWith(prefix)) {
                return aggregateId;
            }
        }
        for (String prefix : CHILD_STREAM_PREFIXES) {
            if (aggregateId.startsWith(prefix) && aggregateId.length() > prefix.length()) {
                return aggregateId.substring(prefix.length());
            }
        }
        return aggregateId;
    }
}
