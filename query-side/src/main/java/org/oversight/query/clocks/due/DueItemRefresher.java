package org.oversight.query.clocks.due;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.oversight.query.calendar.StatutoryCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through stale children in the background, a batch at a time, so everyone's due items catch up within
 * seconds of a change (and, after a rebuild of the projections, a whole service's backlog in chunks: each chunk of
 * children is read in one query a table and written in a few statements, never a round trip per child).
 */
@Component
public class DueItemRefresher {

    /**
     * How long one run keeps going while there are whole batches (a chunk for each of {@link DueItems}' workers),
     * before it gives the scheduler its thread back until the next run. Whether the projections are catching up is
     * asked before every batch.
     */
    static final Duration RUN = Duration.ofMinutes(1);

    private final DueItems dueItems;
    private final DueItemIndexes indexes;
    private final StatutoryCalendar calendar;
    private final JdbcClient jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public DueItemRefresher(DueItems dueItems, DueItemIndexes indexes, StatutoryCalendar calendar, JdbcClient jdbc,
            ObjectProvider<EventProcessingConfiguration> processing) {
        this.dueItems = dueItems;
        this.indexes = indexes;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /**
     * Rereads the bank holidays (an administrator may have added some) and, when the calendar is not the one the
     * due items were worked out under, marks every child to be worked out again.
     */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "${oversight.due-items.calendar-check:PT10M}")
    public void checkCalendar() {
        String fingerprint = calendar.reload().fingerprint();
        String workedOutUnder = jdbc.sql("SELECT fingerprint FROM due_item_calendar WHERE id = 1")
                .query(String.class).optional().orElse(null);
        if (!fingerprint.equals(workedOutUnder)) {
            dueItems.markAll();
            jdbc.sql("""
                    INSERT INTO due_item_calendar (id, fingerprint) VALUES (1, :fingerprint)
                    ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint
                    """).param("fingerprint", fingerprint).update();
        }
    }

    /**
     * Keeps going while whole batches are refreshed, for at most {@link #RUN} a run. Waits while a projection the
     * clocks read from is still catching up on this node (a rebuild, or a first start on an existing store): each
     * child would be worked out again after every batch of its events, and the work would slow the catching up.
     * The children stay marked, and are worked out once it has caught up; a caseload opened in the meantime still
     * works out its own children first.
     */
    @Scheduled(fixedDelayString = "${oversight.due-items.refresh-delay:PT2S}")
    public void refresh() {
        int batch = dueItems.batch();
        long until = System.nanoTime() + RUN.toNanos();
        boolean first = true;
        boolean drained = false;
        while (!catchingUp()) {
            if (dueItems.refreshStale(batch) < batch) {
                drained = true;
                break;
            }
            if (first) {
                // a whole batch: there may be a backlog worth writing without the indexes
                indexes.setAsideForBacklog();
                first = false;
            }
            if (System.nanoTime() >= until) {
                break;
            }
        }
        if (drained) {
            indexes.restore();
        }
    }

    /**
     * Whether a segment this node processes, of a projection the clocks read from, has yet to reach the end of the
     * store. (Not whether it replays: a processor started on an existing store keeps its replay mark after it has
     * caught up, for as long as the store's position has gaps and no new event arrives.)
     */
    public boolean catchingUp() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return false;
        }
        // by projection: projections read together share their processor
        return DueItemsConfiguration.PROCESSORS.stream()
                .map(configuration::eventProcessorByProcessingGroup)
                .flatMap(Optional::stream)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .distinct()
                .flatMap(processor -> processor.processingStatus().values().stream())
                .anyMatch(status -> !status.isCaughtUp());
    }
}
