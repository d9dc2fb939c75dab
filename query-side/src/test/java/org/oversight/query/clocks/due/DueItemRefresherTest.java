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
        DueItems backlog = new DueItems(null, null, null, null, null, null, null, 1, 10) {
            @Override
            public int refreshStale(int limit) {
                return asked.incrementAndGet() <= 120 ? limit : limit / 2;
            }
        };
        try {
            DueItemRefresher refresher = new DueItemRefresher(backlog, null, null,
                    new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
            refresher.refresh();
            assertThat(asked).as("batches asked for in one run").hasValue(121);
        } finally {
            backlog.stop();
        }
    }
}
