package org.oversight.query.protection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Child protection's own copy of what it filters on about other children: the authority, the names, whom the
 * record is restricted to, and who chairs for each child. The brothers and sisters a conference may take in are
 * found by one query over the children of the authority ({@link ProtectionQueries#siblingCandidates}), so the
 * package keeps these columns itself rather than reading the child projection's tables.
 *
 * <p>Handled in the protection's own processor, in the order of the child's case, so a reset of the protection
 * projection rebuilds the copy with it. Each row remembers the last event of the child's case applied to it, so a
 * replay writes the same rows.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ProtectionChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    ProtectionChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_child_copy (child_id, local_authority, given_name, family_name, restricted_to,
                                                   last_sequence)
                VALUES (:childId, :la, :given, :family, NULL, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId()).param("la", event.localAuthority())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("sequence", sequence).update();
    }

    /** The child is a candidate in the receiving authority only; the sending authority's chairs no longer hold it. */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE protection_child_copy SET local_authority = :la, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("childId", event.childId()).param("sequence", sequence)
                .update();
        writes.sql("DELETE FROM protection_allocation_copy WHERE child_id = :childId AND applied_sequence < :sequence")
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    /** A new chair in a role takes the child from the one before, whose own children it no longer counts among. */
    @EventHandler
    void on(ChairAllocated event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_allocation_copy (child_id, role, chair_id, applied_sequence)
                VALUES (:childId, :role, :chairId, :sequence)
                ON CONFLICT (child_id, role) DO UPDATE
                   SET chair_id = EXCLUDED.chair_id, applied_sequence = EXCLUDED.applied_sequence
                 WHERE protection_allocation_copy.applied_sequence < EXCLUDED.applied_sequence
                """)
                .param("childId", event.childId()).param("role", event.role().name())
                .param("chairId", event.chairId()).param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE protection_child_copy SET restricted_to = CAST(:named AS text[]), last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("named", event.namedPeople().toArray(String[]::new)).param("childId", event.childId())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE protection_child_copy SET restricted_to = NULL, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE protection_allocation_copy, protection_child_copy").update();
    }
}
