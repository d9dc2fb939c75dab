package org.oversight.deploy.history;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.childcase.RecordsDue;
import org.oversight.command.childcase.RepositoryChildRegister;
import org.oversight.command.directory.Directory;
import org.oversight.command.escalation.Escalation;
import org.oversight.command.lookedafter.LookedAfterJourney;
import org.oversight.command.policy.MeetingTypeRegister;
import org.oversight.command.protection.ChildProtection;
import org.oversight.command.protection.ConferenceNarratives;
import org.oversight.command.protection.DefaultQuoracyPolicy;
import org.oversight.command.protection.ProtectionCommandHandler;
import org.oversight.command.protection.QuoracyPolicy;
import org.oversight.command.protection.RegisteredChildren;
import org.oversight.events.RecordedBy;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.events.policy.MeetingTypes;

/**
 * The real aggregates and command handlers (the same classes the service runs), wired by Axon in this process
 * over an event store that keeps each child's streams only while their history is recorded. Sending a child's
 * commands through it yields exactly the events the service would have stored, or the refusal the service would
 * have given; nothing here bends a rule. Each command is judged with the aggregates' "now" set to the moment the
 * caller gives (the day a fact happened), per thread, so several threads may record children at once.
 *
 * <p>The history import records an authority's returns through it; the developer's generator records its
 * synthetic histories through it too. The events are handed back, not stored: the caller appends them to the real
 * store, with the child's identifier claimed in the same transaction.
 */
public final class AggregatesInProcess implements AutoCloseable {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** One command, the moment it is judged at (the aggregates' "now"), its identifier and its metadata. */
    public record Command(Instant judgedAt, String identifier, Object payload, Map<String, Object> metadata) {
    }

    private final Configuration axon;
    private final CommandGateway commands;
    /** Aggregates between their commands; a child's are evicted when their events are taken (see drain). */
    private final WeakReferenceCache cache = new WeakReferenceCache();
    private final CapturingStorage storage = new CapturingStorage(cache);
    private final Clock clock = new SimulatedClock(ENGLAND);

    public AggregatesInProcess(Directory directory) {
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
                // recorded histories use the built-in meeting types only; no authority adds its own
                .registerComponent(MeetingTypeRegister.class, c -> (localAuthority, code) -> MeetingTypes.builtIn(code))
                // the caller claims each child's identifier with the child's events, in the transaction that
                // appends them, where the database refuses a duplicate; every claim here holds
                .registerComponent(ChildIdentifiers.class, c -> (localAuthority, localIdentifier, childId) -> true)
                // a recorded history destroys no records: destruction is decided in the service
                .registerComponent(ChildRecordShredder.class, c -> new NoDestruction())
                .registerComponent(RecordsDue.class, c -> new NoDestruction())
                // histories are recorded as events only: no narrative is kept
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

    /** A recorded history destroys no records; a command that asked for it would be a fault of its caller. */
    private static final class NoDestruction implements ChildRecordShredder, RecordsDue {

        @Override
        public Optional<Standing> of(String childId) {
            throw new UnsupportedOperationException("Recorded histories destroy no records");
        }

        @Override
        public long eventsStoredInPlain(String childId) {
            throw new UnsupportedOperationException("Recorded histories destroy no records");
        }

        @Override
        public long shred(String childId) {
            throw new UnsupportedOperationException("Recorded histories destroy no records");
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
     * Sends one child's commands in order, each judged at its own moment, and returns the events they stored in
     * that order; the child's streams are forgotten after. The first refusal throws {@link Refused} and keeps
     * nothing of the child.
     */
    public List<DomainEventMessage<?>> record(List<Command> history) {
        try {
            for (int n = 0; n < history.size(); n++) {
                Command step = history.get(n);
                SimulatedClock.set(step.judgedAt());
                try {
                    commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(step.identifier(),
                            step.payload(), step.metadata()), step.payload().getClass().getName()));
                } catch (RuntimeException refused) {
                    storage.drain();
                    throw new Refused(n, refused);
                }
            }
            return storage.drain();
        } finally {
            SimulatedClock.clear();
        }
    }

    /**
     * Sends commands for a child the store already holds: the aggregates first stand on the child's events as
     * stored ({@code held}, every stream of the child from its first event), then judge each command as {@link
     * #record(List)} does. Returns only the new events, numbered on from the held ones.
     */
    public List<DomainEventMessage<?>> record(List<DomainEventMessage<?>> held, List<Command> history) {
        Set<String> streams = new HashSet<>();
        held.forEach(e -> streams.add(e.getAggregateIdentifier()));
        storage.seed(held);
        try {
            return record(history);
        } finally {
            storage.forget(streams);
        }
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    /** A command an aggregate refused: which one (from 0), and the refusal as the aggregate gave it. */
    public static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int index;

        Refused(int index, RuntimeException cause) {
            super(null, cause, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
