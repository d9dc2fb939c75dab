package org.oversight.query.conference;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.TransferInNotificationReceived;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conference as it happened, as tables beside the child protection journey's: part of the same processor, so
 * that a chair waiting for their own write on the child's protection stream sees these rows too. Every write is
 * keyed by the event's own identifiers and position, so a replay rewrites the same rows.
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
public class ConferenceRecordProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public ConferenceRecordProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(ConferenceAttendanceRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        Map<Integer, String> names = new HashMap<>();
        event.namedFamily().forEach(named -> names.put(named.attendee(), named.name()));
        for (int position = 0; position < event.attendees().size(); position++) {
            ConferenceAttendanceRecorded.ConferenceAttendee a = event.attendees().get(position);
            writes.sql("""
                    INSERT INTO conference_attendee (child_id, conference_id, position, role, agency, family_name,
                           invited, attendance, report_before, report_shared_in_time)
                    VALUES (:child, :conference, :position, :role, :agency, :name, :invited, :attendance, :report,
                            :shared)
                    ON CONFLICT (child_id, conference_id, position) DO NOTHING
                    """).param("child", event.childId()).param("conference", event.conferenceId())
                    .param("position", position).param("role", a.role().name()).param("agency", a.agency())
                    .param("name", names.get(position)).param("invited", a.invited())
                    .param("attendance", a.attendance().name()).param("report", a.reportBeforeConference())
                    .param("shared", a.reportSharedInTime()).update();
        }
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(ConferenceRecommendationsRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        for (int position = 0; position < event.recommendations().size(); position++) {
            var r = event.recommendations().get(position);
            writes.sql("""
                    INSERT INTO conference_recommendation (child_id, conference_id, position, agency, recommended,
                           category, dissent_reason)
                    VALUES (:child, :conference, :position, :agency, :recommended, :category, :dissent)
                    ON CONFLICT (child_id, conference_id, position) DO NOTHING
                    """).param("child", event.childId()).param("conference", event.conferenceId())
                    .param("position", position).param("agency", r.agency())
                    .param("recommended", r.recommended().name())
                    .param("category", r.category() == null ? null : r.category().name())
                    .param("dissent", r.dissentReason()).update();
        }
        writes.sql("""
                INSERT INTO conference_record (child_id, conference_id, chair_decision, chair_category, family_views)
                VALUES (:child, :conference, :decision, :category, :views)
                ON CONFLICT (child_id, conference_id) DO UPDATE SET chair_decision = EXCLUDED.chair_decision,
                       chair_category = EXCLUDED.chair_category, family_views = EXCLUDED.family_views
                """).param("child", event.childId()).param("conference", event.conferenceId())
                .param("decision", event.chairDecision().name())
                .param("category", event.chairCategory() == null ? null : event.chairCategory().name())
                .param("views", event.familyViews()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(InquorateConferenceRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO conference_record (child_id, conference_id, inquorate_reason, inquorate_decision)
                VALUES (:child, :conference, :reason, :decision)
                ON CONFLICT (child_id, conference_id) DO UPDATE SET inquorate_reason = EXCLUDED.inquorate_reason,
                       inquorate_decision = EXCLUDED.inquorate_decision
                """).param("child", event.childId()).param("conference", event.conferenceId())
                .param("reason", event.reason()).param("decision", event.decision().name()).update();
        positions.advance(aggregateId, sequence);
    }

    @EventHandler
    void on(TransferInNotificationReceived event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        writes.sql("""
                INSERT INTO conference_transfer_in (child_id, notification_id, received_on, from_authority,
                       other_plan_started_on)
                VALUES (:child, :notification, :received, :from, :started)
                ON CONFLICT (child_id, notification_id) DO NOTHING
                """).param("child", event.childId()).param("notification", event.notificationId())
                .param("received", event.receivedOn()).param("from", event.fromAuthority())
                .param("started", event.otherPlanStartedOn()).update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE conference_attendee, conference_recommendation, conference_record, conference_transfer_in")
                .update();
    }
}
