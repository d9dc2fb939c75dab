package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.audit.EventChainHash.StoredEvent;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage engine inserts what it appends a thousand events a statement, and seals each event over what it sent.
 * One append that carries on streams already in the store, with more events than one statement holds, must still
 * chain each stream's first appended event onto the seal already stored before it, and every later event onto the one
 * before, whichever statement each lands in, and each stream's events must take rising positions in the store. Each
 * stream's seals are recomputed here from the stored rows, from the first event on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealAcrossAppendChunksIT {

    private static final String LONG_STREAM = "4d2c1b0a-8e7f-4a6b-9c5d-3e2f1a0b9c8d";
    private static final String SHORT_STREAM = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918";
    private static final String NEW_STREAM = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private EventChainHash chain;
    private SealingEventStorageEngine engine;
    private TransactionTemplate transactions;

    @BeforeAll
    void twoStreamsAlreadyStoredThenOneLongAppend() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        chain = new EventChainHash(Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY));
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        engine = AxonConfiguration.sealingEngine(AxonConfiguration.storedEventSerializer(),
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(dataSource), new SpringTransactionManager(manager),
                AxonConfiguration.uniqueViolation(), List.of(new EventUpcasterChain(List.of())), dataSource, chain);

        append(List.of(registered(LONG_STREAM, 0), allocated(SHORT_STREAM, 0), allocated(SHORT_STREAM, 1)));

        // one append: the long stream's 2,500 events span three statements; the short stream's and a new stream's
        // are spread between them, so each chunk holds the middle of a stream whose start is in another
        List<EventMessage<?>> longAppend = new ArrayList<>();
        long shortNext = 2;
        long newNext = 0;
        for (long sequence = 1; sequence <= 2_500; sequence++) {
            longAppend.add(allocated(LONG_STREAM, sequence));
            if (sequence % 400 == 0) {
                longAppend.add(allocated(SHORT_STREAM, shortNext++));
                longAppend.add(allocated(NEW_STREAM, newNext++));
            }
        }
        append(longAppend);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aStreamCarriedOnAcrossThreeChunksChainsFromItsStoredSealToItsLastEvent() {
        assertThat(sealedInOrder(LONG_STREAM)).isEqualTo(2_501);
    }

    @Test
    void aStreamLongerThanOneQueryIsLoadedWhole() {
        Long last = transactions.execute(status -> engine.readEvents(LONG_STREAM).asStream()
                .mapToLong(event -> event.getSequenceNumber()).max().orElse(-1));
        Long count = transactions.execute(status -> engine.readEvents(LONG_STREAM).asStream().count());
        assertThat(last).isEqualTo(2_500L);
        assertThat(count).isEqualTo(2_501L);
    }

    @Test
    void streamsInterleavedWithItAreChainedToo() {
        assertThat(sealedInOrder(SHORT_STREAM)).isEqualTo(8);
        assertThat(sealedInOrder(NEW_STREAM)).isEqualTo(6);
    }

    /** Recomputes every seal of the stream from the genesis on and returns how many matched, all or none. */
    private int sealedInOrder(String stream) {
        List<StoredEvent> stored = jdbc.sql("""
                SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payloadrevision,
                       timestamp, payload, metadata
                  FROM domainevententry WHERE aggregateidentifier = :stream ORDER BY globalindex
                """).param("stream", stream).query((rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getBytes(8), rs.getBytes(9)))
                .list();
        List<byte[]> seals = jdbc.sql("SELECT seal FROM event_chain WHERE aggregate_id = :stream ORDER BY sequence")
                .param("stream", stream).query((rs, i) -> rs.getBytes(1)).list();
        assertThat(seals).as("one seal for each stored event of " + stream).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).sequence()).as("the stored order of " + stream).isEqualTo(i);
        }
        byte[] previous = EventChainHash.GENESIS;
        for (int i = 0; i < stored.size(); i++) {
            byte[] expected = chain.seal(previous, stored.get(i));
            assertThat(EventChainHash.same(expected, seals.get(i)))
                    .as("seal of event %d of %s", stored.get(i).sequence(), stream).isTrue();
            previous = expected;
        }
        return stored.size();
    }

    private void append(List<? extends EventMessage<?>> events) {
        transactions.executeWithoutResult(status -> engine.appendEvents(events));
    }

    private static GenericDomainEventMessage<ChildRegistered> registered(String stream, long sequence) {
        return new GenericDomainEventMessage<>("ChildCase", stream, sequence, new ChildRegistered(stream, "DEMO-N",
                "CHUNK-1", "Ada", "Example", LocalDate.of(2016, 5, 17), null, LocalDate.of(2025, 1, 6)),
                MetaData.emptyInstance());
    }

    private static GenericDomainEventMessage<ChairAllocated> allocated(String stream, long sequence) {
        return new GenericDomainEventMessage<>("ChildCase", stream, sequence, new ChairAllocated(stream,
                ChairRole.IRO, sequence % 2 == 0 ? "iro.ahmed" : "iro.brown", "A Chair", LocalDate.of(2025, 1, 7),
                null), MetaData.emptyInstance());
    }
}
