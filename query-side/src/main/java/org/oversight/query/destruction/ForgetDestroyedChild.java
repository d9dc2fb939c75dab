package org.oversight.query.destruction;

import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.query.consistency.ProjectionWrites;

/**
 * Forgets a child whose record is destroyed: each package deletes the rows of its own tables about the child (rows
 * rather than "destroyed" marks: nothing a person reads should list a child who no longer has a record, and the
 * destruction itself stays in the event store for anyone who counts destructions).
 *
 * <p>A subclass in each package that keeps rows about children lists its deletions as plain SQL, so the boundary
 * test sees that no package deletes another's rows, and a second test fails for any table with a {@code child_id}
 * that no package forgets. Each subclass runs in the processor that writes those tables, in its own place in the
 * child's sequence, so that a processor behind the others, or rebuilt from the store, forgets the child after
 * writing the last of what it read. What a processor writes of the child after the destruction was read with the
 * key destroyed, and holds no personal content.
 *
 * <p>Kept: the read log ({@code history_read}), which says who read which record and is sealed, and holds no
 * name, date of birth or identifier (a child's id is a random key that names nobody once the record is gone).
 */
public abstract class ForgetDestroyedChild {

    private final ProjectionWrites writes;

    protected ForgetDestroyedChild(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRecordDestroyed event) {
        for (String deletion : deletions()) {
            writes.sql(deletion).param("child", event.childId()).update();
        }
    }

    /**
     * The package's deletions, in order (rows hanging from others first), each a statement with one parameter,
     * {@code :child}, the child's id.
     */
    protected abstract List<String> deletions();
}
