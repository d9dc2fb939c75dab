package org.oversight.query.lookedafter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child's voice, the people around the child and the other meetings an IRO chairs, as tables (see
 * {@code V5_31__child_voice_and_meetings.sql}). Part of the looked-after processor, so it advances the journey's
 * position as {@link LookedAfterProjection} does: a page waiting for one of these events waits for that processor.
 * Keyed by the event's own identifier or by the child and the event's sequence number, so a replay rewrites the
 * same rows.
 */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
public class ChildVoiceProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public ChildVoiceProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(AdvocacyRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_advocacy (child_id, sequence, period_id, step, step_on, iro_id)
                VALUES (:child, :sequence, :period, :step, :on, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("step", event.step().name()).param("on", event.on()).param("iro", event.iroId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ParentsWishesSought event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_parents_wishes (child_id, sequence, period_id, sought_on, whose, outcome,
                                                         iro_id)
                VALUES (:child, :sequence, :period, :on, :whose, :outcome, :iro)
                ON CONFLICT (child_id, sequence) DO NOTHING
                """).param("child", event.childId()).param("sequence", sequence).param("period", event.periodId())
                .param("on", event.soughtOn()).param("whose", event.whose().name())
                .param("outcome", event.outcome().name()).param("iro", event.iroId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ChildChairedReview event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_child_chairing (review_id, child_id, chairing, iro_id)
                VALUES (:review, :child, :chairing, :iro)
                ON CONFLICT (review_id) DO NOTHING
                """).param("review", event.reviewId()).param("child", event.childId())
                .param("chairing", event.chairing().name()).param("iro", event.iroId()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(MeetingChaired event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO looked_after_meeting (meeting_id, child_id, period_id, meeting_type, meeting_title, held_on,
                                                  attendee_roles, outcome, iro_id)
                VALUES (:meeting, :child, :period, :type, :title, :on, :roles::text[], :outcome, :iro)
                ON CONFLICT (meeting_id) DO NOTHING
                """).param("meeting", event.meetingId()).param("child", event.childId())
                .param("period", event.periodId()).param("type", event.meetingType())
                .param("title", event.meetingTitle()).param("on", event.heldOn())
                .param("roles", event.attendeeRoles().toArray(String[]::new)).param("outcome", event.outcome())
                .param("iro", event.iroId()).update();
        positions.advance(aggregateId, sequence);
    }

    /** The journey's positions are forgotten by {@link LookedAfterProjection}'s own reset. */
    @ResetHandler
    void reset() {
        jdbc.sql("""
                TRUNCATE looked_after_advocacy, looked_after_parents_wishes, looked_after_child_chairing,
                         looked_after_meeting
                """).update();
    }
}
