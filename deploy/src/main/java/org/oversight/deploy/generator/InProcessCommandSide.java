package org.oversight.deploy.generator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.ChildIdentifiers;
import org.oversight.command.childcase.ChildRecordShredder;
import org.oversight.command.protection.ConferenceNarratives;
import org.oversight.command.childcase.RecordsDue;
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.childcase.RepositoryChildRegister;
import org.oversight.command.policy.MeetingTypeRegister;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.command.directory.Directory;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.command.escalation.Escalation;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.command.lookedafter.LookedAfterJourney;
import org.oversight.command.protection.ChildProtection;
import org.oversight.command.protection.DefaultQuoracyPolicy;
import org.oversight.command.protection.ProtectionCommandHandler;
import org.oversight.command.protection.QuoracyPolicy;
import org.oversight.command.protection.RegisteredChildren;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.events.RecordedBy;

/**
 * The real aggregates and command handlers (the same classes the service runs), wired by Axon in this process
 * over an event store that keeps each child's streams only while their history is recorded. Sending a child's
 * generated commands through it yields exactly the events the service would have stored, or the refusal the
 * service would have given; nothing here bends a rule.
 */
public final class InProcessCommandSide implements AutoCloseable {

    /** Who the generated records are recorded by when no chair is named (an account with no password). */
    public static final String LOADER = "gen.loader";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Configuration axon;
    private final CommandGateway commands;
    /** Aggregates between their commands; a child's are evicted when their events are taken (see drain). */
    private final WeakReferenceCache cache = new WeakReferenceCache();
    private final CapturingStorage storage = new CapturingStorage(cache);
    private final Directory directory;
    private final Clock clock = new SimulatedClock(ENGLAND);

    public InProcessCommandSide(Directory directory) {
        this.directory = directory;
        // event timestamps follow the same simulated clock (the system clock when none is set)
        GenericEventMessage.clock = clock;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                .configureCorrelationDataProviders(c -> List.of(
                        new SimpleCorrelationDataProvider(RecordedBy.USERNAME, RecordedBy.DISPLAY_NAME,
                                RecordedBy.RECORDED_AT),
                        new MessageOriginProvider(RecordedBy.CORRELATION_ID, "traceId")))
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(Directory.class, c -> directory)
                .registerComponent(QuoracyPolicy.class, c -> new DefaultQuoracyPolicy())
                .registerComponent(EscalationPolicy.class, c -> new DefaultEscalationPolicy())
                .registerComponent(ChildRegister.class, c -> new RepositoryChildRegister(c.repository(ChildCase.class)))
                .registerComponent(RegisteredChildren.class, c -> new RegisteredChildren(c.repository(ChildCase.class)))
                // generated histories use the built-in meeting types only; no authority adds its own
                .registerComponent(MeetingTypeRegister.class, c -> (localAuthority, code) -> MeetingTypes.builtIn(code))
                // the loader claims each child's identifier with the child's events, in the transaction that
                // appends them, where the database refuses a duplicate (see Loader); every claim here holds
                .registerComponent(ChildIdentifiers.class, c -> (localAuthority, localIdentifier, childId) -> true)
                // generated histories destroy no records: that is measured through the service (Benchmark)
                .registerComponent(ChildRecordShredder.class, c -> new NoDestruction())
                .registerComponent(RecordsDue.class, c -> new NoDestruction())
                // generated histories are loaded as events only: their placeholder narratives are kept nowhere
                .registerComponent(ConferenceNarratives.class, c -> (child, conference, narrative, bytes) -> {
                })
                .configureAggregate(cached(ChildCase.class))
                .configureAggregate(cached(ChildProtection.class))
                .configureAggregate(cached(LookedAfterJourney.class))
                .configureAggregate(cached(Escalation.class))
                .registerCommandHandler(c -> new ProtectionCommandHandler(c.repository(ChildProtection.class),
                        new RegisteredChildren(c.repository(ChildCase.class))))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    /** The generator records no destruction; a history that asked for one would be a fault of the generator. */
    private static final class NoDestruction implements ChildRecordShredder, RecordsDue {

        @Override
        public Optional<Standing> of(String childId) {
            throw new UnsupportedOperationException("Generated histories destroy no records");
        }

        @Override
        public long eventsStoredInPlain(String childId) {
            throw new UnsupportedOperationException("Generated histories destroy no records");
        }

        @Override
        public long shred(String childId) {
            throw new UnsupportedOperationException("Generated histories destroy no records");
        }
    }

    /**
     * Each aggregate is kept in memory between its commands (weakly, so forgotten ones are collected) rather than
     * rebuilt from its events for every command, which made recording a long history quadratic.
     */
    private <A> AggregateConfigurer<A> cached(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(c -> cache);
    }

    /**
     * Records one child's history, command by command, each on its own recorded day, and returns the events in
     * the order they were stored.
     *
     * @throws RefusedHistory when an aggregate refuses a command: the generator broke a rule
     */
    public List<DomainEventMessage<?>> record(ChildHistory history) {
        try {
            int n = 0;
            for (Step step : history.steps()) {
                SimulatedClock.set(step.recordedOn().atTime(LocalTime.of(9, 0).plusMinutes(n % 480))
                        .atZone(ENGLAND).toInstant());
                String by = step.by() == null ? LOADER : step.by();
                Map<String, Object> metadata = new HashMap<>();
                metadata.put(RecordedBy.USERNAME, by);
                metadata.put(RecordedBy.DISPLAY_NAME, directory.displayName(by).orElse("Data generator"));
                metadata.put(RecordedBy.RECORDED_AT, clock.instant().toString());
                // the command's identifier becomes the events' correlation id: derived, so the same seed gives the same
                String identifier = UUID.nameUUIDFromBytes((history.childId() + ":" + n)
                        .getBytes(StandardCharsets.UTF_8)).toString();
                try {
                    commands.sendAndWait(new GenericCommandMessage<>(
                            new GenericMessage<>(identifier, step.command(), metadata),
                            step.command().getClass().getName()));
                } catch (RuntimeException refused) {
                    storage.drain();
                    throw new RefusedHistory(history, n, step, refused);
                }
                n++;
            }
            return storage.drain();
        } finally {
            SimulatedClock.clear();
        }
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    /** A generated history that an aggregate refused: a defect in the generator, never data to load. */
    public static final class RefusedHistory extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RefusedHistory(ChildHistory history, int index, Step step, RuntimeException cause) {
            super("Child " + history.index() + ", step " + index + " (" + step.command().getClass().getSimpleName()
                    + " on " + step.on() + ", recorded " + step.recordedOn() + ") was refused: "
                    + cause.getMessage(), cause);
        }
    }

    /** One command of an imported history: the day it is judged on (the aggregates' today) and its events' metadata. */
    public record ImportedCommand(java.time.LocalDate judgedOn, Object command, Map<String, Object> metadata) {
    }

    /**
     * Records one child's imported commands in order, each judged with the aggregates' "today" set to the day it
     * happened and its events carrying the metadata given, and returns the events; the first refusal throws
     * {@link RefusedImport} and keeps nothing of the child.
     */
    public List<DomainEventMessage<?>> recordImported(List<ImportedCommand> history) {
        // the correlation providers above copy only who recorded it and when; each command's identifier becomes
        // its events' correlation id, by which the rest of its metadata is given to them after
        Map<String, Map<String, Object>> metadataOf = new HashMap<>();
        try {
            for (int n = 0; n < history.size(); n++) {
                ImportedCommand step = history.get(n);
                SimulatedClock.set(step.judgedOn().atTime(LocalTime.NOON).atZone(ENGLAND).toInstant());
                String identifier = UUID.randomUUID().toString();
                metadataOf.put(identifier, step.metadata());
                try {
                    commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(identifier,
                            step.command(), step.metadata()), step.command().getClass().getName()));
                } catch (RuntimeException refused) {
                    storage.drain();
                    throw new RefusedImport(n, refused);
                }
            }
            List<DomainEventMessage<?>> events = new java.util.ArrayList<>();
            for (DomainEventMessage<?> event : storage.drain()) {
                Map<String, Object> metadata = metadataOf.get(String.valueOf(event.getMetaData()
                        .get(RecordedBy.CORRELATION_ID)));
                events.add(metadata == null ? event : event.andMetaData(metadata));
            }
            return events;
        } finally {
            SimulatedClock.clear();
        }
    }

    /**
     * Records imported commands for a child the store already holds: the aggregates first stand on the child's
     * events as stored ({@code held}, every stream of the child from its first event), then judge each command as
     * {@link #recordImported(List)} does. Returns only the new events, numbered on from the held ones.
     */
    public List<DomainEventMessage<?>> recordImported(List<DomainEventMessage<?>> held, List<ImportedCommand> history) {
        java.util.Set<String> streams = new java.util.HashSet<>();
        held.forEach(e -> streams.add(e.getAggregateIdentifier()));
        storage.seed(held);
        try {
            return recordImported(history);
        } finally {
            storage.forget(streams);
        }
    }

    /** An imported command an aggregate refused: which one, and the refusal as the aggregate gave it. */
    public static final class RefusedImport extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int index;

        RefusedImport(int index, RuntimeException cause) {
            super(null, cause, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
