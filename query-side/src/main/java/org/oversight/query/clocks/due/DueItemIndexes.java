package org.oversight.query.clocks.due;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets {@code due_item}'s secondary indexes aside while a large backlog is written, and builds them again once it
 * is. After a rebuild every child is stale, and at national size writing a million rows, in no order the indexes
 * by due date and authority keep, took more than a quarter of PostgreSQL's time in the drain, most of it in those
 * indexes; building each once at the end takes seconds. The primary key (child, position) stays, so writing and removing
 * a child's rows never scans the table; the overdue lists read the table whole while the indexes are aside.
 * <p>
 * What is set aside is kept in {@code due_item_index_set_aside}, each index with the statement that builds it,
 * in the transaction that drops it: a node that stops halfway leaves the rows, and whichever node next finds no
 * backlog builds the indexes again. Both steps lock that table first, so nodes take turns.
 */
@Component
public class DueItemIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(DueItemIndexes.class);

    /** Stale children from which the indexes are set aside: a national rebuild's backlog, never a day's changes. */
    static final int SET_ASIDE_FROM = 20_000;

    /**
     * How long either step waits for the locks it needs before leaving the indexes as they are until the next run:
     * dropping an index waits for every reader of the table, building one for every writer.
     */
    private static final String LOCK_TIMEOUT = "5s";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final int from;

    public DueItemIndexes(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${oversight.due-items.set-indexes-aside-from:" + SET_ASIDE_FROM + "}") int from) {
        if (from < 1) {
            throw new IllegalArgumentException("oversight.due-items.set-indexes-aside-from must be at least 1");
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
    }

    /**
     * Sets the secondary indexes aside if at least {@code oversight.due-items.set-indexes-aside-from} children
     * ({@value #SET_ASIDE_FROM} unless configured) are stale and none is aside already; answers whether it did.
     */
    public boolean setAsideForBacklog() {
        if (jdbc.sql("SELECT count(*) FROM due_item_stale").query(Long.class).single() < from) {
            return false;
        }
        return attempt("set aside", () -> transaction.execute(status -> {
            lock();
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
            LOG.info("Due items: {} indexes set aside while a backlog is written", drops.size());
            return !drops.isEmpty();
        }), false);
    }

    /** Builds every index set aside again, each as it was; answers how many it built. */
    public int restore() {
        if (!anySetAside()) {
            return 0;
        }
        return attempt("built again", () -> transaction.execute(status -> {
            lock();
            List<String[]> aside = jdbc.sql("SELECT name, definition FROM due_item_index_set_aside ORDER BY name")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            int count = 0;
            for (String[] index : aside) {
                // built already (by a migration, say): only the row goes
                boolean exists = jdbc.sql("SELECT to_regclass(quote_ident(:name)) IS NOT NULL")
                        .param("name", index[0]).query(Boolean.class).single();
                if (!exists) {
                    jdbc.sql(index[1]).update();
                    count++;
                }
                jdbc.sql("DELETE FROM due_item_index_set_aside WHERE name = :name").param("name", index[0]).update();
            }
            LOG.info("Due items: {} indexes built again", count);
            return count;
        }), 0);
    }

    public boolean anySetAside() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM due_item_index_set_aside)").query(Boolean.class).single();
    }

    private void lock() {
        jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
        jdbc.sql("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE").update();
    }

    /** A step that could not have its locks in time is left for the next run: it changed nothing. */
    private static <T> T attempt(String step, Supplier<T> work, T otherwise) {
        try {
            T done = work.get();
            return done == null ? otherwise : done;
        } catch (DataAccessException e) {
            LOG.warn("Due items: the indexes were not {} this time ({})", step, e.getClass().getSimpleName());
            return otherwise;
        }
    }
}
