package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.audit.EventChainHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The event store as the bulk loader builds it, without the children's sealed snapshots, over a real PostgreSQL:
 * storing a snapshot is refused, and a row put into the snapshot table by other means is never read, so an
 * aggregate is always built from its sealed, encrypted events. (The service's store: {@link JourneySnapshotsIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoSnapshotsIT {

    private static final String JOURNEY = "care-0b6f2a4e-8d1c-4e55-9f3a-7c2d1e0f9a8b";

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private SealingEventStorageEngine engine;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        engine = AxonConfiguration.sealingEngine(AxonConfiguration.storedEventSerializer(),
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(dataSource),
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                AxonConfiguration.uniqueViolation(), List.of(StoredEventUpcasters.chain()), dataSource,
                new EventChainHash(Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY)));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aSnapshotIsNeitherStoredNorRead() {
        jdbc.sql("""
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                       payload, payloadrevision, payloadtype, timestamp)
                VALUES (:journey, 4, 'LookedAfterJourney', :id, :metadata, :payload, NULL, 'java.util.LinkedHashMap',
                        '2026-01-07T10:00:00.000Z')
                """).param("journey", JOURNEY).param("id", JOURNEY + "-snapshot")
                .param("metadata", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", "{\"periods\":[]}".getBytes(StandardCharsets.UTF_8)).update();

        assertThat(engine.readSnapshot(JOURNEY)).isEmpty();
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("LookedAfterJourney", JOURNEY, 5,
                Map.of("periods", List.of())))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshotevententry").query(Long.class).single()).isOne();
    }
}
