package org.oversight.deploy.platform;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.oversight.deploy.platform.personal.DataKeys;
import org.oversight.deploy.platform.personal.KeyEncryptionKey;
import org.oversight.deploy.platform.personal.PersonalContent;
import org.oversight.deploy.platform.personal.PersonalContentSerializer;
import org.oversight.deploy.platform.personal.SealedSnapshots;
import org.oversight.events.audit.EventChainHash;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store's serialization and the processors' token store. Events and messages are JSON written by a
 * mapper of their own (never the web layer's, whose settings may change for other reasons); the stored shape
 * of an event is pinned by tests in shared-events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The mapper events and messages are stored with (shared with the bulk loader, so both write the same bytes). */
    public static ObjectMapper storageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Tokens and saga state: polymorphic, so type information is written into the JSON. */
    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).defaultTyping().build();
    }

    /**
     * How a journey's snapshot is written: the aggregate's own fields, whatever their visibility, and nothing
     * computed by its methods; a field the class no longer has refuses the snapshot, and the journey is read from
     * its events. The JSON is then encrypted whole ({@link SealedSnapshots}).
     */
    public static Serializer snapshotSerializer() {
        ObjectMapper fields = storageMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    /** The children's journeys' snapshots, with a count of those that failed to open for operators to watch. */
    @Bean
    SealedSnapshots sealedSnapshots(DataKeys dataKeys, MeterRegistry registry) {
        SealedSnapshots snapshots = new SealedSnapshots(dataKeys);
        FunctionCounter.builder("oversight.snapshots.unopened", snapshots, SealedSnapshots::unopened)
                .description("Snapshots of children's journeys that did not open under the child's key: altered or "
                        + "moved in the database; each journey was read from its events instead")
                .register(registry);
        return snapshots;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalContent personalContent) {
        return storedEventSerializer(personalContent);
    }

    /**
     * The key that wraps every child's data key. Like the chain key it lives outside the database (environment
     * {@code OVERSIGHT_DATA_KEY_ENCRYPTION_KEY}, or a file beside the embedded demo's data directory): a copy of
     * the database without it reads no personal content, and losing it loses every child's record.
     */
    @Bean
    KeyEncryptionKey keyEncryptionKey(@Value("${oversight.data.key-encryption-key:}") String base64Key) {
        if (base64Key.isBlank()) {
            throw new IllegalStateException("Set oversight.data.key-encryption-key (environment "
                    + "OVERSIGHT_DATA_KEY_ENCRYPTION_KEY) to a base64 key of 32 bytes kept outside the database; "
                    + "it protects every child's data key");
        }
        return new KeyEncryptionKey(Base64.getDecoder().decode(base64Key.strip()));
    }

    @Bean
    DataKeys dataKeys(DataSource dataSource, KeyEncryptionKey keyEncryptionKey) {
        return new DataKeys(dataSource, keyEncryptionKey);
    }

    @Bean
    PersonalContent personalContent(DataKeys dataKeys) {
        return new PersonalContent(dataKeys, storageMapper());
    }

    /** The stored event serializer with each event's personal content encrypted under its child's key. */
    public static Serializer storedEventSerializer(PersonalContent personalContent) {
        return new PersonalContentSerializer(storedEventSerializer(), storageMapper(), personalContent);
    }

    /**
     * How events are written to and read from the store, by the service and the bulk loader alike: JSON by the
     * storage mapper, each row with its event's revision ({@link EventRevisionResolver}).
     */
    public static Serializer storedEventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper())
                .revisionResolver(new EventRevisionResolver()).build();
    }

    /**
     * The one chain of upcasters every reader of stored events runs: the event store (aggregates and projection
     * processors) and the auditor's history, which reads the store directly.
     */
    @Bean
    EventUpcasterChain storedEventUpcasters(PersonalContent personalContent) {
        return StoredEventUpcasters.chain(personalContent);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    /**
     * Recognises PostgreSQL's unique-violation state (23505) anywhere in the cause chain, so that two writes to
     * the same aggregate become a {@code ConcurrencyException} (and a second registration of the same child an
     * {@code AggregateStreamCreationException}) instead of an unexplained failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return uniqueViolation();
    }

    /** PostgreSQL's unique-violation state (23505) anywhere in the cause chain. */
    public static PersistenceExceptionResolver uniqueViolation() {
        return failure -> {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                if (t instanceof BatchUpdateException batch && batch.getNextException() != null
                        && "23505".equals(batch.getNextException().getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The key that seals the event chain. It must live outside the database (an environment variable or a
     * secret store in production; a file beside the data directory in the embedded demo): whoever can change
     * the database must not also be able to re-seal a forged history.
     */
    @Bean
    EventChainHash eventChainHash(@Value("${oversight.audit.chain-key:}") String base64Key,
            @Value("${oversight.audit.chain-key-id:" + EventChainHash.FIRST_KEY_ID + "}") String keyId,
            @Value("${oversight.audit.previous-chain-keys:}") String previousKeys) {
        if (base64Key.isBlank()) {
            throw new IllegalStateException("Set oversight.audit.chain-key (environment OVERSIGHT_AUDIT_CHAIN_KEY) to a "
                    + "base64 key of at least 32 bytes kept outside the database; it seals the event chain");
        }
        // rotation (README): a new key with a new id, the old ones kept in previous-chain-keys to check their seals
        return new EventChainHash(keyId.strip(), Base64.getDecoder().decode(base64Key.strip()),
                EventChainHash.previousKeys(previousKeys));
    }

    /**
     * Axon's JDBC storage over our Flyway-owned tables, sealing each appended event into its stream's chain, with
     * counts of its looks for positions no event will take for operators to watch.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
            ConnectionProvider connectionProvider, TransactionManager transactionManager,
            PersistenceExceptionResolver persistenceExceptionResolver, EventUpcasterChain storedEventUpcasters,
            DataSource dataSource, EventChainHash chain, SealedSnapshots snapshots, MeterRegistry registry) {
        SealingEventStorageEngine engine = new SealingEventStorageEngine(builder(eventSerializer, snapshotSerializer(),
                connectionProvider, persistenceExceptionResolver, List.of(storedEventUpcasters)), transactionManager,
                dataSource, chain, snapshots);
        UntakenPositions untaken = engine.untakenPositions();
        FunctionCounter.builder("oversight.event.store.gap.looks", untaken, UntakenPositions::looks)
                .description("Times a reader's position held so many gaps that PostgreSQL was asked whether any could "
                        + "still be taken")
                .register(registry);
        FunctionCounter.builder("oversight.event.store.positions.passed.over", untaken, UntakenPositions::passedOver)
                .description("Positions of the event store proven never to be taken and passed over, counted once "
                        + "for each reader's position that passes them over")
                .register(registry);
        return engine;
    }

    /** The one way the event store is built, by the service and by the bulk loader alike. */
    public static SealingEventStorageEngine sealingEngine(Serializer eventSerializer, Serializer snapshotSerializer,
            ConnectionProvider connectionProvider, TransactionManager transactionManager,
            PersistenceExceptionResolver persistenceExceptionResolver, List<EventUpcaster> upcasters,
            DataSource dataSource, EventChainHash chain) {
        return new SealingEventStorageEngine(builder(eventSerializer, snapshotSerializer, connectionProvider,
                persistenceExceptionResolver, upcasters), transactionManager, dataSource, chain);
    }

    private static JdbcEventStorageEngine.Builder builder(Serializer eventSerializer, Serializer snapshotSerializer,
            ConnectionProvider connectionProvider, PersistenceExceptionResolver persistenceExceptionResolver,
            List<EventUpcaster> upcasters) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                // each projection reads the whole store; a thousand events a query rather than Axon's hundred
                // cuts the queries of a rebuild tenfold and a long history's load to one query
                .batchSize(SealingEventStorageEngine.EVENTS_A_QUERY)
                .finalAggregateBatchPredicate(SealingEventStorageEngine::lastOfStream);
    }

    /**
     * Tokens in PostgreSQL, each segment owned by one node. The node id shows in {@code tokenentry.owner}, so an
     * operator can see which node processes which segment.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
            TransactionManager transactionManager,
            NodeIdentity node,
            @Value("${oversight.token-claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .nodeId(node.id())
                .claimTimeout(claimTimeout)
                .build();
    }
}
