package org.oversight.query.protectionplan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each local authority's core group settings, version by version (table {@code protection_core_group_setting}),
 * in the protection processor beside the plans whose clocks they shape. Keyed by the authority and the sequence of
 * its policy stream, so a replay rewrites the same rows.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
public class CoreGroupSettingsProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public CoreGroupSettingsProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(CoreGroupSettingsSet event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO protection_core_group_setting (local_authority, sequence, effective_from, recorded_from,
                       later_interval_working_days, reason)
                VALUES (:la, :sequence, :from, :recordedFrom, :interval, :reason)
                ON CONFLICT (local_authority, sequence) DO NOTHING
                """).param("la", event.localAuthority()).param("sequence", sequence)
                .param("from", event.effectiveFrom()).param("recordedFrom", event.recordedFrom())
                .param("interval", event.laterIntervalWorkingDays()).param("reason", event.reason()).update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE protection_core_group_setting").update();
    }
}
