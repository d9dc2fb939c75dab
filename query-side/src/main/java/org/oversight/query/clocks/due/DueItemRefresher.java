package org.oversight.query.clocks.due;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through stale children in the background, a batch at a time, so everyone's due items catch up within
 * seconds of a change (and, after a rebuild of the projections, within minutes for a whole service).
 */
@Component
public class DueItemRefresher {

    static final int BATCH = 200;

    private final DueItems dueItems;

    public DueItemRefresher(DueItems dueItems) {
        this.dueItems = dueItems;
    }

    @Scheduled(fixedDelayString = "${oversight.due-items.refresh-delay:PT2S}")
    public void refresh() {
        while (dueItems.refreshStale(BATCH) == BATCH) {
            // keep going while whole batches are waiting
        }
    }
}
