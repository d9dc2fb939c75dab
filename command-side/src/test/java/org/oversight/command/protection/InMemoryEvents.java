package org.oversight.command.protection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.oversight.command.childcase.ChildCase;

/**
 * An event store in memory with event-sourced repositories over it, as the application has them: for tests
 * that need more than the one aggregate an {@code AggregateTestFixture} holds.
 */
final class InMemoryEvents implements AutoCloseable {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final ParameterResolverFactory resources;

    /** @param resources what handlers may take as parameters besides the message (clock, directory, policy) */
    InMemoryEvents(Object... resources) {
        this.resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(getClass()),
                new SimpleResourceParameterResolverFactory(Arrays.asList(resources)));
    }

    ParameterResolverFactory resources() {
        return resources;
    }

    <T> Repository<T> repository(Class<T> aggregateType) {
        return EventSourcingRepository.builder(aggregateType)
                .eventStore(store)
                .parameterResolverFactory(resources)
                .build();
    }

    /** A child's case as its stored events make it, read the way the protection handler reads it. */
    RegisteredChildren registeredChildren() {
        return new RegisteredChildren(repository(ChildCase.class));
    }

    /** Stores events of one aggregate as if recorded earlier, continuing its sequence. */
    void given(String aggregateType, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
        }
    }

    /** The payloads stored for one aggregate, oldest first. */
    List<Object> stored(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
