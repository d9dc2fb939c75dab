package org.oversight.query.consistency;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.oversight.events.StreamIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes across the asynchronous gap between a command and the projections. A command answers with
 * its aggregate's sequence number; the projection handling that aggregate records how far it has got; a page
 * asked to show the decision waits briefly until the position reaches it.
 */
@Component
public class ProjectionPositions {

    private static final long POLL_MILLIS = 20;
    private static final String PENDING = ProjectionPositions.class.getName() + ".pending";

    private final JdbcClient jdbc;

    public ProjectionPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Called by a projection, in the same transaction as its writes for the event. Idempotent. Within an event
     * processor's batch the positions are gathered and written once, just before the batch commits: one
     * statement per batch rather than one per event. Outside a unit of work the position is written at once.
     */
    public void advance(String aggregateId, long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(Map.of(aggregateId, sequence));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> pending = root.getOrComputeResource(PENDING, key -> {
            Map<String, Long> positions = new TreeMap<>();
            root.onPrepareCommit(u -> write(positions));
            return positions;
        });
        pending.merge(aggregateId, sequence, Math::max);
    }

    /** In key order, so that two batches touching the same aggregates cannot deadlock each other. */
    private void write(Map<String, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO projection_position (aggregate_id, last_sequence)
                SELECT * FROM unnest(:ids::text[], :sequences::bigint[])
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = GREATEST(projection_position.last_sequence,
                                                                                  EXCLUDED.last_sequence)
                """)
                .param("ids", positions.keySet().toArray(String[]::new))
                .param("sequences", positions.values().toArray(Long[]::new))
                .update();
    }

    /**
     * Forgets how far every stream named with this prefix ({@link org.oversight.events.StreamIds}) has been
     * applied: the projection of those streams is about to be rebuilt from the first event.
     */
    public void forgetStreams(String prefix) {
        jdbc.sql("DELETE FROM projection_position WHERE aggregate_id LIKE :pattern")
                .param("pattern", StreamIds.like(prefix)).update();
    }

    /** Forgets how far each of these streams has been applied, as {@link #forgetStreams} does for a prefix. */
    public void forget(Collection<String> aggregateIds) {
        jdbc.sql("DELETE FROM projection_position WHERE aggregate_id = ANY (:ids::text[])")
                .param("ids", aggregateIds.toArray(String[]::new)).update();
    }

    public long position(String aggregateId) {
        return jdbc.sql("SELECT last_sequence FROM projection_position WHERE aggregate_id = :id")
                .param("id", aggregateId).query(Long.class).optional().orElse(-1L);
    }

    /**
     * Waits until the aggregate's events up to {@code sequence} are applied, or {@code patience} runs out.
     *
     * @return whether the position was reached
     */
    public boolean await(String aggregateId, long sequence, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (position(aggregateId) < sequence) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Reads until the read finds something or {@code patience} runs out. For a record kept by another projection
     * than the one awaited: a child's looked-after record can be applied a moment before the caseload has applied
     * the child's registration, when the two are read by different processors.
     *
     * @return what the last read found
     */
    public <T> Optional<T> awaitPresent(Supplier<Optional<T>> read, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = read.get();
        }
        return found;
    }

    /**
     * Parses a page's {@code awaiting} parameter, {@code aggregateId:sequence}, and waits for it.
     *
     * @return whether the page can show the awaited decision (true when nothing is awaited)
     */
    public boolean awaitParameter(String awaiting, Duration patience) {
        if (awaiting == null || awaiting.isBlank()) {
            return true;
        }
        int colon = awaiting.lastIndexOf(':');
        if (colon <= 0) {
            return true;
        }
        try {
            return await(awaiting.substring(0, colon), Long.parseLong(awaiting.substring(colon + 1)), patience);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
