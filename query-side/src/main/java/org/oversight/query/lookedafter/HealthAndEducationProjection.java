package org.oversight.query.lookedafter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child's health checks and PEP meetings as tables ({@code V5_21__health_checks_and_education_plans.sql}). In
 * the looked-after processing group with {@link LookedAfterProjection}, so the journey's events are applied in
 * order by one processor and a page waiting for the journey's position waits for these rows too. Keyed by the
 * child and the event's sequence, so replaying leaves the same rows.
 */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
public class HealthAndEducationProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public HealthAndEducationProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(HealthCheckRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_health_check (child_id, sequence, period_id, kind, held_on, iro_id)
                VALUES (:child, :sequence, :period, :kind, :on, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("kind", event.check().name()).param("on", event.heldOn()).param("iro", event.iroId())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(EducationPlanRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_education_plan (child_id, sequence, period_id, held_on, iro_id)
                VALUES (:child, :sequence, :period, :on, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.heldOn()).param("iro", event.iroId()).update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE looked_after_health_check, looked_after_education_plan").update();
    }
}
