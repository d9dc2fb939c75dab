package org.oversight.query.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.access.Scope;
import org.oversight.query.audit.EscalationsOfChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the escalations projection; children's names come from the caseload. Every list is drawn within a
 * reader's {@link Scope}: their authorities' escalations, and in a list none about a restricted record they are
 * not named on.
 */
@Component
public class EscalationQueries implements EscalationsOfChild {

    private static final String COLUMNS = """
            e.escalation_id, e.local_authority, e.concern_category, e.raised_formally, e.raised_on, e.raised_by,
            e.raised_by_name, e.team, e.level, e.level_reached_on, e.formal_since, e.awaiting_response,
            e.levels_skipped, e.status, e.closed_on, e.in_childs_interest, e.cafcass_referred_on""";

    private final JdbcClient jdbc;
    private final EscalationClocks clocks;

    public EscalationQueries(JdbcClient jdbc, EscalationClocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    /** The escalations that meet every criterion, filters and facets alike, assessed as at today. */
    public List<AssessedEscalation> matching(EscalationCriteria criteria, Scope scope) {
        return clocks.assess(summaries(criteria, scope)).stream().filter(criteria::matches).toList();
    }

    /**
     * The escalations the criteria's filters (raised between, level, category, team, chair) let through, newest
     * first. Facets that depend on today (overdue, age) are for {@link EscalationCriteria#matches} to apply.
     */
    public List<EscalationSummary> summaries(EscalationCriteria criteria, Scope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        filtered(criteria, scope, where, params);
        Map<String, List<EscalationSummary.Child>> children = children(
                "SELECT escalation_id FROM escalation e WHERE " + where, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation e WHERE " + where
                        + " ORDER BY e.raised_on DESC, e.escalation_id")
                .params(params)
                .query((rs, i) -> summary(rs, children))
                .list();
    }

    /**
     * The dashboard's figures for the escalations the filters let through, counted in PostgreSQL: see
     * {@link DashboardTally}.
     */
    DashboardTally tally(EscalationCriteria filters, Scope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        filtered(filters, scope, where, params);
        String open = where + " AND e.status = 'OPEN'";
        // the open escalations' clocks run to today, so they are assessed here as every list assesses them
        List<AssessedEscalation> opened = clocks.assess(jdbc.sql("SELECT " + COLUMNS + " FROM escalation e WHERE "
                        + open).params(params).query((rs, i) -> summary(rs, Map.of())).list());
        return DashboardTally.count(jdbc, where.toString(), params, filters, opened, clocks.calendar());
    }

    /** SQL (over {@code escalation e}) and its parameters: the scope's escalations the criteria's filters let through. */
    private static void filtered(EscalationCriteria criteria, Scope scope, StringBuilder where,
            Map<String, Object> params) {
        where.append(visible(scope));
        params.putAll(scope.params());
        criteria.values().forEach((criterion, value) -> {
            switch (criterion) {
                case RAISED_FROM -> condition(where, params, "e.raised_on >= :from", "from", LocalDate.parse(value));
                case RAISED_TO -> condition(where, params, "e.raised_on <= :to", "to", LocalDate.parse(value));
                case LEVEL -> {
                    if (EscalationPolicy.INFORMAL.equals(value)) {
                        where.append(" AND e.level IS NULL");
                    } else {
                        condition(where, params, "e.level = :level", "level", value);
                    }
                }
                case CATEGORY -> condition(where, params, "e.concern_category = :category", "category", value);
                case TEAM -> condition(where, params, "e.team = :team", "team", value);
                case CHAIR -> condition(where, params, "e.raised_by = :chair", "chair", value);
                default -> {
                    // a facet, matched in Java
                }
            }
        });
    }

    /** One escalation with every step, assessed as at today. */
    /** The children an escalation is about: one child, or each child of a sibling group. */
    public List<String> childrenOf(String escalationId) {
        return jdbc.sql("SELECT child_id FROM escalation_child WHERE escalation_id = :id")
                .param("id", escalationId).query(String.class).list();
    }

    public Optional<EscalationRecord> record(String escalationId) {
        Map<String, Object> params = Map.of("id", escalationId);
        Map<String, List<EscalationSummary.Child>> children = children(":id", params);
        return jdbc.sql("SELECT " + COLUMNS + ", e.asked FROM escalation e WHERE e.escalation_id = :id")
                .params(params)
                .query((rs, i) -> {
                    EscalationSummary summary = summary(rs, children);
                    return new EscalationRecord(summary, rs.getString("asked"),
                            EscalationsProjection.steps(jdbc, escalationId), clocks.assess(summary).timeliness());
                })
                .optional();
    }

    /**
     * Every escalation about a child, alone or in a sibling group, newest first: for working out the child's
     * clocks, never for showing to a reader (see {@link #ofChild(String, Scope)}).
     */
    public List<EscalationSummary> ofChild(String childId) {
        return ofChildren(java.util.Collections.singletonList(childId)).get(childId);
    }

    /**
     * {@link #ofChild(String)} of each of these children, in two queries whatever their number, by child id: for
     * working out a batch of children's clocks at once.
     */
    public Map<String, List<EscalationSummary>> ofChildren(java.util.Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, Object> params = Map.of("children", ids);
        Map<String, List<EscalationSummary.Child>> children = children(
                "SELECT escalation_id FROM escalation_child WHERE child_id = ANY (:children::text[])", params);
        Map<String, List<EscalationSummary>> ofChildren = new HashMap<>();
        jdbc.sql("SELECT ec.child_id AS of_child, " + COLUMNS + " FROM escalation e"
                        + " JOIN (SELECT DISTINCT child_id, escalation_id FROM escalation_child"
                        + " WHERE child_id = ANY (:children::text[])) ec ON ec.escalation_id = e.escalation_id"
                        + " ORDER BY e.raised_on DESC, e.escalation_id")
                .params(params)
                .query(rs -> {
                    ofChildren.computeIfAbsent(rs.getString("of_child"), id -> new ArrayList<>())
                            .add(summary(rs, children));
                });
        for (String id : ids) {
            ofChildren.computeIfAbsent(id, k -> new ArrayList<>());
        }
        return ofChildren;
    }

    /** The steps of each of these escalations, oldest first, in one query, by escalation id: for the clocks. */
    public Map<String, List<EscalationStep>> stepsOf(java.util.Collection<String> escalationIds) {
        return EscalationsProjection.steps(jdbc, escalationIds);
    }

    /**
     * The escalations about a child, alone or in a sibling group, newest first; in a list scope, none that is also
     * about a brother or sister whose restricted record the reader is not named on.
     */
    public List<EscalationSummary> ofChild(String childId, Scope scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("child", childId);
        String ids = "SELECT e.escalation_id FROM escalation e WHERE e.escalation_id IN (SELECT escalation_id FROM"
                + " escalation_child WHERE child_id = :child) AND " + visible(scope);
        Map<String, List<EscalationSummary.Child>> children = children(ids, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation e WHERE e.escalation_id IN (" + ids + ")"
                        + " ORDER BY e.raised_on DESC, e.escalation_id")
                .params(params)
                .query((rs, i) -> summary(rs, children))
                .list();
    }

    /** Teams that have raised escalations in the scope's authorities, for the filter. */
    public List<String> teams(Scope scope) {
        return jdbc.sql("SELECT DISTINCT team FROM escalation e WHERE team IS NOT NULL AND "
                        + scope.authority("e.local_authority") + " ORDER BY team")
                .params(scope.params()).query(String.class).list();
    }

    /** Chairs who have raised escalations in the scope's authorities, username to name, by name, for the filter. */
    public Map<String, String> chairs(Scope scope) {
        Map<String, String> chairs = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT raised_by, max(raised_by_name) AS name FROM escalation e WHERE %s
                 GROUP BY raised_by ORDER BY name, raised_by
                """.formatted(scope.authority("e.local_authority"))).params(scope.params())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> chairs.put(e.getKey(), e.getValue()));
        return chairs;
    }

    /** Levels recorded on escalations of the scope's authorities, for levels a vocabulary does not list. */
    public List<String> levelsRecorded(Scope scope) {
        return jdbc.sql("""
                SELECT DISTINCT s.level FROM escalation_step s JOIN escalation e ON e.escalation_id = s.escalation_id
                 WHERE s.level IS NOT NULL AND %s ORDER BY s.level
                """.formatted(scope.authority("e.local_authority"))).params(scope.params()).query(String.class).list();
    }

    /** Concern categories recorded on escalations of the scope's authorities. */
    public List<String> categoriesRecorded(Scope scope) {
        return jdbc.sql("SELECT DISTINCT concern_category FROM escalation e WHERE "
                        + scope.authority("e.local_authority") + " ORDER BY concern_category")
                .params(scope.params()).query(String.class).list();
    }

    /**
     * SQL: the escalation {@code e} is in scope: of one of the reader's authorities and, in a list, about no child
     * whose restricted record the reader is not named on (the escalation's own page is not found for them either).
     */
    private static String visible(Scope scope) {
        return scope.leavesOutRestricted() ? "(" + scope.authority("e.local_authority")
                + " AND NOT EXISTS (SELECT 1 FROM escalation_child scope_ec JOIN escalation_child_copy scope_c"
                + " ON scope_c.child_id = scope_ec.child_id WHERE scope_ec.escalation_id = e.escalation_id"
                + " AND NOT " + scope.readerMaySee("scope_c.restricted_to") + "))"
                : scope.authority("e.local_authority");
    }

    /** How many escalations of the authority are open: a figure. */
    public int openCount(String localAuthority) {
        return jdbc.sql("SELECT count(*) FROM escalation WHERE local_authority = :la AND closed_on IS NULL")
                .param("la", localAuthority).query(Integer.class).single();
    }

    @Override
    public List<String> idsOfChild(String childId) {
        return jdbc.sql("SELECT escalation_id FROM escalation_child WHERE child_id = :child ORDER BY 1")
                .param("child", childId).query(String.class).list();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name,
            Object value) {
        where.append(" AND ").append(sql);
        params.put(name, value);
    }

    /** The children of the escalations whose ids the subquery selects, with their names as registered. */
    private Map<String, List<EscalationSummary.Child>> children(String escalationIds, Map<String, Object> params) {
        Map<String, List<EscalationSummary.Child>> children = new HashMap<>();
        jdbc.sql("""
                SELECT ec.escalation_id, ec.child_id, c.given_name, c.family_name
                  FROM escalation_child ec LEFT JOIN escalation_child_copy c ON c.child_id = ec.child_id
                 WHERE ec.escalation_id IN (%s)
                 ORDER BY ec.escalation_id, ec.position
                """.formatted(escalationIds))
                .params(params)
                .query((rs, i) -> Map.entry(rs.getString(1), new EscalationSummary.Child(rs.getString(2),
                        rs.getString(3) == null ? null : rs.getString(3) + " " + rs.getString(4))))
                .list()
                .forEach(e -> children.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return children;
    }

    private static EscalationSummary summary(ResultSet rs, Map<String, List<EscalationSummary.Child>> children)
            throws SQLException {
        String id = rs.getString("escalation_id");
        EscalationProgress progress = new EscalationProgress(rs.getString("level"),
                rs.getObject("level_reached_on", LocalDate.class), rs.getObject("formal_since", LocalDate.class),
                rs.getBoolean("awaiting_response"), rs.getInt("levels_skipped"),
                EscalationStatus.valueOf(rs.getString("status")), rs.getObject("closed_on", LocalDate.class),
                (Boolean) rs.getObject("in_childs_interest"), rs.getObject("cafcass_referred_on", LocalDate.class));
        return new EscalationSummary(id, children.getOrDefault(id, List.of()), rs.getString("local_authority"),
                rs.getString("concern_category"), rs.getBoolean("raised_formally"),
                rs.getObject("raised_on", LocalDate.class), rs.getString("raised_by"), rs.getString("raised_by_name"),
                rs.getString("team"), progress);
    }
}
