package org.oversight.deploy.platform.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which segments of each projection are trying a failed batch again. A processor's own error flag stays down while a
 * segment fails and backs off (a segment's failure is not the coordinator's), and the segment drops out of the
 * processor's status meanwhile, so its lag looks like nothing: the projection's batches are watched here instead.
 * A segment counts as retrying from its batch's rollback until one of its batches commits, or for two minutes
 * (in case another node has taken it over and succeeded).
 */
public final class RetryingSegments {

    private static final Duration CURRENT = Duration.ofMinutes(2);
    private static final String WATCHED = RetryingSegments.class.getName() + ".watched";

    private final Map<String, Map<Integer, Instant>> failed = new ConcurrentHashMap<>();
    private final Clock clock;

    public RetryingSegments(Clock clock) {
        this.clock = clock;
    }

    /** Watches the batches of the processor: registered as one of its handler interceptors. */
    MessageHandlerInterceptor<EventMessage<?>> watching(String processor) {
        // the pooled streaming processor names each batch's segment under this key
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        return (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            Object segment = batch.getResource(segmentKey);
            if (segment instanceof Integer id && batch.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
                batch.onRollback(u -> failed.computeIfAbsent(processor, p -> new ConcurrentHashMap<>())
                        .put(id, clock.instant()));
                batch.afterCommit(u -> {
                    // a processor that never failed has no map here; an immutable empty one refuses remove
                    Map<Integer, Instant> segments = failed.get(processor);
                    if (segments != null) {
                        segments.remove(id);
                    }
                });
            }
            return chain.proceed();
        };
    }

    /** Whether a segment of the processor has failed a batch and not yet committed one since. */
    public boolean retrying(String processor) {
        Instant since = clock.instant().minus(CURRENT);
        return failed.getOrDefault(processor, Map.of()).values().stream().anyMatch(at -> at.isAfter(since));
    }
}
