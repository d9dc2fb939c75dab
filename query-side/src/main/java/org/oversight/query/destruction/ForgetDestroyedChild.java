package org.oversight.query.destruction;

import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets a child whose record is destroyed: every row of every read table about the child is deleted, found by
 * its {@code child_id} column (so a table added later is forgotten too), with the rows hanging from them first
 * (a review's decisions, an escalation and its steps). Rows are deleted rather than kept as "destroyed" marks:
 * nothing a person reads should list a child who no longer has a record, and the destruction itself stays in the
 * event store for anyone who counts destructions.
 *
 * <p>Each projection's processor applies this in its own place in the child's sequence (a subclass in each
 * projection's package, which deletes first what only it knows how to find), so
 * that a processor behind the others, or rebuilt from the store, forgets the child after writing the last of
 * what it read. What a processor writes of the child after the destruction was read with the key destroyed, and
 * holds no personal content.
 *
 * <p>Kept: the read log ({@code history_read}), which says who read which record and is sealed, and holds no
 * name, date of birth or identifier (a child's id is a random key that names nobody once the record is gone);
 * and the key table's list of whose keys were destroyed.
 */
public abstract class ForgetDestroyedChild {

    /** Tables that stay: the sealed read log, the record of destroyed keys, the command side's own claims. */
    static final Set<String> KEPT = Set.of("history_read", "data_key_child", "child_identifier");

    /** Tables other rows hang from: only their own projection deletes them, after the rows hanging from them. */
    static final Set<String> OWNERS_ONLY = Set.of("escalation_child", "looked_after_review");

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private volatile List<String> tables;

    protected ForgetDestroyedChild(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRecordDestroyed event) {
        forgetOwnRows(event.childId(), writes);
        for (String table : tables()) {
            writes.sql("DELETE FROM " + table + " WHERE child_id = :child").param("child", event.childId()).update();
        }
    }

    /**
     * Deletes the rows of the projection's own that hang from the child by something other than a
     * {@code child_id} (a review's lines, an escalation's steps), and the tables named in {@link #OWNERS_ONLY}.
     */
    protected void forgetOwnRows(String childId, ProjectionWrites writes) {
    }

    /** Every read table about children, from the database's own catalogue. */
    private List<String> tables() {
        List<String> found = tables;
        if (found == null) {
            found = jdbc.sql("""
                    SELECT DISTINCT c.table_name FROM information_schema.columns c
                      JOIN information_schema.tables t
                        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                     WHERE c.column_name = 'child_id' AND c.table_schema = current_schema()
                       AND t.table_type = 'BASE TABLE'
                     ORDER BY c.table_name
                    """).query(String.class).list().stream()
                    .filter(table -> !KEPT.contains(table) && !OWNERS_ONLY.contains(table)).toList();
            tables = found;
        }
        return found;
    }
}
