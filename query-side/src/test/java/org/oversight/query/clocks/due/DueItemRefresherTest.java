package org.oversight.query.clocks.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The background's run over a backlog: it keeps asking while the batches come back whole. */
class DueItemRefresherTest {

    @Test
    void aRunKeepsGoingWhileBatchesAreWholeAndStopsAtThePartOne() {
        AtomicInteger asked = new AtomicInteger();
        // a backlog of 120 whole batches and a last part one, as after a national rebuild
        DueItems backlog = backlog(asked, 120);
        Indexes indexes = new Indexes();
        try {
            refresher(backlog, indexes).refresh();
            assertThat(asked).as("batches asked for in one run").hasValue(121);
            assertThat(indexes.setAside).as("indexes set aside after the first whole batch").hasValue(1);
            assertThat(indexes.restored).as("indexes built again once the backlog is written").hasValue(1);
        } finally {
            backlog.stop();
        }
    }

    @Test
    void aRunWithoutAWholeBatchNeverSetsTheIndexesAsideButBuildsAnyLeftAsideAgain() {
        AtomicInteger asked = new AtomicInteger();
        DueItems backlog = backlog(asked, 0);
        Indexes indexes = new Indexes();
        try {
            refresher(backlog, indexes).refresh();
            assertThat(asked).hasValue(1);
            assertThat(indexes.setAside).hasValue(0);
            assertThat(indexes.restored).hasValue(1);
        } finally {
            backlog.stop();
        }
    }

    private static DueItems backlog(AtomicInteger asked, int wholeBatches) {
        return new DueItems(null, null, null, null, null, null, null, 1, 10) {
            @Override
            public int refreshStale(int limit) {
                return asked.incrementAndGet() <= wholeBatches ? limit : limit / 2;
            }
        };
    }

    private static DueItemRefresher refresher(DueItems backlog, DueItemIndexes indexes) {
        return new DueItemRefresher(backlog, indexes, null, null,
                new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
    }

    /** Counts what the refresher asks of the indexes (against a real database: {@code DueItemIndexesIT}). */
    private static final class Indexes extends DueItemIndexes {

        final AtomicInteger setAside = new AtomicInteger();
        final AtomicInteger restored = new AtomicInteger();

        Indexes() {
            super(null, null, null, 1);
        }

        @Override
        public boolean setAsideForBacklog() {
            setAside.incrementAndGet();
            return true;
        }

        @Override
        public int restore() {
            restored.incrementAndGet();
            return 0;
        }
    }
}
