package org.oversight.deploy.platform.projections;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, per event, whether a projection applies it with its batch or on its own, and applies it on its own.
 *
 * <p>A projection processor applies events in batches of 250, each one transaction whose writes are sent together
 * when it commits ({@code ProjectionWrites}). That is what makes a rebuild fast, and it is also why a failure cannot
 * be pinned on an event as it happens: a value too long for its column only fails when the batch's writes are
 * flushed, and a statement that fails inside the batch leaves PostgreSQL's transaction unusable for anything
 * after it, the dead-letter queue's own insert included. So a batch is first applied together; if it fails
 * anywhere, it is rolled back whole (nothing of it is kept, so nothing of it is lost) and its events are applied
 * again one at a time ({@link #batchFailed}): each in a savepoint of the batch's transaction, its writes sent as it
 * is applied. An event that still fails is then rolled back to its savepoint alone and set aside as a dead letter,
 * while the rest of the batch commits. Retries of dead letters are always applied one at a time.
 *
 * <p>A batch of one segment may hold events on both sides of another segment's failed span: those before it are
 * applied with the batch, their writes queued, and those in it on their own, written at once. What the batch has
 * queued is therefore sent before each event applied on its own, so that a child's writes still reach the database
 * in the order of its events; and what the projections keep for the batch is dropped, to be read again after it.
 */
public final class FailureIsolation {

    /** Failed batches remembered per processor; enough for several at once, and an old one forgotten is harmless. */
    private static final int REMEMBERED = 64;

    private final Map<String, Deque<Range>> failedBatches = new ConcurrentHashMap<>();
    private final TransactionTemplate savepoint;
    private final ProjectionWrites writes;

    /** {@code writes} is null where no projection runs (the command service), so nothing is ever queued. */
    public FailureIsolation(PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.writes = writes;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The positions in the store a failed batch spanned. */
    private record Range(long from, long to) {

        boolean contains(long position) {
            return from <= position && position <= to;
        }
    }

    /**
     * A batch of the processor's events failed and was rolled back: when the processor tries again, it applies the
     * events in the batch's span of the store one at a time. Only that span: events after it go back to batches,
     * and a rebuild of the projection later is not slowed down beyond it. Should a span be forgotten among many,
     * its batch fails once more and is remembered again.
     */
    public void batchFailed(String processor, List<? extends EventMessage<?>> batch) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (EventMessage<?> event : batch) {
            long position = position(event);
            from = Math.min(from, position);
            to = Math.max(to, position);
        }
        if (from > to) {
            return;
        }
        Deque<Range> failed = failedBatches.computeIfAbsent(processor, p -> new ConcurrentLinkedDeque<>());
        failed.addLast(new Range(from, to));
        while (failed.size() > REMEMBERED) {
            failed.pollFirst();
        }
    }

    /** Whether the processor is to apply this event on its own rather than with its batch. */
    public boolean isolates(String processor, EventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork)) {
            // a retry of dead letters, or anything else outside a processor's batch
            return true;
        }
        Deque<Range> failed = failedBatches.get(processor);
        if (failed == null || failed.isEmpty()) {
            return false;
        }
        long position = position(event);
        return failed.stream().anyMatch(range -> range.contains(position));
    }

    /**
     * Applies one event on its own, after what its batch has queued before it: in a savepoint, with no unit of
     * work in sight, so that a projection's batched writes and positions are sent at once (as they are outside a
     * processor) and any failure, however late it would otherwise appear, surfaces here and undoes this event's
     * writes only.
     */
    public <R> R alone(Callable<R> application) throws Exception {
        try {
            if (writes != null) {
                writes.sendQueuedAndDropKept();
            }
        } catch (RuntimeException e) {
            // a write of an event applied with the batch before this one: the batch's failure, not this event's
            throw new IsolatingHandlers.BatchMustBeIsolated(e);
        }
        try {
            return savepoint.execute(status -> {
                try {
                    return outsideUnitOfWork(application);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked carried) {
            throw carried.failure;
        }
    }

    private static <R> R outsideUnitOfWork(Callable<R> application) throws Exception {
        Deque<UnitOfWork<?>> hidden = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            hidden.push(current);
        }
        try {
            return application.call();
        } finally {
            while (!hidden.isEmpty()) {
                CurrentUnitOfWork.set(hidden.pop());
            }
        }
    }

    /** The event's position in the store; an event without one counts as beyond every batch. */
    private static long position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return token.position().getAsLong();
            }
        }
        return Long.MAX_VALUE;
    }

    /** Carries a checked failure through the transaction template, which takes only unchecked ones. */
    private static final class Checked extends RuntimeException {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        private final Exception failure;

        Checked(Exception failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
