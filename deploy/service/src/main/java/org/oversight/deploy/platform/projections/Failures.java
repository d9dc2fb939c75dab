package org.oversight.deploy.platform.projections;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.oversight.deploy.platform.projections.IsolatingHandlers.BatchMustBeIsolated;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionException;

/**
 * What a projection's failure is, told without its message: a database error's message may quote the values of
 * the row it refused (a child's name, an identifier), so only the exception's class and PostgreSQL's SQL state
 * (a code such as {@code 22001}, value too long) are kept, logged or shown.
 */
final class Failures {

    /**
     * SQL state classes of failures that pass: a lost connection (08), a deadlock or serialization failure (40),
     * too few resources (53), a lock not granted (55P03), an operator's intervention (57), a system error (58),
     * a database taking no writes for now (25006, read-only). Such a failure says nothing about the event: the
     * batch is tried again rather than an event set aside.
     */
    private static final List<String> PASSING_STATES = List.of("08", "40", "53", "55P03", "57", "58", "25006");

    private Failures() {
    }

    /** The failure as the projection's handler raised it, without the wrappers that carried it here. */
    static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof BatchMustBeIsolated || current instanceof DeadLetterDecisions.PassingFailure)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The exception class and SQL state, for the dead-letter queue: never the message. */
    static ThrowableCause cause(Throwable failure) {
        Throwable shown = unwrapped(failure);
        return new ThrowableCause(shown.getClass().getName(), sqlState(shown).map(s -> "SQL state " + s).orElse(null));
    }

    /** One line for the log: the class and SQL state. */
    static String describe(Throwable failure) {
        Throwable shown = unwrapped(failure);
        return shown.getClass().getName() + sqlState(shown).map(s -> " (SQL state " + s + ")").orElse("");
    }

    /** The first SQL state in the cause chain, if the failure came from the database. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BatchUpdateException batch && batch.getNextException() != null
                    && batch.getNextException().getSQLState() != null) {
                return Optional.of(batch.getNextException().getSQLState());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** Whether the failure passes with time (a lost connection, a deadlock), rather than being the event's. */
    static boolean passing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof TransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return sqlState(failure).filter(state -> PASSING_STATES.stream().anyMatch(state::startsWith)).isPresent();
    }
}
