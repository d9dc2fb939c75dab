package org.oversight.query.clocks.due;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets {@code due_item}'s secondary indexes aside while a large backlog is written, and builds them again once it
 * is. After a rebuild every child is stale, and at national size writing a million rows, in no order the indexes
 * by due date and authority keep, took more than a quarter of PostgreSQL's time in the drain, most of it in those
 * indexes; building each once at the end takes seconds. The primary key (child, position) stays, so writing and
 * removing a child's rows never scans the table; the overdue lists read the table whole while the indexes are aside.
 * <p>
 * What is set aside is kept in {@code due_item_index_set_aside}, each index with the statement that builds it,
 * in the transaction that drops it: a node that stops halfway leaves the rows, and whichever node next finds the
 * backlog written (a batch that comes back short, and fewer children stale than set the indexes aside) builds them
 * again. Both steps lock that table first, so nodes take turns.
 */
@Component
public class DueItemIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(DueItemIndexes.class);

    /** Stale children from which the indexes are set aside: a national rebuild's backlog, never a day's changes. */
    static final int SET_ASIDE_FROM = 20_000;

    /**
     * How long setting the indexes aside waits for its locks: while {@code DROP INDEX} waits, every later reader and
     * writer of {@code due_item} queues behind it, so it gives up soon and tries again on the next run.
     */
    private static final String DROP_LOCK_TIMEOUT = "1s";

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** How long building an index again waits for the writers of {@code due_item} before the next run tries. */
    private static final String BUILD_LOCK_TIMEOUT = "5s";

    private final JdbcClient jdbc;
    private final DueItems dueItems;
    private final TransactionTemplate transaction;
    private final int from;
    /** The failures logged as errors, so that one failing on every run is not logged on every run. */
    private final Set<String> loggedErrors = ConcurrentHashMap.newKeySet();

    public DueItemIndexes(JdbcClient jdbc, DueItems dueItems, PlatformTransactionManager transactions,
            @Value("${oversight.due-items.set-indexes-aside-from:" + SET_ASIDE_FROM + "}") int from) {
        if (from < 1) {
            throw new IllegalArgumentException("oversight.due-items.set-indexes-aside-from must be at least 1");
        }
        this.jdbc = jdbc;
        this.dueItems = dueItems;
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
    }

    /**
     * Sets the secondary indexes aside if at least {@code oversight.due-items.set-indexes-aside-from} children
     * ({@value #SET_ASIDE_FROM} unless configured) are stale and none is aside already; answers whether it did.
     */
    public boolean setAsideForBacklog() {
        if (dueItems.staleCount() < from) {
            return false;
        }
        return attempt("set aside", "all", () -> transaction.execute(status -> {
            lock(DROP_LOCK_TIMEOUT);
            if (anySetAside()) {
                return false;
            }
            jdbc.sql("""
                    INSERT INTO due_item_index_set_aside (name, definition)
                    SELECT i.relname, pg_get_indexdef(i.oid)
                      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                     WHERE x.indrelid = 'due_item'::regclass AND NOT x.indisprimary AND NOT x.indisunique
                    """).update();
            List<String> drops = jdbc.sql("SELECT format('DROP INDEX %I', name) FROM due_item_index_set_aside")
                    .query(String.class).list();
            drops.forEach(drop -> jdbc.sql(drop).update());
            if (!drops.isEmpty()) {
                LOG.info("Due items: {} indexes set aside while a backlog is written", drops.size());
            }
            return !drops.isEmpty();
        }), false, false);
    }

    /**
     * Builds every index set aside again, each as it was, once fewer children are stale than set them aside (so a
     * batch that came back short because other work took some of its children does not build them in the middle
     * of a backlog); answers how many it built. Each index is built in a transaction of its own, with its row
     * removed in the same one, so the writers of {@code due_item} wait for one index at a time.
     */
    public int restore() {
        if (!anySetAside() || dueItems.staleCount() >= from) {
            return 0;
        }
        List<String> aside = jdbc.sql("SELECT name FROM due_item_index_set_aside ORDER BY name")
                .query(String.class).list();
        int built = 0;
        for (String name : aside) {
            Integer one = attempt("built again", name, () -> transaction.execute(status -> {
                lock(BUILD_LOCK_TIMEOUT);
                String definition = jdbc.sql("SELECT definition FROM due_item_index_set_aside WHERE name = :name")
                        .param("name", name).query(String.class).optional().orElse(null);
                if (definition == null) {
                    // built by another node meanwhile
                    return 0;
                }
                jdbc.sql("DELETE FROM due_item_index_set_aside WHERE name = :name").param("name", name).update();
                // there already, and usable (made by a migration, say): only the row goes
                boolean there = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                                        WHERE x.indrelid = 'due_item'::regclass AND i.relname = :name
                                          AND x.indisvalid)
                        """).param("name", name).query(Boolean.class).single();
                if (there) {
                    return 0;
                }
                jdbc.sql(definition).update();
                return 1;
            }), 0, null);
            if (one == null) {
                // busy: the rest wait for the next run rather than each wait as long for the same tables
                break;
            }
            built += one;
        }
        if (built > 0) {
            LOG.info("Due items: {} indexes built again", built);
        }
        return built;
    }

    public boolean anySetAside() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM due_item_index_set_aside)").query(Boolean.class).single();
    }

    private void lock(String timeout) {
        jdbc.sql("SET LOCAL lock_timeout = '" + timeout + "'").update();
        jdbc.sql("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE").update();
    }

    /**
     * A step that could not have its locks in time is left for the next run ({@code busy}): it changed nothing. Any
     * other failure ({@code failed}; a kept definition that no longer builds, say) is an error for an operator,
     * logged with the index's name and PostgreSQL's SQLSTATE once, not on every run that tries again, until that
     * index's step succeeds.
     */
    private <T> T attempt(String step, String index, Supplier<T> work, T failed, T busy) {
        try {
            T done = work.get();
            loggedErrors.removeIf(logged -> logged.startsWith(step + " " + index + " "));
            return done == null ? failed : done;
        } catch (DataAccessException | TransactionException e) {
            if (lockBusy(e)) {
                LOG.warn("Due items: the indexes were not {} this time: their locks were busy", step);
                return busy;
            } else {
                String error = step + " " + index + " " + sqlState(e) + " " + e.getClass().getName();
                if (loggedErrors.add(error)) {
                    LOG.error("Due items: index {} could not be {} (SQLSTATE {}, {}); due_item_index_set_aside "
                            + "keeps what is aside, and each run tries again", index, step, sqlState(e),
                            e.getClass().getName());
                } else {
                    LOG.debug("Due items: index {} could not be {} again", index, step);
                }
                return failed;
            }
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    /** Whether PostgreSQL gave up waiting for a lock ({@code lock_timeout}: SQLSTATE 55P03, lock not available). */
    public static boolean lockBusy(Throwable failure) {
        if (failure instanceof PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
