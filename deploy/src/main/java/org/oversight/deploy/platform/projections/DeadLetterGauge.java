package org.oversight.deploy.platform.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code oversight_dead_letters}: the events each projection has set aside, labelled by projection only. Alert on
 * it above zero; the events are listed at {@code /operations/dead-letters}.
 */
@Component
public class DeadLetterGauge implements MeterBinder {

    private final DeadLetterCounts counts;

    public DeadLetterGauge(DeadLetterCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String projection : counts.projections()) {
            Gauge.builder("oversight.dead.letters", counts,
                            c -> c.counts().getOrDefault(projection, new DeadLetterCounts.Count(0, 0)).deadLetters())
                    .description("Events the projection could not apply and set aside; the child's later events in "
                            + "it wait behind them")
                    .tag("processor", projection)
                    .register(registry);
        }
    }
}
