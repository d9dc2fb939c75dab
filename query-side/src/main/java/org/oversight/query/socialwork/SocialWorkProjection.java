package org.oversight.query.socialwork;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child's social worker and visits as tables (see {@code V5_10__social_work.sql}), keyed by the child and the
 * event's sequence number so a replay leaves the same rows. Its events are on the looked-after journey's stream,
 * so it runs in the looked-after processor: the journey's events are applied in order by one processor, whose
 * position a page waiting for a decision reads, and whose changes mark the child's due items stale.
 */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
public class SocialWorkProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public SocialWorkProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(SocialWorkerAllocated event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        allocation(event.childId(), sequence, event.periodId(), event.allocatedOn(), event.worker(), event.team());
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(SocialWorkerUnallocated event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        allocation(event.childId(), sequence, event.periodId(), event.unallocatedOn(), null, null);
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(SocialWorkerVisited event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO social_work_visit (child_id, sequence, period_id, visited_on, seen_alone, place)
                VALUES (:child, :sequence, :period, :on, :alone, :place)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.visitedOn()).param("alone", event.seenAlone()).param("place", event.place().name())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(PlacementIntentionRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO social_work_placement_intention (child_id, sequence, period_id, placement_started_on,
                                                             decided_on, until_eighteen)
                VALUES (:child, :sequence, :period, :placement, :on, :until)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("placement", event.placementStartedOn()).param("on", event.decidedOn())
                .param("until", event.untilEighteen()).update();
        positions.advance(aggregateId, sequence);
    }

    /** The looked-after projection forgets the journeys' positions; this one empties its own tables. */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE social_work_allocation, social_work_visit, social_work_placement_intention").update();
    }

    private void allocation(String childId, long sequence, String periodId, java.time.LocalDate on, String worker,
            String team) {
        writes.sql("""
                INSERT INTO social_work_allocation (child_id, sequence, period_id, effective_on, worker, team)
                VALUES (:child, :sequence, :period, :on, :worker, :team)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", childId).param("sequence", sequence).param("period", periodId).param("on", on)
                .param("worker", worker).param("team", team).update();
    }
}
