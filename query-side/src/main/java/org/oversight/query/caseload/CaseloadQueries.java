package org.oversight.query.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.access.Scope;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.clocks.due.NextDue;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterSummary;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the caseload projection. */
@Component
public class CaseloadQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatutoryCalendar calendar;

    /** @param clock today, for what is overdue on the caseload */
    public CaseloadQueries(JdbcClient jdbc, Clock clock, StatutoryCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    /**
     * The children allocated to a chair, in either role, most urgent first: by {@link Urgency} of the earliest
     * open clock that is the chair's in that role (conferences the child protection chair's, everything else the
     * IRO's), then by that date, then by name.
     */
    public List<CaseloadEntry> caseload(String chairId, Scope scope) {
        return ranked("a.chair_id = :chairId", "chairId", chairId, scope);
    }

    /** Every allocation of every chair in the team, most urgent first. */
    public List<CaseloadEntry> teamCaseload(List<String> chairIds, Scope scope) {
        return chairIds.isEmpty() ? List.of() : ranked("a.chair_id IN (:chairIds)", "chairIds", chairIds, scope);
    }

    /**
     * One row per allocation: the child and the allocation from the caseload's own copy of them
     * ({@link CaseloadChildCopy}), everything else from the
     * child's {@code caseload_summary} row (worked out when the child last changed), so the cost per child is one
     * index lookup. The overdue actions are counted from the open actions' due dates as at today. Only children
     * the scope covers are listed.
     */
    private List<CaseloadEntry> ranked(String condition, String parameter, Object value, Scope scope) {
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        List<CaseloadEntry> entries = jdbc.sql("SELECT * FROM (" + ENTRIES.formatted(condition,
                        scope.child("c.local_authority", "c.restricted_to")) + ") e")
                .param(parameter, value)
                .params(scope.params())
                .params(bands(scale))
                .param("today", today)
                .query((rs, i) -> entry(rs, scale))
                .list();
        return entries.stream().sorted(MOST_URGENT_FIRST).toList();
    }

    /** One page of the allocations the selection asks for, with how many it asks for in all. */
    public record Slice(List<CaseloadEntry> entries, int total, int page, int size) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * One page of a chair's caseload as the selection filters and orders it, filtered, ordered and cut in
     * PostgreSQL so that only the page's rows leave the database.
     */
    public Slice caseload(String chairId, Scope scope, CaseloadSelection selection) {
        return sliced("a.chair_id = :chairId", "chairId", chairId, scope, selection);
    }

    /** One page of a team's allocations as the selection filters and orders it. */
    public Slice teamCaseload(List<String> chairIds, Scope scope, CaseloadSelection selection) {
        return chairIds.isEmpty() ? new Slice(List.of(), 0, selection.page(), selection.size())
                : sliced("a.chair_id IN (:chairIds)", "chairIds", chairIds, scope, selection);
    }

    /**
     * How many children (not allocations) fall in each band, each child counted once in the most urgent band of
     * its allocations; with {@code closed}, closed allocations count (as nothing due) too.
     */
    public Map<Urgency, Integer> bands(String chairId, Scope scope, boolean closed) {
        return bandsOf("a.chair_id = :chairId", "chairId", chairId, scope, closed);
    }

    /** As {@link #bands(String, Scope, boolean)} for every chair of a team. */
    public Map<Urgency, Integer> teamBands(List<String> chairIds, Scope scope, boolean closed) {
        return bandsOf("a.chair_id IN (:chairIds)", "chairIds", chairIds.isEmpty() ? List.of("") : chairIds, scope,
                closed);
    }

    /** How many of a chair's allocations have closed. */
    public int closedCount(String chairId, Scope scope) {
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        return jdbc.sql("SELECT count(*) FROM (" + ENTRIES.formatted("a.chair_id = :chairId",
                        scope.child("c.local_authority", "c.restricted_to")) + ") e WHERE e.closed")
                .param("chairId", chairId).params(scope.params()).params(bands(scale)).param("today", today)
                .query(Integer.class).single();
    }

    private Map<Urgency, Integer> bandsOf(String condition, String parameter, Object value, Scope scope,
            boolean closed) {
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        Map<Urgency, Integer> bands = new LinkedHashMap<>();
        for (Urgency urgency : Urgency.values()) {
            bands.put(urgency, 0);
        }
        jdbc.sql("""
                SELECT band, count(*) AS children
                  FROM (SELECT e.child_id, min(e.band) AS band FROM (%s) e
                         WHERE :closed OR NOT e.closed GROUP BY e.child_id) most_urgent
                 GROUP BY band""".formatted(ENTRIES.formatted(condition,
                        scope.child("c.local_authority", "c.restricted_to"))))
                .param(parameter, value).params(scope.params()).params(bands(scale)).param("today", today)
                .param("closed", closed)
                .query((rs, i) -> bands.put(Urgency.values()[rs.getInt("band")], rs.getInt("children")))
                .list();
        return bands;
    }

    /**
     * What a chair's caseload page shows, read in one statement: the page of open allocations the selection asks
     * for, how many it matches in all, the children in each band ({@link #bands} without closed allocations) and
     * how many allocations have closed ({@link #closedCount}). The allocations are read once and each figure
     * drawn from them, so the page costs one round trip, and every figure is of the same moment.
     */
    public record ChairPage(Slice slice, Map<Urgency, Integer> bands, int closed) {
    }

    /** As {@link #caseload(String, Scope, CaseloadSelection)}, {@link #bands} and {@link #closedCount} together. */
    public ChairPage chairPage(String chairId, Scope scope, CaseloadSelection selection) {
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        Map<String, Object> params = new java.util.HashMap<>(bands(scale));
        String filters = filters(selection, params);
        StringBuilder bandCounts = new StringBuilder();
        for (Urgency urgency : Urgency.values()) {
            bandCounts.append(", count(*) FILTER (WHERE m.band = ").append(urgency.ordinal())
                    .append(") AS children_in_band_").append(urgency.ordinal());
        }
        Map<Urgency, Integer> bands = new LinkedHashMap<>();
        int[] figures = new int[2];
        List<CaseloadEntry> entries = new java.util.ArrayList<>();
        // the figures are one row, joined to each of the page's rows (or to none: a page past the last, or an
        // empty caseload, still answers the figures)
        jdbc.sql("""
                WITH allocations AS MATERIALIZED (%s),
                     matched AS (SELECT * FROM allocations e WHERE %s),
                     figures AS (SELECT (SELECT count(*) FROM matched) AS matched_total,
                                        (SELECT count(*) FROM allocations WHERE closed) AS closed_total %s
                                   FROM (SELECT min(a.band) AS band FROM allocations a WHERE NOT a.closed
                                          GROUP BY a.child_id) m)
                SELECT f.*, e.* FROM figures f
                  LEFT JOIN LATERAL (SELECT * FROM matched e ORDER BY %s LIMIT :limit OFFSET :offset) e ON TRUE
                 ORDER BY %s""".formatted(
                        ENTRIES.formatted("a.chair_id = :chairId", scope.child("c.local_authority", "c.restricted_to")),
                        filters, bandCounts, ORDERS.get(selection.sort()), ORDERS.get(selection.sort())))
                .param("chairId", chairId)
                .params(scope.params())
                .params(params)
                .param("limit", selection.size())
                .param("offset", selection.offset())
                .param("today", today)
                .query(rs -> {
                    if (bands.isEmpty()) {
                        figures[0] = rs.getInt("matched_total");
                        figures[1] = rs.getInt("closed_total");
                        for (Urgency urgency : Urgency.values()) {
                            bands.put(urgency, rs.getInt("children_in_band_" + urgency.ordinal()));
                        }
                    }
                    if (rs.getString("child_id") != null) {
                        entries.add(entry(rs, scale));
                    }
                });
        return new ChairPage(new Slice(List.copyOf(entries), figures[0], selection.page(), selection.size()),
                bands, figures[1]);
    }

    /** The selection's filters as SQL over the allocations {@code e}, their values put into {@code params}. */
    private static String filters(CaseloadSelection selection, Map<String, Object> params) {
        List<String> where = new java.util.ArrayList<>();
        if (!selection.closed()) {
            where.add("NOT e.closed");
        }
        if (selection.role() != null) {
            where.add("e.role = :role");
            params.put("role", selection.role().name());
        }
        if (selection.kind() == CaseloadSelection.Kind.PLAN) {
            where.add("e.plan_id IS NOT NULL");
        } else if (selection.kind() == CaseloadSelection.Kind.CARE) {
            where.add("e.la_since IS NOT NULL");
        }
        if (selection.due() == CaseloadSelection.Due.OVERDUE) {
            where.add("e.band = " + Urgency.OVERDUE.ordinal());
        } else if (selection.due() == CaseloadSelection.Due.SOON) {
            where.add("e.band IN (" + Urgency.DUE_WITHIN_5_WORKING_DAYS.ordinal() + ", "
                    + Urgency.DUE_WITHIN_20_WORKING_DAYS.ordinal() + ")");
        }
        if (selection.name() != null) {
            where.add("lower(e.given_name || ' ' || e.family_name) LIKE :name ESCAPE '\\'");
            params.put("name", "%" + selection.name().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
    }

    private Slice sliced(String condition, String parameter, Object value, Scope scope,
            CaseloadSelection selection) {
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        Map<String, Object> params = new java.util.HashMap<>(bands(scale));
        String filters = filters(selection, params);
        params.put("limit", selection.size());
        params.put("offset", selection.offset());
        List<Object[]> rows = jdbc.sql("""
                SELECT e.*, count(*) OVER () AS total FROM (%s) e
                 WHERE %s
                 ORDER BY %s
                 LIMIT :limit OFFSET :offset""".formatted(
                        ENTRIES.formatted(condition, scope.child("c.local_authority", "c.restricted_to")),
                        filters, ORDERS.get(selection.sort())))
                .param(parameter, value)
                .params(scope.params())
                .params(params)
                .param("today", today)
                .query((rs, i) -> new Object[] {entry(rs, scale), rs.getInt("total")})
                .list();
        int total;
        if (!rows.isEmpty()) {
            total = (Integer) rows.get(0)[1];
        } else if (selection.page() == 1) {
            total = 0;
        } else {
            // past the last page: the count still says how many there are, so the page can lead back
            total = sliced(condition, parameter, value, scope, selection.onPage(1)).total();
        }
        return new Slice(rows.stream().map(r -> (CaseloadEntry) r[0]).toList(), total, selection.page(),
                selection.size());
    }

    /** Every order ends on the child and the role: rows never tie, so no row is on two pages or none. */
    private static final Map<CaseloadSelection.Sort, String> ORDERS = Map.of(
            CaseloadSelection.Sort.URGENCY,
            "e.band, e.next_due_on NULLS LAST, e.family_name, e.given_name, e.child_id, e.role",
            CaseloadSelection.Sort.DUE,
            "e.next_due_on NULLS LAST, e.band, e.family_name, e.given_name, e.child_id, e.role",
            CaseloadSelection.Sort.NAME,
            "lower(e.family_name), lower(e.given_name), e.family_name, e.given_name, e.child_id, e.role",
            CaseloadSelection.Sort.ROLE,
            "e.role DESC, e.band, e.next_due_on NULLS LAST, e.family_name, e.given_name, e.child_id");

    /** The band boundaries of {@link Urgency.Scale} as parameters of {@link #ENTRIES}. */
    private static Map<String, Object> bands(Urgency.Scale scale) {
        return Map.of("last_overdue", scale.lastOverdue(), "last_within_5", scale.lastWithin5(),
                "last_within_20", scale.lastWithin20());
    }

    private static CaseloadEntry entry(java.sql.ResultSet rs, Urgency.Scale scale) throws java.sql.SQLException {
        LocalDate due = rs.getObject("next_due_on", LocalDate.class);
        ProtectionRecord.Plan plan = rs.getString("plan_id") == null ? null : ProtectionQueries.plan(rs);
        LookedAfterSummary lookedAfter = LookedAfterQueries.summary(rs);
        ChairRole role = ChairRole.valueOf(rs.getString("role"));
        boolean over = rs.getBoolean("closed");
        return new CaseloadEntry(rs.getString("child_id"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("local_authority"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getObject("expected_date_of_delivery", LocalDate.class), role,
                rs.getObject("allocated_from", LocalDate.class), plan, lookedAfter,
                due == null ? null : new NextDue(rs.getString("next_kind"), rs.getString("next_name"), due),
                scale.of(due), rs.getString("allocated_chair_name"),
                over ? rs.getObject("ended_on", LocalDate.class) : null,
                rs.getBoolean("consultation_not_yet_held"));
    }

    /**
     * One row per allocation: the child and the allocation from the caseload's own copy of them
     * ({@link CaseloadChildCopy}), everything else from the child's {@code caseload_summary} row (worked out when
     * the child last changed), so the cost per child is one index lookup. The overdue actions are counted from
     * the open actions' due dates as at today. {@code band} is the allocation's {@link Urgency} as its ordinal,
     * from the boundaries of {@link Urgency.Scale}; {@code closed} says the allocation has closed: the plan (a
     * child protection chair's) or the period of care (an IRO's) has ended and nothing is left due in that role; a
     * child newly allocated, before any plan or period, is open.
     * The first placeholder is the allocations' condition, the second the scope's.
     */
    private static final String ENTRIES = """
            SELECT c.child_id, c.given_name, c.family_name, c.local_authority, c.date_of_birth,
                   c.expected_date_of_delivery, a.role, a.allocated_from, a.chair_name AS allocated_chair_name,
                   s.plan_id, s.start_date, s.initial_category, s.latest_category, s.previous_plans,
                   s.last_review_on, s.reviews, CAST(NULL AS DATE) AS end_date,
                   CAST(NULL AS VARCHAR) AS end_reason,
                   s.la_since, s.la_last_review_on, s.la_last_participation, s.la_consulted_before,
                   s.la_open_actions, s.la_iro_changes,
                   (SELECT count(*) FROM unnest(s.la_open_actions_due_on) d WHERE d < :today)
                       AS la_overdue_actions,
                   n.next_kind, n.next_name, n.next_due_on,
                   CASE WHEN a.role = 'CP_CHAIR' THEN s.plan_ended_on ELSE s.period_ended_on END AS ended_on,
                   a.role <> 'CP_CHAIR' AND 'consultation' = ANY (s.next_iro_due_with)
                       AS consultation_not_yet_held,
                   CASE WHEN n.next_due_on IS NULL THEN 4
                        WHEN n.next_due_on <= :last_overdue THEN 0
                        WHEN n.next_due_on <= :last_within_5 THEN 1
                        WHEN n.next_due_on <= :last_within_20 THEN 2
                        ELSE 3 END AS band,
                   n.next_due_on IS NULL
                       AND CASE WHEN a.role = 'CP_CHAIR' THEN s.plan_id IS NULL AND s.plan_ended_on IS NOT NULL
                                ELSE s.la_since IS NULL AND s.period_ended_on IS NOT NULL END
                       AS closed
              FROM caseload_allocation_copy a JOIN caseload_child_copy c ON c.child_id = a.child_id
              LEFT JOIN caseload_summary s ON s.child_id = a.child_id
              CROSS JOIN LATERAL (SELECT
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_kind ELSE s.next_iro_kind END AS next_kind,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_name ELSE s.next_iro_name END AS next_name,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_due_on ELSE s.next_iro_due_on END
                           AS next_due_on) n
             WHERE %s AND %s
            """;

    private static final Comparator<CaseloadEntry> MOST_URGENT_FIRST = Comparator
            .comparing(CaseloadEntry::urgency)
            .thenComparing(e -> e.next() == null ? LocalDate.MAX : e.next().dueOn())
            .thenComparing(CaseloadEntry::familyName).thenComparing(CaseloadEntry::givenName)
            .thenComparing(CaseloadEntry::childId).thenComparing(CaseloadEntry::role);

    /**
     * One page of a chair's closed allocations, most recently closed first (then by name, child and role, so no
     * two rows tie and no row is on two pages), filtered, ordered and cut in PostgreSQL so that only the page's
     * rows leave the database, however many the chair has closed over the years. A page past the last answers
     * the last page, as the page it replaces did.
     *
     * @param size from 1 to {@value CaseloadSelection#MAX_SIZE}
     */
    public Slice closedCaseload(String chairId, Scope scope, int page, int size) {
        if (size < 1 || size > CaseloadSelection.MAX_SIZE || page < 1) {
            throw new IllegalArgumentException("A page of closed allocations is from 1 to "
                    + CaseloadSelection.MAX_SIZE + " rows, from the first page on");
        }
        LocalDate today = LocalDate.now(clock);
        Urgency.Scale scale = Urgency.on(today, calendar.current());
        List<Object[]> rows = jdbc.sql("""
                SELECT e.*, count(*) OVER () AS total FROM (%s) e
                 WHERE e.closed
                 ORDER BY e.ended_on DESC, e.family_name, e.given_name, e.child_id, e.role
                 LIMIT :limit OFFSET :offset""".formatted(
                        ENTRIES.formatted("a.chair_id = :chairId", scope.child("c.local_authority", "c.restricted_to"))))
                .param("chairId", chairId)
                .params(scope.params())
                .params(bands(scale))
                .param("today", today)
                .param("limit", size)
                .param("offset", (long) (page - 1) * size)
                .query((rs, i) -> new Object[] {entry(rs, scale), rs.getInt("total")})
                .list();
        if (rows.isEmpty() && page > 1) {
            int total = closedCount(chairId, scope);
            int last = Math.max(1, (total + size - 1) / size);
            // the count is read after the page, so a list that shrank in between answers empty, never loops
            return last < page ? closedCaseload(chairId, scope, last, size) : new Slice(List.of(), total, page, size);
        }
        int total = rows.isEmpty() ? 0 : (Integer) rows.get(0)[1];
        return new Slice(rows.stream().map(r -> (CaseloadEntry) r[0]).toList(), total, page, size);
    }
}
