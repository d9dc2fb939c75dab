package org.oversight.deploy.generator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.oversight.deploy.platform.AxonConfiguration;
import org.oversight.deploy.platform.SealingEventStorageEngine;
import org.oversight.deploy.platform.StoredEventUpcasters;
import org.oversight.deploy.platform.personal.DataKeys;
import org.oversight.deploy.platform.personal.KeyEncryptionKey;
import org.oversight.deploy.platform.personal.PersonalContent;
import org.oversight.events.audit.EventChainHash;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's own PostgreSQL event store, opened outside the service: the schema migrated by the same Flyway
 * migrations, and the same sealing storage engine, built by {@link AxonConfiguration#sealingEngine} with the
 * same serializers, so that what the loader appends is exactly what the service would have appended.
 */
public final class EventStoreAccess implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SealingEventStorageEngine engine;
    private final TransactionTemplate transactions;
    private final PersonalContent personalContent;

    public EventStoreAccess(String jdbcUrl, String username, String password, String base64ChainKey,
            String base64DataKey, int pool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(pool);
        config.setPoolName("generator");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true)
                .ignoreMigrationPatterns("*:missing").load().migrate();
        DataSourceTransactionManager springTransactions = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(springTransactions);
        personalContent = new PersonalContent(new DataKeys(dataSource,
                new KeyEncryptionKey(Base64.getDecoder().decode(base64DataKey.strip()))),
                AxonConfiguration.storageMapper());
        Serializer eventSerializer = AxonConfiguration.storedEventSerializer(personalContent);
        JacksonSerializer snapshotSerializer = JacksonSerializer.builder()
                .objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build();
        engine = AxonConfiguration.sealingEngine(eventSerializer, snapshotSerializer,
                new SpringDataSourceConnectionProvider(dataSource), new SpringTransactionManager(springTransactions),
                AxonConfiguration.uniqueViolation(), List.of(StoredEventUpcasters.chain(personalContent)), dataSource,
                new EventChainHash(Base64.getDecoder().decode(base64ChainKey.strip())));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How the store's personal content is encrypted and opened, with the store's keys. */
    public PersonalContent personalContent() {
        return personalContent;
    }

    public SealingEventStorageEngine engine() {
        return engine;
    }

    /** Transactions on the store's connections, which the storage engine's appends join. */
    public TransactionTemplate transactions() {
        return transactions;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
