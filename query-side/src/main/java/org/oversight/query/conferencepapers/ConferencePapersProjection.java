package org.oversight.query.conferencepapers;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A conference's papers as tables, beside the child protection journey and in its processor, so that the child's
 * clocks and due items follow a paper sent as they follow the conference itself. The chair's narrative is never
 * copied here: only its reference and digest. Every write is an upsert keyed by the event's identifiers.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
public class ConferencePapersProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public ConferencePapersProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(ConferencePaperSent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO conference_paper_sent (child_id, conference_id, paper, sent_on)
                VALUES (:child, :conference, :paper, :on)
                ON CONFLICT (child_id, conference_id, paper) DO UPDATE SET sent_on = EXCLUDED.sent_on
                """).param("child", event.childId()).param("conference", event.conferenceId())
                .param("paper", event.paper().name()).param("on", event.sentOn()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ConferenceMinutesWritten event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO conference_minutes (child_id, conference_id, narrative_id, narrative_sha256, passages,
                                                withheld_passages, chair_id)
                VALUES (:child, :conference, :narrative, :sha, :passages, :withheld, :chair)
                ON CONFLICT (child_id, conference_id) DO UPDATE SET narrative_id = EXCLUDED.narrative_id,
                    narrative_sha256 = EXCLUDED.narrative_sha256, passages = EXCLUDED.passages,
                    withheld_passages = EXCLUDED.withheld_passages, chair_id = EXCLUDED.chair_id
                """).param("child", event.childId()).param("conference", event.conferenceId())
                .param("narrative", event.narrativeId()).param("sha", event.narrativeSha256())
                .param("passages", event.passages()).param("withheld", event.withheldPassages())
                .param("chair", event.chairId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ConferencePaperworkTimescalesSet event) {
        writes.sql("""
                INSERT INTO conference_paperwork_timescale (local_authority, effective_from, decisions_working_days,
                                                            minutes_working_days)
                VALUES (:la, :from, :decisions, :minutes)
                ON CONFLICT (local_authority, effective_from) DO UPDATE
                    SET decisions_working_days = EXCLUDED.decisions_working_days,
                        minutes_working_days = EXCLUDED.minutes_working_days
                """).param("la", event.localAuthority()).param("from", event.effectiveFrom())
                .param("decisions", event.decisionsWorkingDays()).param("minutes", event.minutesWorkingDays())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE conference_paper_sent, conference_minutes, conference_paperwork_timescale").update();
    }
}
