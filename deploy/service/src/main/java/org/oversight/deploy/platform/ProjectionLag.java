package org.oversight.deploy.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * How many events each projection on this node still has to apply: the store's head position minus the
 * position of this node's slowest segment. Complements Axon's own latency gauge (milliseconds behind) with a
 * count that means something during a rebuild. Labelled by processor name only.
 */
@Component
public class ProjectionLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionLag(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("oversight.projection.lag.events", streaming, this::lag)
                        .description("Events this node's segments of the projection have yet to apply")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0))
                .map(position -> Math.max(0, headPosition - position))
                .max()
                .orElse(0);
    }
}
