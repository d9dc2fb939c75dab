package org.oversight.query.protectionplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a child's {@link PlanBetweenConferencesRecord} from the tables of the plan between conferences. */
@Component
public class PlanBetweenConferencesQueries {

    private final JdbcClient jdbc;

    public PlanBetweenConferencesQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PlanBetweenConferencesRecord record(String childId) {
        var agreements = jdbc.sql("""
                SELECT plan_id, conference_id, agreed_on, outcomes, contingency_plan FROM protection_plan_agreement
                 WHERE child_id = :child ORDER BY agreed_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new PlanBetweenConferencesRecord.Agreement(rs.getString(1), rs.getString(2),
                        date(rs, 3), List.of((String[]) rs.getArray(4).getArray()), rs.getString(5)))
                .list();
        var actions = jdbc.sql("""
                SELECT action_id, plan_id, conference_id, action, owner, due_on, agreed_on, state, completed_on,
                       cancelled_on, changes, last_reason
                  FROM protection_plan_action WHERE child_id = :child ORDER BY agreed_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new PlanBetweenConferencesRecord.Action(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), date(rs, 6), date(rs, 7), rs.getString(8),
                        date(rs, 9), date(rs, 10), rs.getInt(11), rs.getString(12)))
                .list();
        var coreGroups = jdbc.sql("""
                SELECT meeting_id, plan_id, held_on, attending_agencies, action_progress, progress_note
                  FROM protection_core_group WHERE child_id = :child ORDER BY held_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new PlanBetweenConferencesRecord.CoreGroup(rs.getString(1), rs.getString(2),
                        date(rs, 3), lines(rs.getString(4)), lines(rs.getString(5)).stream().map(line -> {
                            int at = line.lastIndexOf('=');
                            return new PlanBetweenConferencesRecord.Progress(line.substring(0, at),
                                    line.substring(at + 1));
                        }).toList(), rs.getString(6)))
                .list();
        var checks = jdbc.sql("""
                SELECT plan_id, checked_on, finding, alert_raised_to FROM protection_midway_check
                 WHERE child_id = :child ORDER BY checked_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new PlanBetweenConferencesRecord.MidwayCheck(rs.getString(1), date(rs, 2),
                        rs.getString(3), rs.getString(4)))
                .list();
        var meetings = jdbc.sql("""
                SELECT meeting_id, held_on, attending_agencies, decision, enquiry_id FROM protection_strategy_meeting
                 WHERE child_id = :child ORDER BY held_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new PlanBetweenConferencesRecord.StrategyMeeting(rs.getString(1), date(rs, 2),
                        lines(rs.getString(3)), rs.getString(4), rs.getString(5)))
                .list();
        return new PlanBetweenConferencesRecord(agreements, actions, coreGroups, checks, meetings);
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** An authority's latest core group setting as recorded, with its reason, for the settings page. */
    public record CoreGroupSetting(LocalDate effectiveFrom, LocalDate recordedFrom, int laterIntervalWorkingDays,
            String reason) {
    }

    /** The authority's core group settings as the clocks use them; the defaults until one is recorded. */
    public CoreGroupTimescales coreGroupTimescales(String localAuthority) {
        List<CoreGroupSetting> settings = coreGroupSettings(localAuthority);
        if (settings.isEmpty()) {
            return CoreGroupTimescales.defaults();
        }
        return new CoreGroupTimescales(settings.get(settings.size() - 1).recordedFrom(), settings.stream()
                .map(s -> new CoreGroupTimescales.Version(s.effectiveFrom(), s.laterIntervalWorkingDays())).toList());
    }

    /** The latest core group setting recorded for the authority, if any. */
    public java.util.Optional<CoreGroupSetting> latestCoreGroupSetting(String localAuthority) {
        List<CoreGroupSetting> settings = coreGroupSettings(localAuthority);
        return settings.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(settings.get(settings.size() - 1));
    }

    private List<CoreGroupSetting> coreGroupSettings(String localAuthority) {
        return jdbc.sql("""
                SELECT effective_from, recorded_from, later_interval_working_days, reason
                  FROM protection_core_group_setting WHERE local_authority = :la ORDER BY sequence
                """).param("la", localAuthority)
                .query((rs, i) -> new CoreGroupSetting(date(rs, 1), date(rs, 2), rs.getInt(3), rs.getString(4)))
                .list();
    }
}
