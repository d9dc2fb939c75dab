package org.oversight.query.protectionplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return records(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** The records of these children, in one query per table whatever their number, by child id. */
    public Map<String, PlanBetweenConferencesRecord> records(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<PlanBetweenConferencesRecord.Agreement>> agreements = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, conference_id, agreed_on, outcomes, contingency_plan, child_id
                  FROM protection_plan_agreement
                 WHERE child_id = ANY (:children::text[]) ORDER BY agreed_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    agreements.computeIfAbsent(rs.getString(6), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.Agreement(rs.getString(1), rs.getString(2), date(rs, 3),
                                    List.of((String[]) rs.getArray(4).getArray()), rs.getString(5)));
                });
        Map<String, List<PlanBetweenConferencesRecord.Action>> actions = new HashMap<>();
        jdbc.sql("""
                SELECT action_id, plan_id, conference_id, action, owner, due_on, agreed_on, state, completed_on,
                       cancelled_on, changes, last_reason, child_id
                  FROM protection_plan_action WHERE child_id = ANY (:children::text[]) ORDER BY agreed_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getString(13), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.Action(rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getString(5), date(rs, 6), date(rs, 7),
                                    rs.getString(8), date(rs, 9), date(rs, 10), rs.getInt(11), rs.getString(12)));
                });
        Map<String, List<PlanBetweenConferencesRecord.CoreGroup>> coreGroups = new HashMap<>();
        jdbc.sql("""
                SELECT meeting_id, plan_id, held_on, attending_agencies, action_progress, progress_note, child_id
                  FROM protection_core_group WHERE child_id = ANY (:children::text[]) ORDER BY held_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    coreGroups.computeIfAbsent(rs.getString(7), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.CoreGroup(rs.getString(1), rs.getString(2), date(rs, 3),
                                    lines(rs.getString(4)), lines(rs.getString(5)).stream().map(line -> {
                                        int at = line.lastIndexOf('=');
                                        return new PlanBetweenConferencesRecord.Progress(line.substring(0, at),
                                                line.substring(at + 1));
                                    }).toList(), rs.getString(6)));
                });
        Map<String, List<PlanBetweenConferencesRecord.MidwayCheck>> checks = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, checked_on, finding, alert_raised_to, child_id FROM protection_midway_check
                 WHERE child_id = ANY (:children::text[]) ORDER BY checked_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    checks.computeIfAbsent(rs.getString(5), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.MidwayCheck(rs.getString(1), date(rs, 2),
                                    rs.getString(3), rs.getString(4)));
                });
        Map<String, List<PlanBetweenConferencesRecord.StrategyMeeting>> meetings = new HashMap<>();
        jdbc.sql("""
                SELECT meeting_id, held_on, attending_agencies, decision, enquiry_id, child_id
                  FROM protection_strategy_meeting
                 WHERE child_id = ANY (:children::text[]) ORDER BY held_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    meetings.computeIfAbsent(rs.getString(6), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.StrategyMeeting(rs.getString(1), date(rs, 2),
                                    lines(rs.getString(3)), rs.getString(4), rs.getString(5)));
                });
        return byChild(ids, agreements, actions, coreGroups, checks, meetings);
    }

    /**
     * The records of these children as the clocks read them ({@code PlanBetweenConferencesClocks}): each core group
     * meeting's plan and day, and each action's plan, dates and state, by child id. Nothing else is read: no
     * agreements, midway checks or strategy meetings, no meeting's id, agencies, progress or note, and no action's
     * id, conference, wording, owner, count of changes or reason (empty, null or 0 in the records). The due items
     * read a whole service's records after a rebuild, and the core groups' progress and notes were most of what
     * these tables sent.
     */
    public Map<String, PlanBetweenConferencesRecord> recordsForClocks(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<PlanBetweenConferencesRecord.Action>> actions = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, due_on, agreed_on, state, completed_on, cancelled_on, child_id
                  FROM protection_plan_action WHERE child_id = ANY (:children::text[]) ORDER BY agreed_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getString(7), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.Action(null, rs.getString(1), null, null, null,
                                    date(rs, 2), date(rs, 3), rs.getString(4), date(rs, 5), date(rs, 6), 0, null));
                });
        Map<String, List<PlanBetweenConferencesRecord.CoreGroup>> coreGroups = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, held_on, child_id
                  FROM protection_core_group WHERE child_id = ANY (:children::text[]) ORDER BY held_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    coreGroups.computeIfAbsent(rs.getString(3), id -> new ArrayList<>()).add(
                            new PlanBetweenConferencesRecord.CoreGroup(null, rs.getString(1), date(rs, 2), List.of(),
                                    List.of(), null));
                });
        return byChild(ids, Map.of(), actions, coreGroups, Map.of(), Map.of());
    }

    private static Map<String, PlanBetweenConferencesRecord> byChild(String[] ids,
            Map<String, List<PlanBetweenConferencesRecord.Agreement>> agreements,
            Map<String, List<PlanBetweenConferencesRecord.Action>> actions,
            Map<String, List<PlanBetweenConferencesRecord.CoreGroup>> coreGroups,
            Map<String, List<PlanBetweenConferencesRecord.MidwayCheck>> checks,
            Map<String, List<PlanBetweenConferencesRecord.StrategyMeeting>> meetings) {
        Map<String, PlanBetweenConferencesRecord> records = new HashMap<>();
        for (String id : ids) {
            records.put(id, new PlanBetweenConferencesRecord(agreements.getOrDefault(id, List.of()),
                    actions.getOrDefault(id, List.of()), coreGroups.getOrDefault(id, List.of()),
                    checks.getOrDefault(id, List.of()), meetings.getOrDefault(id, List.of())));
        }
        return records;
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
        return timescales(coreGroupSettings(localAuthority));
    }

    /** {@link #coreGroupTimescales(String)} of each of these authorities, in one query, by authority. */
    public Map<String, CoreGroupTimescales> coreGroupTimescales(Collection<String> localAuthorities) {
        String[] authorities = localAuthorities.stream().distinct().toArray(String[]::new);
        Map<String, List<CoreGroupSetting>> settings = new HashMap<>();
        jdbc.sql("""
                SELECT effective_from, recorded_from, later_interval_working_days, reason, local_authority
                  FROM protection_core_group_setting WHERE local_authority = ANY (:las::text[]) ORDER BY sequence
                """).param("las", authorities)
                .query(rs -> {
                    settings.computeIfAbsent(rs.getString(5), la -> new ArrayList<>()).add(
                            new CoreGroupSetting(date(rs, 1), date(rs, 2), rs.getInt(3), rs.getString(4)));
                });
        Map<String, CoreGroupTimescales> timescales = new HashMap<>();
        for (String authority : authorities) {
            timescales.put(authority, timescales(settings.getOrDefault(authority, List.of())));
        }
        return timescales;
    }

    private static CoreGroupTimescales timescales(List<CoreGroupSetting> settings) {
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
