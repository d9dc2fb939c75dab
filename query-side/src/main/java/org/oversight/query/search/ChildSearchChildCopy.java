package org.oversight.query.search;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search's own copy of what a search filters on and lists about each child: the authority and the child's
 * identifier there, the names and the dates. A search is one query over every child of the searcher's
 * authorities, so it keeps these columns itself; whether the searcher may read each child found is still decided
 * from the child's case itself ({@link SearchScope}), so a copy that has yet to catch up can only leave a child out,
 * never show one across an authority's boundary.
 *
 * <p>Handled in the search's own processor with {@link ChildSearchProjection}, in the order of the child's case, so
 * a reset of the search rebuilds the copy with the name keys. Each row remembers the last event of the child's case
 * applied to it, so a replay writes the same rows.
 */
@Component
@ProcessingGroup(ChildSearchProjection.PROCESSOR)
class ChildSearchChildCopy {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    ChildSearchChildCopy(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ChildRegistered event, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO child_search_child_copy (child_id, local_authority, local_identifier, given_name,
                                                     family_name, date_of_birth, expected_date_of_delivery,
                                                     last_sequence)
                VALUES (:childId, :la, :localId, :given, :family, :dob, :edd, :sequence)
                ON CONFLICT (child_id) DO NOTHING
                """)
                .param("childId", event.childId()).param("la", event.localAuthority())
                .param("localId", event.localIdentifier())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("dob", event.dateOfBirth()).param("edd", event.expectedDateOfDelivery())
                .param("sequence", sequence).update();
    }

    @EventHandler
    void on(BirthRecorded event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE child_search_child_copy SET date_of_birth = :dob, last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("dob", event.dateOfBirth()).param("childId", event.childId()).param("sequence", sequence)
                .update();
    }

    /** The receiving authority's searches find the child by its own identifier; the sending authority's do not. */
    @EventHandler
    void on(ChildTransferred event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE child_search_child_copy SET local_authority = :la, local_identifier = :localId,
                       last_sequence = :sequence
                 WHERE child_id = :childId AND last_sequence < :sequence
                """)
                .param("la", event.toLocalAuthority()).param("localId", event.toLocalIdentifier())
                .param("childId", event.childId()).param("sequence", sequence).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE child_search_child_copy").update();
    }
}
