package org.oversight.query.child;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the child as the child case events tell it: who the child is, their chairs, and which records are
 * restricted to whom (every list of children leaves those out for anyone not named; see {@code Scope}). Every write is keyed and guarded by the event's
 * sequence number, so handling an event twice, or replaying the whole store, leaves the same rows.
 */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
public class ChildProjection {

    /** The processor's stored name, kept from when caseloads were the only readers: tokens are kept under it. */
    public static final String PROCESSOR = "caseload";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public ChildProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO caseload_child (child_id, local_authority, local_identifier, given_name, family_name,
                                            date_of_birth, expected_date_of_delivery, registered_on, last_sequence)
                VALUES (:childId, :la, :localId, :given, :family, :dob, :edd, :registeredOn, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId())
                .param("la", event.localAuthority())
                .param("localId", event.localIdentifier())
                .param("given", event.givenName())
                .param("family", event.familyName())
                .param("dob", event.dateOfBirth())
                .param("edd", event.expectedDateOfDelivery())
                .param("registeredOn", event.registeredOn())
                .param("sequence", sequence)
                .update();
        positions.advance(event.childId(), sequence);
    }

    @EventHandler
    void on(ChairAllocated event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO caseload_allocation (child_id, role, chair_id, chair_name, allocated_from,
                                                 chair_changes, applied_sequence)
                VALUES (:childId, :role, :chairId, :chairName, :from, 0, :sequence)
                ON CONFLICT (child_id, role) DO UPDATE
                   SET chair_id = EXCLUDED.chair_id, chair_name = EXCLUDED.chair_name,
                       allocated_from = EXCLUDED.allocated_from,
                       chair_changes = caseload_allocation.chair_changes + 1,
                       applied_sequence = EXCLUDED.applied_sequence
                 WHERE caseload_allocation.applied_sequence < EXCLUDED.applied_sequence
                """)
                .param("childId", event.childId())
                .param("role", event.role().name())
                .param("chairId", event.chairId())
                .param("chairName", event.chairName())
                .param("from", event.allocatedFrom())
                .param("sequence", sequence)
                .update();
        advance(event.childId(), sequence);
    }

    /** The birth of a child registered as unborn: the expected date of delivery stays as history. */
    @EventHandler
    void on(BirthRecorded event, @SequenceNumber long sequence) {
        writes.sql("UPDATE caseload_child SET date_of_birth = :dob WHERE child_id = :childId")
                .param("dob", event.dateOfBirth()).param("childId", event.childId()).update();
        advance(event.childId(), sequence);
    }

    /**
     * The child now belongs to the receiving authority, known by its identifier: every list of that authority
     * shows the child, no list of the sending authority does, and the clocks run under the receiving authority's
     * timescales from now on.
     */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE caseload_child SET local_authority = :la, local_identifier = :localId
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("localId", event.toLocalIdentifier())
                .param("childId", event.childId()).param("sequence", sequence).update();
        // the sending authority's chairs no longer hold the child
        writes.sql("DELETE FROM caseload_allocation WHERE child_id = :childId AND applied_sequence < :sequence")
                .param("childId", event.childId()).param("sequence", sequence).update();
        advance(event.childId(), sequence);
    }

    /** Each restriction names everyone who may see the record, so it replaces whoever was named before. */
    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO child_restriction (child_id, named_people, applied_sequence)
                VALUES (:childId, CAST(:named AS text[]), :sequence)
                ON CONFLICT (child_id) DO UPDATE SET named_people = EXCLUDED.named_people,
                       applied_sequence = EXCLUDED.applied_sequence
                 WHERE child_restriction.applied_sequence < EXCLUDED.applied_sequence
                """)
                .param("childId", event.childId())
                .param("named", event.namedPeople().toArray(String[]::new))
                .param("sequence", sequence)
                .update();
        advance(event.childId(), sequence);
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("DELETE FROM child_restriction WHERE child_id = :childId AND applied_sequence < :sequence")
                .param("childId", event.childId()).param("sequence", sequence).update();
        advance(event.childId(), sequence);
    }

    private void advance(String childId, long sequence) {
        writes.sql("UPDATE caseload_child SET last_sequence = :sequence WHERE child_id = :childId AND last_sequence < :sequence")
                .param("childId", childId)
                .param("sequence", sequence)
                .update();
        positions.advance(childId, sequence);
    }

    @ResetHandler
    void reset() {
        positions.forget(jdbc.sql("SELECT child_id FROM caseload_child").query(String.class).list());
        jdbc.sql("TRUNCATE caseload_allocation, caseload_child, child_restriction").update();
    }
}
