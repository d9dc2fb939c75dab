package org.oversight.deploy.platform;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in PostgreSQL (the {@code spring_session} tables, created by Flyway), so that a user signed in
 * through one node is signed in on all, and signing out anywhere ends the session everywhere. The store is
 * Spring Session's own JDBC repository, as Spring Boot would configure it, behind
 * {@link LazyTouchSessionRepository} so that a request which changes nothing in the session does not
 * rewrite its row.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
public class SessionConfiguration {

    /** Spring Session's JDBC store; its own scheduler deletes expired sessions every minute. */
    @Bean
    JdbcIndexedSessionRepository storedSessions(DataSource dataSource, PlatformTransactionManager transactions,
            ServerProperties server) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
                ownTransaction);
        Duration timeout = server.getServlet().getSession().getTimeout();
        if (timeout != null) {
            sessions.setDefaultMaxInactiveInterval(timeout);
        }
        return sessions;
    }

    /** The repository the session filter uses. */
    @Bean
    @Primary
    LazyTouchSessionRepository sessionRepository(JdbcIndexedSessionRepository storedSessions,
            @Value("${oversight.sessions.touch-interval:PT1M}") Duration touchInterval) {
        return new LazyTouchSessionRepository(storedSessions, touchInterval);
    }
}
