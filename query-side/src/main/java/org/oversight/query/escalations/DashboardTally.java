package org.oversight.query.escalations;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures counted by PostgreSQL: one statement groups the escalations the filters let through by
 * level, category, team, chair and status (and by the quarter raised and resolved), so that only the counts leave
 * the database, whatever the number of escalations a reader's authorities hold. Working days (time to resolution,
 * the 20-working-day target) are counted in the same statement from the same bank holidays as
 * {@link WorkingDayCalendar#workingDaysBetween}. Only the figures that run to today (overdue responses, past the
 * target, age) are worked out in Java, over the open escalations alone, as every list works them out.
 *
 * <p>A count is asked for as the criteria of the list behind it ({@link #count}), so the drill-downs stay exactly
 * those of {@link DashboardCounts}; a combination the dashboard never shows is refused rather than guessed.
 */
final class DashboardTally implements DashboardCounts.Tally {

    /** The counts of one group: escalations, and of them those formal, resolved in time, referred, in interest. */
    private record Counts(long escalations, long formal, long withinTarget, long cafcass, long inChildsInterest) {
    }

    /** A group: a breakdown ({@code all}, {@code level}, {@code category}, {@code team}, {@code chair}), its key. */
    private record Group(String breakdown, String key) {
    }

    private static final Set<Criterion> TODAYS = Set.of(Criterion.OVERDUE, Criterion.PAST_TARGET, Criterion.AGE);
    private static final Map<Criterion, String> BREAKDOWNS = Map.of(Criterion.LEVEL, "level",
            Criterion.CATEGORY, "category", Criterion.TEAM, "team", Criterion.CHAIR, "chair");

    private final EscalationCriteria filters;
    private final Map<Group, Map<String, Counts>> byStatus;
    private final Map<Group, Double> medians;
    private final Map<Integer, Long> raisedByQuarter;
    private final Map<Integer, Long> resolvedByQuarter;
    private final Map<String, Set<String>> chairNames;
    private final List<AssessedEscalation> open;

    private DashboardTally(EscalationCriteria filters, Map<Group, Map<String, Counts>> byStatus,
            Map<Group, Double> medians, Map<Integer, Long> raisedByQuarter, Map<Integer, Long> resolvedByQuarter,
            Map<String, Set<String>> chairNames, List<AssessedEscalation> open) {
        this.filters = filters;
        this.byStatus = byStatus;
        this.medians = medians;
        this.raisedByQuarter = raisedByQuarter;
        this.resolvedByQuarter = resolvedByQuarter;
        this.chairNames = chairNames;
        this.open = open;
    }

    /**
     * @param where  SQL over {@code escalation e}: the reader's escalations the filters let through
     * @param params its parameters
     * @param open   the open ones among them, assessed as at today
     */
    static DashboardTally count(JdbcClient jdbc, String where, Map<String, Object> params,
            EscalationCriteria filters, List<AssessedEscalation> open, WorkingDayCalendar calendar) {
        Map<Group, Map<String, Counts>> byStatus = new HashMap<>();
        Map<Integer, Long> raised = new HashMap<>();
        Map<Integer, Long> resolved = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        Map<Group, Double> medians = new HashMap<>();
        Date[] holidays = calendar.weekdayBankHolidays().stream().map(Date::valueOf).toArray(Date[]::new);
        jdbc.sql(SQL.formatted(where, quarter("e.raised_on"), quarter("e.closed_on"), "%4$s", worked("e.closed_on"),
                        worked("e.raised_on"), worked("e.formal_since"), worked("(e.closed_on - 1)"), MEDIAN))
                .params(params)
                .param("tally_holidays", holidays)
                .query(rs -> {
                    String breakdown = rs.getString("breakdown");
                    String key = rs.getString("key");
                    long escalations = rs.getLong("escalations");
                    switch (breakdown) {
                        case "raised" -> raised.put(rs.getInt("quarter"), escalations);
                        case "resolved" -> resolved.put(rs.getInt("quarter"), escalations);
                        case "name" -> names.computeIfAbsent(key, k -> new java.util.TreeSet<>())
                                .add(rs.getString("status"));
                        case "median", "median-level" -> {
                            double median = rs.getDouble("median");
                            medians.put(new Group(breakdown.equals("median") ? "all" : "level", key),
                                    rs.wasNull() ? null : median);
                        }
                        default -> byStatus.computeIfAbsent(new Group(breakdown, key), g -> new HashMap<>())
                                .put(rs.getString("status"), new Counts(escalations, rs.getLong("formal"),
                                        rs.getLong("within_target"), rs.getLong("cafcass"),
                                        rs.getLong("in_interest")));
                    }
                });
        return new DashboardTally(filters, byStatus, medians, raised, resolved, names, open);
    }

    @Override
    public long count(EscalationCriteria criteria) {
        Map<Criterion, String> facets = beyondFilters(criteria);
        if (facets == null) {
            return 0;
        }
        if (facets.keySet().stream().anyMatch(TODAYS::contains)) {
            // only an open escalation can be overdue, past the target or of an age
            return open.stream().filter(criteria::matches).count();
        }
        if (facets.containsKey(Criterion.RAISED_QUARTER) || facets.containsKey(Criterion.RESOLVED_QUARTER)) {
            if (facets.size() != 1) {
                throw unasked(criteria);
            }
            boolean raised = facets.containsKey(Criterion.RAISED_QUARTER);
            FinancialQuarter quarter = FinancialQuarter.parse(facets.values().iterator().next());
            return (raised ? raisedByQuarter : resolvedByQuarter).getOrDefault(quarterKey(quarter), 0L);
        }
        Group group = group(facets, criteria);
        String status = facets.remove(Criterion.STATUS);
        Criterion counted = facets.isEmpty() ? null : facets.keySet().iterator().next();
        if (facets.size() > 1 || (counted != null && counted != Criterion.OUTCOME
                && !"true".equals(facets.get(counted)))) {
            throw unasked(criteria);
        }
        Map<String, Counts> statuses = byStatus.getOrDefault(group, Map.of());
        if (counted == Criterion.OUTCOME) {
            Counts resolved = statuses.get(EscalationStatus.RESOLVED.name());
            Counts withdrawn = statuses.get(EscalationStatus.WITHDRAWN.name());
            if (status != null) {
                throw unasked(criteria);
            }
            return switch (facets.get(counted)) {
                case "in-childs-interest" -> resolved == null ? 0 : resolved.inChildsInterest();
                case "not-in-childs-interest" -> resolved == null ? 0
                        : resolved.escalations() - resolved.inChildsInterest();
                default -> withdrawn == null ? 0 : withdrawn.escalations();
            };
        }
        long total = 0;
        for (Map.Entry<String, Counts> each : statuses.entrySet()) {
            if (status != null && !hasStatus(each.getKey(), status)) {
                continue;
            }
            Counts counts = each.getValue();
            total += counted == null ? counts.escalations() : switch (counted) {
                case FORMAL -> counts.formal();
                case WITHIN_TARGET -> counts.withinTarget();
                case CAFCASS -> counts.cafcass();
                default -> throw unasked(criteria);
            };
        }
        return total;
    }

    @Override
    public Double median(EscalationCriteria resolved) {
        Map<Criterion, String> facets = beyondFilters(resolved);
        if (facets == null) {
            return null;
        }
        Group group = group(facets, resolved);
        if (!"resolved".equals(facets.remove(Criterion.STATUS)) || !facets.isEmpty()) {
            throw unasked(resolved);
        }
        if (!group.breakdown().equals("all") && !group.breakdown().equals("level")) {
            throw unasked(resolved);
        }
        return medians.get(group);
    }

    @Override
    public List<String> levelsFound() {
        return keys("level").stream().filter(Objects::nonNull).toList();
    }

    @Override
    public List<String> categoriesFound() {
        return keys("category");
    }

    @Override
    public List<String> teamsFound() {
        return keys("team").stream().filter(Objects::nonNull).sorted().toList();
    }

    @Override
    public boolean anyWithoutTeam() {
        return keys("team").contains(null);
    }

    @Override
    public Map<String, String> chairsFound() {
        // as the chairs are listed from the escalations themselves: by name, then username, each chair under the
        // first of their names in that order
        record Named(String username, String name) {
        }
        Map<String, String> chairs = new LinkedHashMap<>();
        chairNames.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(name -> new Named(e.getKey(), name)))
                .sorted(Comparator.comparing(Named::name).thenComparing(Named::username))
                .forEach(n -> chairs.putIfAbsent(n.username(), n.name()));
        return chairs;
    }

    @Override
    public Optional<FinancialQuarter> earliestRaisedQuarter() {
        return raisedByQuarter.keySet().stream().min(Comparator.naturalOrder()).map(DashboardTally::quarterOf);
    }

    @Override
    public Optional<FinancialQuarter> latestResolvedQuarter() {
        return resolvedByQuarter.keySet().stream().max(Comparator.naturalOrder()).map(DashboardTally::quarterOf);
    }

    private List<String> keys(String breakdown) {
        return byStatus.keySet().stream().filter(g -> g.breakdown().equals(breakdown)).map(Group::key)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * The criteria beyond the dashboard's own filters, which the statement has applied already; {@code null} when
     * they ask for a filter's value other than the one applied, which no escalation counted can meet.
     */
    private Map<Criterion, String> beyondFilters(EscalationCriteria criteria) {
        Map<Criterion, String> facets = new EnumMap<>(Criterion.class);
        facets.putAll(criteria.values());
        for (Map.Entry<Criterion, String> filter : filters.values().entrySet()) {
            String asked = facets.get(filter.getKey());
            if (asked == null) {
                // a criterion without the filter is never asked for: every count starts from the filters
                throw unasked(criteria);
            }
            if (!asked.equals(filter.getValue())) {
                return null;
            }
            facets.remove(filter.getKey());
        }
        return facets;
    }

    /** The breakdown the criteria name (at most one of level, category, team and chair), taken out of them. */
    private Group group(Map<Criterion, String> facets, EscalationCriteria criteria) {
        Group group = new Group("all", null);
        for (Map.Entry<Criterion, String> breakdown : BREAKDOWNS.entrySet()) {
            String value = facets.remove(breakdown.getKey());
            if (value == null) {
                continue;
            }
            if (!group.breakdown().equals("all")) {
                throw unasked(criteria);
            }
            boolean informal = breakdown.getKey() == Criterion.LEVEL && EscalationPolicy.INFORMAL.equals(value);
            group = new Group(breakdown.getValue(), informal ? null : value);
        }
        if (facets.keySet().stream().anyMatch(Criterion::filter)) {
            throw unasked(criteria);
        }
        return group;
    }

    /** As {@link Criterion#STATUS} matches: {@code closed} is resolved or withdrawn. */
    private static boolean hasStatus(String stored, String asked) {
        return "closed".equals(asked) ? !EscalationStatus.OPEN.name().equals(stored) : stored.equalsIgnoreCase(asked);
    }

    private static IllegalStateException unasked(EscalationCriteria criteria) {
        return new IllegalStateException("The dashboard counts no such combination: " + criteria.values().keySet());
    }

    private static int quarterKey(FinancialQuarter quarter) {
        return quarter.startYear() * 10 + quarter.quarter();
    }

    private static FinancialQuarter quarterOf(int key) {
        return new FinancialQuarter(key / 10, key % 10);
    }

    /** SQL: the financial quarter of a day as {@link #quarterKey}, as {@link FinancialQuarter#of} works it out. */
    private static String quarter(String day) {
        String month = "CAST(extract(month FROM " + day + ") AS integer)";
        String year = "CAST(extract(year FROM " + day + ") AS integer)";
        return "CASE WHEN " + month + " >= 4 THEN " + year + " * 10 + (" + month + " - 4) / 3 + 1 ELSE (" + year
                + " - 1) * 10 + 4 END";
    }

    /**
     * SQL: the working days up to and including a day, counted from a fixed Monday long ago, as
     * {@link WorkingDayCalendar} counts them: the Mondays to Fridays less the weekday bank holidays, which
     * {@code width_bucket} counts in the sorted list by a binary search. Only differences of two such numbers
     * mean anything: the working days after one day up to another.
     */
    private static String worked(String day) {
        // 1 January 1970 was a Thursday: shifted by 3, each week starts on a Monday
        String shifted = "(" + day + " - DATE '1970-01-01' + 3)";
        String weekday = "((" + shifted + " % 7 + 7) % 7)";
        return "((" + shifted + " - " + weekday + ") / 7 * 5 + least(" + weekday + " + 1, 5) - width_bucket("
                + day + ", CAST(:tally_holidays AS date[])))";
    }

    /**
     * The working days to resolution are those after the day raised up to the day resolved (never below 0). The
     * 20-day target is met by a resolution on or before the 20th working day after becoming formal: fewer than 20
     * working days after it, or the 20th when that day is itself a working day (one more than the day before).
     */
    private static final String SQL = """
            WITH f AS MATERIALIZED (
                SELECT e.level, e.status, e.concern_category, e.team, e.raised_by, e.raised_by_name,
                       e.formal_since IS NOT NULL AS formal, e.cafcass_referred_on IS NOT NULL AS cafcass,
                       e.status = 'RESOLVED' AND e.in_childs_interest IS TRUE AS in_interest,
                       CASE WHEN e.status = 'RESOLVED' THEN greatest(0, %5$s - %6$s) END AS days,
                       e.status = 'RESOLVED' AND e.formal_since IS NOT NULL
                           AND (%5$s - %7$s < 20 OR (%5$s - %7$s = 20 AND %5$s - %8$s = 1)) AS within_target,
                       %2$s AS raised_quarter,
                       CASE WHEN e.status = 'RESOLVED' THEN %3$s END AS resolved_quarter
                  FROM escalation e WHERE %1$s)
            SELECT 'all' AS breakdown, CAST(NULL AS text) AS key, status, CAST(NULL AS integer) AS quarter, %4$s
              FROM f GROUP BY status
            UNION ALL
            SELECT 'level', level, status, CAST(NULL AS integer), %4$s FROM f GROUP BY level, status
            UNION ALL
            SELECT 'category', concern_category, status, CAST(NULL AS integer), %4$s FROM f GROUP BY concern_category, status
            UNION ALL
            SELECT 'team', team, status, CAST(NULL AS integer), %4$s FROM f GROUP BY team, status
            UNION ALL
            SELECT 'chair', raised_by, status, CAST(NULL AS integer), %4$s FROM f GROUP BY raised_by, status
            UNION ALL
            SELECT 'raised', CAST(NULL AS text), CAST(NULL AS text), raised_quarter, %4$s FROM f GROUP BY raised_quarter
            UNION ALL
            SELECT 'resolved', CAST(NULL AS text), CAST(NULL AS text), resolved_quarter, %4$s FROM f WHERE resolved_quarter IS NOT NULL
             GROUP BY resolved_quarter
            UNION ALL
            SELECT 'median', CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS integer), %9$s
              FROM f WHERE status = 'RESOLVED'
            UNION ALL
            SELECT 'median-level', level, CAST(NULL AS text), CAST(NULL AS integer), %9$s
              FROM f WHERE status = 'RESOLVED' GROUP BY level
            UNION ALL
            SELECT DISTINCT 'name', raised_by, raised_by_name, CAST(NULL AS integer), CAST(0 AS bigint),
                   CAST(0 AS bigint), CAST(0 AS bigint), CAST(0 AS bigint), CAST(0 AS bigint),
                   CAST(NULL AS double precision) FROM f
            """.replace("%4$s", """
            count(*) AS escalations, count(*) FILTER (WHERE formal) AS formal,
                   count(*) FILTER (WHERE within_target) AS within_target, count(*) FILTER (WHERE cafcass) AS cafcass,
                   count(*) FILTER (WHERE in_interest) AS in_interest,
                   CAST(NULL AS double precision) AS median""");

    /**
     * The medians, in branches of their own over the resolved escalations alone: an ordered aggregate makes its
     * group sort its rows, which the counts, grouped by hashing, need not.
     */
    private static final String MEDIAN = "0, 0, 0, 0, 0, percentile_cont(0.5) WITHIN GROUP (ORDER BY days)";
}
