package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.DatabaseUnavailable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503) and which are something else. */
class DatabaseUnavailableTest {

    private static final SQLException REFUSED = new SQLException("Connection to localhost refused", "08001",
            new ConnectException("Connection refused"));

    @Test
    void aDatabaseThatRefusesConnectionsBehindThePoolsTimeoutAndSpringsWrappersIsUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
                "Connection is not available, request timed out after 3000ms", "08001", REFUSED);
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no transaction",
                new CannotGetJdbcConnectionException("no connection", timedOut)))).isTrue();
    }

    @Test
    void aConnectionLostMidRequestOrAServerShuttingDownOrStartingIsUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("not persisted",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolFoundBrokenWhenTheCommitFailedIsUnavailable() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                "ProxyConnection.java", 562)});
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed", closed)))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("closed elsewhere, not by the pool").isFalse();
    }

    @Test
    void aPoolWhoseConnectionsAreAllBusyIsLoadNotAnUnreachableDatabase() {
        SQLTransientConnectionException busy = new SQLTransientConnectionException(
                "Connection is not available, request timed out after 3000ms (total=10, active=10, idle=0)");
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", busy)))
                .isFalse();
    }

    @Test
    void aDatabaseThatAnswersButRefusesWhatWasAskedIsNotUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aDatabaseThatTakesNoWritesForNowIsUnavailableNotBroken() {
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("not persisted", new SQLException(
                "cannot execute INSERT in a read-only transaction", "25006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("invalid transaction state", "25000")))
                .as("another invalid transaction state").isFalse();
    }
}
