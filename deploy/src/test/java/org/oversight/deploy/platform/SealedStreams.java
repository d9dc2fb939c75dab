package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.audit.EventChainHash.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's sealing storage engine over a test database, with the test chain key, and an independent check of
 * what it stored: every seal of a stream recomputed from the stored rows, from the genesis on.
 */
final class SealedStreams {

    final EventChainHash chain = new EventChainHash(Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY));
    final SealingEventStorageEngine engine;
    final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    /** The engine and its transactions over {@code engineSide}; the check reads through {@code checkSide}. */
    SealedStreams(DataSource engineSide, DataSource checkSide) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(engineSide);
        transactions = new TransactionTemplate(manager);
        engine = AxonConfiguration.sealingEngine(AxonConfiguration.storedEventSerializer(),
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(engineSide), new SpringTransactionManager(manager),
                AxonConfiguration.uniqueViolation(), List.of(new EventUpcasterChain(List.of())), engineSide, chain);
        jdbc = JdbcClient.create(checkSide);
    }

    /** Appends the events in a transaction of their own. */
    void append(List<? extends EventMessage<?>> events) {
        transactions.executeWithoutResult(status -> engine.appendEvents(events));
    }

    /**
     * Recomputes every seal of the stream from its stored rows and returns how many events it holds, after asserting
     * that each seal matches and that the events took rising positions in the order of their sequence numbers.
     */
    int sealedInOrder(String stream) {
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
        byte[] previous = EventChainHash.GENESIS;
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).sequence()).as("the stored order of " + stream).isEqualTo(i);
            byte[] expected = chain.seal(previous, stored.get(i));
            assertThat(EventChainHash.same(expected, seals.get(i)))
                    .as("seal of event %d of %s", stored.get(i).sequence(), stream).isTrue();
            previous = expected;
        }
        return stored.size();
    }
}
