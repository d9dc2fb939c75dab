package org.oversight.query.policy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.events.policy.MeetingTypes.MeetingType;
import org.oversight.query.consistency.ProjectionPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meeting types each local authority added beside the built-in ones (table {@code meeting_type}), and the
 * list a meeting form offers. Part of the policy processor, whose reset forgets the policy streams' positions.
 */
@Component
@ProcessingGroup(PolicyProjection.PROCESSOR)
public class MeetingTypesProjection {

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public MeetingTypesProjection(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(MeetingTypeAdded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        jdbc.sql("""
                INSERT INTO meeting_type (local_authority, code, title, reason, sequence)
                VALUES (:la, :code, :title, :reason, :sequence)
                ON CONFLICT (local_authority, code) DO NOTHING
                """).param("la", event.localAuthority()).param("code", event.code()).param("title", event.title())
                .param("reason", event.reason()).param("sequence", sequence).update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE meeting_type").update();
    }

    /** The built-in types, then those the authority added, in the order it added them. */
    public List<MeetingType> typesOf(String localAuthority) {
        List<MeetingType> types = new ArrayList<>(MeetingTypes.BUILT_IN);
        types.addAll(jdbc.sql("SELECT code, title FROM meeting_type WHERE local_authority = :la ORDER BY sequence")
                .param("la", localAuthority).query((rs, i) -> new MeetingType(rs.getString(1), rs.getString(2)))
                .list());
        return types;
    }
}
