package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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

    private static ObjectMapper storageMapper() {
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

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
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
