package org.oversight.query.policy;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.policy.AdvocacyAndComplaintsContactsChanged;
import org.oversight.query.consistency.ProjectionPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The advocacy and complaints contacts each local authority last recorded (table
 * {@code advocacy_complaints_contacts}), read by the child's letter after a review. Part of the policy processor;
 * a row is replaced only by a later event of the authority's stream, so a replay writes the same row.
 */
@Component
@ProcessingGroup(PolicyProjection.PROCESSOR)
public class ChildrensContactsProjection {

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public ChildrensContactsProjection(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(AdvocacyAndComplaintsContactsChanged event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        jdbc.sql("""
                INSERT INTO advocacy_complaints_contacts (local_authority, advocacy_service, advocacy_phone,
                       advocacy_web_address, complaints_team, complaints_phone, complaints_web_address, reason,
                       sequence)
                VALUES (:la, :advocacy, :advocacyPhone, :advocacyWeb, :complaints, :complaintsPhone, :complaintsWeb,
                        :reason, :sequence)
                ON CONFLICT (local_authority) DO UPDATE SET advocacy_service = EXCLUDED.advocacy_service,
                       advocacy_phone = EXCLUDED.advocacy_phone, advocacy_web_address = EXCLUDED.advocacy_web_address,
                       complaints_team = EXCLUDED.complaints_team, complaints_phone = EXCLUDED.complaints_phone,
                       complaints_web_address = EXCLUDED.complaints_web_address, reason = EXCLUDED.reason,
                       sequence = EXCLUDED.sequence
                 WHERE advocacy_complaints_contacts.sequence < EXCLUDED.sequence
                """).param("la", event.localAuthority()).param("advocacy", event.advocacyService())
                .param("advocacyPhone", event.advocacyPhone()).param("advocacyWeb", event.advocacyWebAddress())
                .param("complaints", event.complaintsTeam()).param("complaintsPhone", event.complaintsPhone())
                .param("complaintsWeb", event.complaintsWebAddress()).param("reason", event.reason())
                .param("sequence", sequence).update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE advocacy_complaints_contacts").update();
    }

    /** The authority's contacts; empty until its administrators record them. */
    public Optional<ChildrensContacts> of(String localAuthority) {
        return jdbc.sql("""
                SELECT advocacy_service, advocacy_phone, advocacy_web_address, complaints_team, complaints_phone,
                       complaints_web_address, reason
                  FROM advocacy_complaints_contacts WHERE local_authority = :la
                """).param("la", localAuthority).query((rs, i) -> new ChildrensContacts(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .optional();
    }
}
