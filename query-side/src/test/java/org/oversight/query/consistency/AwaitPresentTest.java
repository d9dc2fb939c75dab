package org.oversight.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A page asked for a child's record after a decision waits for the child, not only for the awaited stream. */
class AwaitPresentTest {

    private final ProjectionPositions positions = new ProjectionPositions(null);

    @Test
    void keepsReadingUntilTheRecordArrives() {
        AtomicInteger reads = new AtomicInteger();

        Optional<String> found = positions.awaitPresent(
                () -> reads.incrementAndGet() < 4 ? Optional.empty() : Optional.of("child"), Duration.ofSeconds(5));

        assertThat(found).contains("child");
        assertThat(reads).hasValue(4);
    }

    @Test
    void givesUpWhenPatienceRunsOut() {
        AtomicInteger reads = new AtomicInteger();

        Optional<String> found = positions.awaitPresent(() -> {
            reads.incrementAndGet();
            return Optional.empty();
        }, Duration.ofMillis(100));

        assertThat(found).isEmpty();
        assertThat(reads.get()).isGreaterThan(1);
    }

    @Test
    void readsOnceWhenTheRecordIsThere() {
        AtomicInteger reads = new AtomicInteger();

        assertThat(positions.awaitPresent(() -> Optional.of(reads.incrementAndGet()), Duration.ofSeconds(5)))
                .contains(1);
    }
}
