package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Which events a projection applies on their own: none until a batch fails; then the events in that batch's span of
 * the store, in that projection only; and always the retries of dead letters (outside a processor's batch).
 */
class FailureIsolationTest {

    private final FailureIsolation isolation = new FailureIsolation(null, null);

    @Test
    void eventsAreAppliedWithTheirBatchUntilABatchFails() {
        assertThat(isolatedInBatch("protection", at(10))).isFalse();
    }

    @Test
    void afterAFailedBatchTheEventsItSpannedAreAppliedOnTheirOwnAndOthersWithTheirBatch() {
        isolation.batchFailed("protection", List.of(at(11), at(12), at(15)));

        assertThat(isolatedInBatch("protection", at(11))).isTrue();
        assertThat(isolatedInBatch("protection", at(13))).as("another segment's event in the span").isTrue();
        assertThat(isolatedInBatch("protection", at(15))).isTrue();
        assertThat(isolatedInBatch("protection", at(16))).as("after the span").isFalse();
        assertThat(isolatedInBatch("protection", at(3))).as("before the span, as in a rebuild").isFalse();
        assertThat(isolatedInBatch("caseload", at(12))).as("another projection").isFalse();
    }

    @Test
    void severalFailedBatchesAreRememberedAtOnce() {
        isolation.batchFailed("protection", List.of(at(40), at(44)));
        isolation.batchFailed("protection", List.of(at(20)));

        assertThat(isolatedInBatch("protection", at(44))).isTrue();
        assertThat(isolatedInBatch("protection", at(20))).isTrue();
        assertThat(isolatedInBatch("protection", at(30))).isFalse();
    }

    @Test
    void retriesOfDeadLettersAreAlwaysAppliedOnTheirOwn() {
        AtomicBoolean isolated = new AtomicBoolean();
        DefaultUnitOfWork.startAndGet(at(1)).execute(() -> isolated.set(isolation.isolates("protection", at(1))));
        assertThat(isolated).isTrue();
        assertThat(isolation.isolates("protection", at(1))).as("outside any unit of work").isTrue();
    }

    private boolean isolatedInBatch(String processor, TrackedEventMessage<?> event) {
        AtomicBoolean isolated = new AtomicBoolean();
        new BatchingUnitOfWork<>(List.of(event)).execute(() -> isolated.set(isolation.isolates(processor, event)));
        return isolated.get();
    }

    private static TrackedEventMessage<?> at(long position) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                GenericEventMessage.asEventMessage("event " + position));
    }
}
