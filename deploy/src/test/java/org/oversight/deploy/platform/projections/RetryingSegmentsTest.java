package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.MovableClock;

/**
 * A projection's segment is retrying from a batch that rolled back until one of its batches commits (or two
 * minutes pass): what the health endpoint reports, since the processor's own error flag does not show it.
 */
class RetryingSegmentsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSegmentIsRetryingFromARolledBackBatchUntilOneOfItsBatchesCommits() {
        RetryingSegments segments = new RetryingSegments(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(segments.retrying("protection")).isFalse();

        batch(segments, "protection", 2, true);
        assertThat(segments.retrying("protection")).isTrue();
        assertThat(segments.retrying("caseload")).isFalse();

        batch(segments, "protection", 1, false);
        assertThat(segments.retrying("protection")).as("another segment's success").isTrue();

        batch(segments, "protection", 2, false);
        assertThat(segments.retrying("protection")).isFalse();
    }

    @Test
    void aFailureOlderThanTwoMinutesNoLongerCounts() {
        MovableClock clock = MovableClock.startingNow();
        RetryingSegments segments = new RetryingSegments(clock);
        batch(segments, "protection", 0, true);
        clock.moveOn(Duration.ofSeconds(119));
        assertThat(segments.retrying("protection")).isTrue();
        clock.moveOn(Duration.ofSeconds(2));
        assertThat(segments.retrying("protection")).as("taken over and applied elsewhere, say").isFalse();
    }

    private static void batch(RetryingSegments segments, String processor, int segment, boolean fails) {
        BatchingUnitOfWork<EventMessage<?>> batch =
                new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("event")));
        batch.resources().put("Processor[" + processor + "]/SegmentId", segment);
        MessageHandlerInterceptor<EventMessage<?>> watching = segments.watching(processor);
        batch.executeWithResult(() -> {
            new DefaultInterceptorChain<>(batch, List.of(watching), message -> null).proceed();
            if (fails) {
                throw new IllegalStateException("the batch fails");
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }
}
