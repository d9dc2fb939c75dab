package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch whose first events are applied with it and whose later ones fall in another segment's failed span, so
 * are applied on their own, against a real PostgreSQL in one transaction as the processor runs it: a child's later
 * event applied on its own lands after the earlier ones the batch queued, not before them.
 */
class IsolatedEventOrderIT {

    private static final String PROCESSOR = "projections";

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private ProjectionWrites writes;
    private FailureIsolation isolation;
    private TransactionTemplate transactions;

    @BeforeEach
    void start() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestPostgres.freshDatabase());
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE child_row (id TEXT PRIMARY KEY, state TEXT NOT NULL CHECK (length(state) <= 20))");
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        writes = new ProjectionWrites(jdbc);
        isolation = new FailureIsolation(manager, writes);
    }

    @AfterEach
    void stop() {
        dataSource.close();
    }

    @Test
    @DisplayName("an event applied on its own follows the writes its batch queued before it")
    void aloneAfterQueued() {
        isolation.batchFailed(PROCESSOR, List.of(at(20), at(30)));

        inOneTransaction(List.of(at(10), at(20)), event -> {
            if (position(event) == 10) {
                writes.sql("INSERT INTO child_row (id, state) VALUES (:id, 'registered')").param("id", "child-1")
                        .update();
            } else {
                isolation.alone(() -> {
                    writes.sql("UPDATE child_row SET state = 'on a plan' WHERE id = :id").param("id", "child-1")
                            .update();
                    return null;
                });
            }
        });

        assertThat(jdbc.queryForObject("SELECT state FROM child_row WHERE id = 'child-1'", String.class))
                .isEqualTo("on a plan");
    }

    @Test
    @DisplayName("a queued write that fails when sent ahead of an event on its own fails the batch, not that event")
    void aQueuedFailureIsTheBatchs() {
        isolation.batchFailed(PROCESSOR, List.of(at(20), at(30)));

        assertThatThrownBy(() -> inOneTransaction(List.of(at(10), at(20)), event -> {
            if (position(event) == 10) {
                writes.sql("INSERT INTO child_row (id, state) VALUES (:id, :state)").param("id", "child-1")
                        .param("state", "x".repeat(21)).update();
            } else {
                isolation.alone(() -> null);
            }
        })).isInstanceOf(IsolatingHandlers.BatchMustBeIsolated.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_row", Long.class)).isZero();
    }

    private interface Step {
        void apply(EventMessage<?> event) throws Exception;
    }

    /** The events as one batch of the processor: one unit of work in one transaction, its writes queued to commit. */
    private void inOneTransaction(List<TrackedEventMessage<?>> events, Step step) {
        transactions.executeWithoutResult(status -> {
            ResultMessage<?> result = new BatchingUnitOfWork<>(events).executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                assertThat(isolation.isolates(PROCESSOR, event)).isEqualTo(position(event) >= 20);
                step.apply(event);
                return null;
            });
            if (result.isExceptional() && result.exceptionResult() instanceof RuntimeException failure) {
                throw failure;
            }
            assertThat(result.isExceptional()).as("the batch failed: %s", result.optionalExceptionResult()).isFalse();
        });
    }

    private static long position(EventMessage<?> event) {
        return ((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow();
    }

    private static TrackedEventMessage<?> at(long position) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                GenericEventMessage.asEventMessage("event " + position));
    }
}
