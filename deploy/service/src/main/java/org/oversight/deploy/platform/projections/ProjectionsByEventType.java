package org.oversight.deploy.platform.projections;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A processor's projections, asked about an event only if one of their handlers takes its kind of event.
 *
 * <p>A processor that reads for several projections asks each of them, for every event and once for each segment it
 * works, whether it handles the event; each projection then asks every handler of every one of its components. With
 * eight projections read together that walk costs the rebuild more than reading the store does: a recording of the
 * launcher's rebuild put about half of the coordinator's time and a sixth of the workers' in it. Which projections
 * have a handler for a kind of event does not change while the processor runs, so it is worked out once per kind and
 * kept; for each event only those are asked, in the processor's order, and each answers exactly as it would have
 * (its handlers' checks of the message, its segment, and whether it takes part in a replay). A projection with no
 * handler for a kind of event cannot handle an event of that kind, so leaving it out changes nothing else.
 */
final class ProjectionsByEventType implements EventHandlerInvoker {

    private final MultiEventHandlerInvoker all;
    private final List<EventHandlerInvoker> projections;
    private final Map<Class<?>, List<EventHandlerInvoker>> byType = new ConcurrentHashMap<>();

    ProjectionsByEventType(MultiEventHandlerInvoker all) {
        this.all = all;
        this.projections = List.copyOf(all.delegates());
    }

    /** The projections with a handler for events of this payload type, in the processor's order. */
    List<EventHandlerInvoker> handling(Class<?> payloadType) {
        return byType.computeIfAbsent(payloadType,
                type -> projections.stream().filter(projection -> projection.canHandleType(type)).toList());
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        for (EventHandlerInvoker projection : handling(event.getPayloadType())) {
            if (takes(projection, event, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return !handling(payloadType).isEmpty();
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        for (EventHandlerInvoker projection : handling(event.getPayloadType())) {
            if (takes(projection, event, segment)) {
                projection.handle(event, segment);
            }
        }
    }

    /** As the processor's own composite decides: a replayed event goes only to a projection that can be reset. */
    private static boolean takes(EventHandlerInvoker projection, EventMessage<?> event, Segment segment) {
        return (projection.supportsReset() || !ReplayToken.isReplay(event)) && projection.canHandle(event, segment);
    }

    @Override
    public boolean supportsReset() {
        return all.supportsReset();
    }

    @Override
    public void performReset() {
        all.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        all.performReset(resetContext);
    }

    /**
     * Told to each projection, which Axon's composite does not do: a projection's dead-letter handling keeps, per
     * segment, which children it knows to have no dead letters, and must forget that when the segment goes. Another
     * node may set a child's event aside while it holds the segment; a node that took the segment back still
     * believing the child had none would apply the child's later events ahead of the one set aside.
     */
    @Override
    public void segmentReleased(Segment segment) {
        projections.forEach(projection -> projection.segmentReleased(segment));
    }

    /**
     * Axon's event processing, with every pooled processor asking its projections through {@link
     * ProjectionsByEventType}. Everything else (the processors' settings, sources, tokens, dead letters and
     * interceptors) is Axon's, as configured.
     */
    static final class Module extends EventProcessingModule {

        @Override
        protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker invoker,
                Configuration config, StreamableMessageSource<TrackedEventMessage<?>> source,
                PooledStreamingProcessorConfiguration processorConfiguration) {
            EventHandlerInvoker asked = invoker instanceof MultiEventHandlerInvoker projections
                    ? new ProjectionsByEventType(projections) : invoker;
            return super.pooledStreamingEventProcessor(name, asked, config, source, processorConfiguration);
        }
    }
}
