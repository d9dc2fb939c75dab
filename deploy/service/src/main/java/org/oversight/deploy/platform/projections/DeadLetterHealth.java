package org.oversight.deploy.platform.projections;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The projections on the health endpoint: {@code DEGRADED} while any has set events aside or is trying a failed
 * batch again, with counts per projection and nothing else. The service still serves every other child, so the
 * status answers 200 and readiness stays {@code UP} (its group holds only the readiness state); liveness is not
 * concerned. The status's order and HTTP code are set in application.yml.
 */
@Component("projectionsHealthIndicator")
public class DeadLetterHealth implements HealthIndicator {

    /** Working, but not for everything: some child's events are held up in a projection. */
    public static final Status DEGRADED = new Status("DEGRADED",
            "A projection has set events aside or is applying a failed batch again");

    private final DeadLetterCounts counts;
    private final RetryingSegments retrying;
    private final EventProcessingConfiguration processing;

    public DeadLetterHealth(DeadLetterCounts counts, RetryingSegments retrying,
            EventProcessingConfiguration processing) {
        this.counts = counts;
        this.retrying = retrying;
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, DeadLetterCounts.Count> entry : counts.counts().entrySet()) {
            Optional<EventProcessor> processor = processing.eventProcessorByProcessingGroup(entry.getKey());
            if (processor.isEmpty()) {
                // not run on this node (the command service runs none): its dead letters are the query nodes' to show
                continue;
            }
            // a failed batch is its processor's: every projection it reads for waits for it
            boolean retrying = this.retrying.retrying(processor.get().getName()) || processor.get().isError();
            DeadLetterCounts.Count count = entry.getValue();
            degraded |= count.deadLetters() > 0 || retrying;
            details.put(entry.getKey(), Map.of("deadLetters", count.deadLetters(), "sequencesHeldUp",
                    count.sequences(), "retryingFailedBatch", retrying));
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
    }
}
