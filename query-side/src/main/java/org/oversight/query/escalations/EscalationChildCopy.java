package org.oversight.query.escalations;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalations' own copy of what their lists show and filter on about each child they may name: the child's
 * name, and whom the record is restricted to (a list leaves out an escalation about a child whose restricted record
 * the reader is not named on). An escalation stays with the authority that raised it, so a transfer changes
 * nothing here.
 *
 * <p>Handled in the escalations' own processor, in the order of the child's case, so a replay or reset of the
 * escalations rebuilds the copy with them. Each row remembers the last event of the child's case applied to it, so
 * a replay writes the same rows.
 */
@Component
@ProcessingGroup(EscalationsProjection.PROCESSOR)
class EscalationChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    EscalationChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO escalation_child_copy (child_id, given_name, family_name, restricted_to, last_sequence)
                VALUES (:childId, :given, :family, NULL, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE escalation_child_copy SET restricted_to = CAST(:named AS text[]), last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("named", event.namedPeople().toArray(String[]::new)).param("childId", event.childId())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE escalation_child_copy SET restricted_to = NULL, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE escalation_child_copy").update();
    }
}
