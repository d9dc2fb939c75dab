package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.oversight.command.lookedafter.LookedAfterJourney;
import org.oversight.command.protection.ChildProtection;
import org.oversight.deploy.generator.HistoryGenerator;
import org.oversight.deploy.generator.InProcessCommandSide;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.generator.Staff;
import org.oversight.events.StreamIds;

/**
 * A journey's snapshot must hold all of its state, or a decision started from it would be taken on less than the
 * child's history says. Generated histories (repeat plans, several periods of care, many reviews, corrections) are
 * folded into their journeys through the real aggregates; each journey is written as a snapshot is and read back:
 * the journey read must equal the journey folded, field for field (compared by reflection, not through the JSON),
 * and write the same snapshot again.
 */
class JourneySnapshotRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Size SHAPE = new Size("snapshots", 2, 20, 12, 0.8, 4, 8);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void everyGeneratedJourneyReadsBackFromItsSnapshotAsItWasWritten() {
        Serializer snapshots = AxonConfiguration.snapshotSerializer();
        Map<Class<?>, Integer> checked = new LinkedHashMap<>();
        int longest = 0;
        for (long seed : new long[] {7, 2026}) {
            Staff staff = Staff.generate(SHAPE, seed);
            HistoryGenerator generator = new HistoryGenerator(SHAPE, seed, TODAY, staff);
            try (InProcessCommandSide scratch = new InProcessCommandSide(staff)) {
                for (int index = 0; index < generator.children(); index++) {
                    Map<String, List<DomainEventMessage<?>>> streams = new LinkedHashMap<>();
                    for (DomainEventMessage<?> event : scratch.record(generator.child(index))) {
                        streams.computeIfAbsent(event.getAggregateIdentifier(), id -> new java.util.ArrayList<>())
                                .add(event);
                    }
                    for (Map.Entry<String, List<DomainEventMessage<?>>> stream : streams.entrySet()) {
                        Class<?> type = stream.getKey().startsWith(StreamIds.PROTECTION) ? ChildProtection.class
                                : stream.getKey().startsWith(StreamIds.CARE) ? LookedAfterJourney.class : null;
                        if (type == null) {
                            continue;
                        }
                        Object journey = folded(type, stream.getKey(), stream.getValue());
                        byte[] written = snapshots.serialize(journey, byte[].class).getData();
                        Object read = snapshots.deserialize(
                                new SimpleSerializedObject<>(written, byte[].class, type.getName(), null));
                        String which = "seed %d, child #%d, %s".formatted(seed, index, type.getSimpleName());
                        // field by field, by reflection, whatever the snapshot's JSON left out
                        assertThat(read).as(which).usingRecursiveComparison().isEqualTo(journey);
                        assertThat(tree(snapshots.serialize(read, byte[].class).getData())).as(which)
                                .isEqualTo(tree(written));
                        checked.merge(type, 1, Integer::sum);
                        longest = Math.max(longest, stream.getValue().size());
                    }
                }
            }
        }
        assertThat(checked).containsKeys(ChildProtection.class, LookedAfterJourney.class);
        assertThat(checked.values()).allSatisfy(count -> assertThat(count).isGreaterThan(10));
        assertThat(longest).as("the longest journey's events").isGreaterThan(50);
    }

    /** The journey as the event store would rebuild it from these events. */
    private static <T> T folded(Class<T> type, String streamId, List<DomainEventMessage<?>> events) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        try {
            store.publish(events);
            EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store)
                    .parameterResolverFactory(new MultiParameterResolverFactory(
                            ClasspathParameterResolverFactory.forClass(type), JourneySnapshotRoundTripTest::unused))
                    .build();
            AtomicReference<T> root = new AtomicReference<>();
            DefaultUnitOfWork.startAndGet(null).execute(() -> repository.load(streamId).execute(root::set));
            return root.get();
        } finally {
            store.shutDown();
        }
    }

    /**
     * The command handlers' other parameters (the clock, the directory, the child register): the journey is only
     * rebuilt here, never asked to decide, so none of them is ever called for.
     */
    private static ParameterResolver<Object> unused(Executable handler, Parameter[] parameters, int index) {
        return new ParameterResolver<>() {
            @Override
            public Object resolveParameterValue(Message<?> message) {
                throw new IllegalStateException("A command was handled while a journey was only being rebuilt");
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
