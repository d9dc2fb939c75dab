package org.oversight.deploy.platform.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.stereotype.Component;

/**
 * {@code oversight_dead_letters}: the events each projection has set aside, labelled by projection only. Alert on
 * it above zero; the events are listed at {@code /operations/dead-letters}. Every node that runs the projection
 * reports the same count (the queue is shared): take the maximum across nodes, not the sum.
 */
@Component
public class DeadLetterGauge implements MeterBinder {

    private final DeadLetterCounts counts;
    private final EventProcessingConfiguration processing;

    public DeadLetterGauge(DeadLetterCounts counts, EventProcessingConfiguration processing) {
        this.counts = counts;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String projection : counts.projections()) {
            if (processing.eventProcessorByProcessingGroup(projection).isEmpty()) {
                continue;
            }
            Gauge.builder("oversight.dead.letters", counts,
                            c -> c.counts().getOrDefault(projection, new DeadLetterCounts.Count(0, 0)).deadLetters())
                    .description("Events the projection could not apply and set aside; the child's later events in "
                            + "it wait behind them")
                    .tag("processor", projection)
                    .register(registry);
        }
    }
}
