package org.oversight.query.policy;

import org.oversight.events.StreamIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.oversight.events.RecordedBy;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.query.consistency.ProjectionPositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps every version of each local authority's timescales, with who recorded it and when. The due items mark
 * every child of that authority for their clocks to be worked out again under the new settings (they watch this
 * processor as they watch every projection a clock reads).
 */
@Component
@ProcessingGroup(PolicyProjection.PROCESSOR)
public class PolicyProjection {

    public static final String PROCESSOR = "policy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ProjectionPositions positions;

    public PolicyProjection(JdbcClient jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(PolicySettingsChanged event, @SourceId String aggregateId, @SequenceNumber long sequence,
            @MetaDataValue(RecordedBy.USERNAME) String changedBy,
            @MetaDataValue(RecordedBy.DISPLAY_NAME) String changedByName,
            @MetaDataValue(RecordedBy.RECORDED_AT) String recordedAt) {
        var settings = event.settings();
        jdbc.sql("""
                INSERT INTO policy_version (local_authority, sequence, effective_from, iro_allocation_working_days,
                       pre_birth_conference_by_week, decisions_working_days, record_working_days,
                       midway_check_percent, early_review_working_days, dental_check_months, pep_review_months,
                       escalation_responses, reason, changed_by, changed_by_name, recorded_at,
                       pre_birth_review_after_birth_working_days, pre_birth_review_after_conference_months,
                       transfer_in_conference_working_days)
                VALUES (:la, :sequence, :from, :iro, :week, :decisions, :record, :midway, :earlyReview, :dental,
                        :pep, :responses, :reason, :by, :byName, :at, :afterBirth, :afterConference, :transferIn)
                ON CONFLICT (local_authority, sequence) DO NOTHING
                """).param("la", event.localAuthority()).param("sequence", sequence)
                .param("from", event.effectiveFrom()).param("iro", settings.iroAllocationWorkingDays())
                .param("week", settings.preBirthConferenceByWeek()).param("decisions", settings.decisionsWorkingDays())
                .param("record", settings.recordWorkingDays()).param("midway", settings.midwayCheckPercent())
                .param("earlyReview", settings.earlyReviewWorkingDays())
                .param("dental", settings.dentalCheckMonths()).param("pep", settings.pepReviewMonths())
                .param("responses", json(settings.escalationResponseWorkingDays())).param("reason", event.reason())
                .param("by", changedBy).param("byName", changedByName)
                .param("at", recordedAt == null ? null : Timestamp.from(Instant.parse(recordedAt)))
                .param("afterBirth", settings.preBirthReviewAfterBirthWorkingDays())
                .param("afterConference", settings.preBirthReviewAfterConferenceMonths())
                .param("transferIn", settings.transferInConferenceWorkingDays())
                .update();
        positions.advance(aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        positions.forgetStreams(StreamIds.POLICY);
        jdbc.sql("TRUNCATE policy_version").update();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Escalation response times could not be written", e);
        }
    }
}
