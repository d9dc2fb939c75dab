package org.oversight.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read log's own copy of what decides who may see a read of a child's history: the child's authority and whom
 * the record is restricted to. The log is listed a page at a time, filtered in one query, so it keeps these
 * columns itself rather than reading the child projection's tables.
 *
 * <p>The reads are written as they happen, not from events, so the copy is kept in the same processor as
 * {@link ChildProjection}, in the same batches and order: a transfer takes the child's reads out of the sending
 * authority's log in the transaction that moves the child. Each row remembers the last event of the child's case
 * applied to it, so a replay of the processor writes the same rows.
 */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class HistoryReadChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    HistoryReadChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO history_read_child_copy (child_id, local_authority, restricted_to, last_sequence)
                VALUES (:childId, :la, NULL, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId()).param("la", event.localAuthority())
                .param("sequence", sequence).update();
    }

    /** The receiving authority's log shows the child's reads; the sending authority's no longer does. */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE history_read_child_copy SET local_authority = :la, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("childId", event.childId()).param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE history_read_child_copy SET restricted_to = CAST(:named AS text[]), last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("named", event.namedPeople().toArray(String[]::new)).param("childId", event.childId())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE history_read_child_copy SET restricted_to = NULL, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE history_read_child_copy").update();
    }
}
