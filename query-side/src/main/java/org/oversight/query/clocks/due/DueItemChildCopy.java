package org.oversight.query.clocks.due;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The due items' own copy of what their lists and counts filter and show about each child: the authority, the
 * name, whom the record is restricted to, and who chairs for the child in each role. The overdue lists and urgency
 * bands are range queries over {@code due_item}, so they cannot ask {@code query.child} row by row; they join this
 * copy instead.
 *
 * <p>Handled in the same processor as {@link ChildProjection}, in the same batches and order: a transfer takes
 * the child out of the sending authority's lists in the transaction that moves the child, and a child's due items
 * are marked to be worked out again by the same event. Each row remembers the last event of the child's case
 * applied to it, so a replay of the processor writes the same rows.
 */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class DueItemChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    DueItemChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO due_item_child_copy (child_id, local_authority, given_name, family_name, restricted_to,
                                                 last_sequence)
                VALUES (:childId, :la, :given, :family, NULL, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId()).param("la", event.localAuthority())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("sequence", sequence).update();
    }

    /** The receiving authority's lists show the child; the sending authority's chairs no longer hold it. */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE due_item_child_copy SET local_authority = :la, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("childId", event.childId()).param("sequence", sequence)
                .update();
        writes.sql("DELETE FROM due_item_allocation_copy WHERE child_id = :childId AND applied_sequence < :sequence")
                .param("childId", event.childId()).param("sequence", sequence).update();
        // the items go with the child until the transfer's own mark has them worked out again
        writes.sql("""
                UPDATE due_item d SET local_authority = c.local_authority
                  FROM due_item_child_copy c
                 WHERE c.child_id = d.child_id AND d.child_id = :childId
                   AND d.local_authority IS DISTINCT FROM c.local_authority
                """).param("childId", event.childId()).update();
    }

    /** A new chair in a role takes the child from the one before, whose lists no longer show the child's items. */
    @EventHandler
    void on(ChairAllocated event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO due_item_allocation_copy (child_id, role, chair_id, chair_name, applied_sequence)
                VALUES (:childId, :role, :chairId, :chairName, :sequence)
                ON CONFLICT (child_id, role) DO UPDATE
                   SET chair_id = EXCLUDED.chair_id, chair_name = EXCLUDED.chair_name,
                       applied_sequence = EXCLUDED.applied_sequence
                 WHERE due_item_allocation_copy.applied_sequence < EXCLUDED.applied_sequence
                """)
                .param("childId", event.childId()).param("role", event.role().name())
                .param("chairId", event.chairId()).param("chairName", event.chairName())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE due_item_child_copy SET restricted_to = CAST(:named AS text[]), last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("named", event.namedPeople().toArray(String[]::new)).param("childId", event.childId())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE due_item_child_copy SET restricted_to = NULL, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE due_item_allocation_copy, due_item_child_copy").update();
    }
}
