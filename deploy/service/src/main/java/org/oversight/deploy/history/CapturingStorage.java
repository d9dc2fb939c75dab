package org.oversight.deploy.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The in-process event store {@link AggregatesInProcess} drives the aggregates against: every aggregate's events
 * are kept only while its child's history is being recorded, and each thread collects what its commands appended,
 * so that the caller can take one child's events, hand them to the real store and forget them.
 */
final class CapturingStorage implements EventStorageEngine {

    private final Map<String, List<DomainEventMessage<?>>> streams = new ConcurrentHashMap<>();
    private final ThreadLocal<List<DomainEventMessage<?>>> appended = ThreadLocal.withInitial(ArrayList::new);
    private final Cache cache;

    CapturingStorage(Cache cache) {
        this.cache = cache;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                throw new IllegalStateException("Only aggregates' events are expected here");
            }
            List<DomainEventMessage<?>> stream = streams.computeIfAbsent(domain.getAggregateIdentifier(),
                    id -> new ArrayList<>());
            if (domain.getSequenceNumber() != stream.size()) {
                throw new IllegalStateException("Out of sequence append to " + domain.getAggregateIdentifier());
            }
            stream.add(domain);
            appended.get().add(domain);
        }
    }

    /** The events this thread's commands appended since the last call, in order; their streams are forgotten. */
    List<DomainEventMessage<?>> drain() {
        List<DomainEventMessage<?>> events = appended.get();
        appended.remove();
        for (DomainEventMessage<?> event : events) {
            streams.remove(event.getAggregateIdentifier());
            cache.remove(event.getAggregateIdentifier());
        }
        return events;
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        // no snapshots: every aggregate is short-lived here
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return Stream.empty();
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventMessage<?>> stream = streams.getOrDefault(aggregateIdentifier, List.of());
        int from = (int) Math.min(stream.size(), Math.max(0, firstSequenceNumber));
        return DomainEventStream.of(new ArrayList<>(stream.subList(from, stream.size())));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<DomainEventMessage<?>> stream = streams.get(aggregateIdentifier);
        return stream == null || stream.isEmpty() ? Optional.empty() : Optional.of((long) stream.size() - 1);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return null;
    }

    /**
     * Gives the streams the events a child already has in the real store, as if they had been appended before,
     * so that the aggregates judge new commands on the child's whole record; only what is appended after is
     * drained. {@link #forget} lets them go.
     */
    void seed(List<DomainEventMessage<?>> held) {
        for (DomainEventMessage<?> event : held) {
            streams.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
    }

    /** Forgets the streams and the aggregates in memory, whether or not anything was appended to them. */
    void forget(java.util.Collection<String> aggregateIdentifiers) {
        for (String id : aggregateIdentifiers) {
            streams.remove(id);
            cache.remove(id);
        }
    }
}
