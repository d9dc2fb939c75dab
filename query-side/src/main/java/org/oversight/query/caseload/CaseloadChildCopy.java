package org.oversight.query.caseload;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.BirthRecorded;
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
 * The caseload's own copy of what it shows and filters on about each child: the authority, the names and dates,
 * whom the record is restricted to, and who chairs for the child. A caseload is one indexed query over the
 * chair's allocations, so it cannot ask {@code query.child} row by row; it keeps these columns itself instead.
 *
 * <p>Handled in the same processor as {@link ChildProjection}, in the same batches and order: the copy moves with
 * the child (a transfer takes the child off the sending authority's caseloads in the transaction that moves the
 * child) and a read that waits for the child's stream waits for the copy too. Each row remembers the last event of
 * the child's case applied to it, so a replay of the processor writes the same rows.
 */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class CaseloadChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    CaseloadChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO caseload_child_copy (child_id, local_authority, given_name, family_name, date_of_birth,
                                                 expected_date_of_delivery, restricted_to, last_sequence)
                VALUES (:childId, :la, :given, :family, :dob, :edd, NULL, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId()).param("la", event.localAuthority())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("dob", event.dateOfBirth()).param("edd", event.expectedDateOfDelivery())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(BirthRecorded event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE caseload_child_copy SET date_of_birth = :dob, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("dob", event.dateOfBirth()).param("childId", event.childId()).param("sequence", sequence)
                .update();
    }

    /** The receiving authority's caseloads show the child; the sending authority's chairs no longer hold it. */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE caseload_child_copy SET local_authority = :la, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("childId", event.childId()).param("sequence", sequence)
                .update();
        writes.sql("DELETE FROM caseload_allocation_copy WHERE child_id = :childId AND applied_sequence < :sequence")
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    /** A new chair in a role takes the child from the one before, whose caseload no longer lists the child. */
    @EventHandler
    void on(ChairAllocated event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO caseload_allocation_copy (child_id, role, chair_id, chair_name, allocated_from,
                                                      applied_sequence)
                VALUES (:childId, :role, :chairId, :chairName, :from, :sequence)
                ON CONFLICT (child_id, role) DO UPDATE
                   SET chair_id = EXCLUDED.chair_id, chair_name = EXCLUDED.chair_name,
                       allocated_from = EXCLUDED.allocated_from, applied_sequence = EXCLUDED.applied_sequence
                 WHERE caseload_allocation_copy.applied_sequence < EXCLUDED.applied_sequence
                """)
                .param("childId", event.childId()).param("role", event.role().name())
                .param("chairId", event.chairId()).param("chairName", event.chairName())
                .param("from", event.allocatedFrom()).param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE caseload_child_copy SET restricted_to = CAST(:named AS text[]), last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("named", event.namedPeople().toArray(String[]::new)).param("childId", event.childId())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE caseload_child_copy SET restricted_to = NULL, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE caseload_allocation_copy, caseload_child_copy").update();
    }
}
