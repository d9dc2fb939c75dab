package org.oversight.query.clocks.due;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Team;
import org.oversight.query.access.Scope;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service-wide and team views of what is due: everything overdue today, and how many children fall in
 * each urgency band, for the whole service or the chairs of one team. Each is a range query over the due
 * dates in {@code due_item}, within the reader's {@link Scope}: the list leaves out restricted records, the
 * bands (figures) count them. Who the child is and who chairs for them come from the due items' own copy
 * ({@link DueItemChildCopy}).
 */
@Component
public class OverdueQueries {

    /** The most rows a page lists; counts always cover everything. */
    public static final int PAGE_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatutoryCalendar calendar;

    public OverdueQueries(JdbcClient jdbc, Clock clock, StatutoryCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** One overdue item, with the chair whose clock it is (if one is allocated). */
    public record OverdueItem(String childId, String givenName, String familyName, String localAuthority,
            String kind, String name, LocalDate dueOn, int workingDaysOverdue, String chairId, String chairName) {

        public String childName() {
            return givenName + " " + familyName;
        }
    }

    /** @param total every overdue item matching, of which {@code items} are the first (most overdue first) */
    public record Overdue(LocalDate today, int total, List<OverdueItem> items) {

        public boolean truncated() {
            return items.size() < total;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Everything overdue today, most overdue first.
     *
     * @param chairIds only items whose chair is one of these (a team); {@code null} for the whole service
     * @param scope    whose children: the reader's authorities, without the restricted records kept from them
     */
    public Overdue overdue(List<String> chairIds, Scope scope, int limit) {
        LocalDate today = today();
        WorkingDayCalendar days = calendar.current();
        // the items' own authority lets PostgreSQL start from the scope's authorities; the child copy's decides
        String where = "d.due_on < :today" + (chairIds == null ? "" : " AND a.chair_id IN (:chairs)")
                + " AND " + scope.authority("d.local_authority")
                + " AND " + scope.child("c.local_authority", "c.restricted_to");
        if (chairIds != null && chairIds.isEmpty()) {
            return new Overdue(today, 0, List.of());
        }
        var count = jdbc.sql("""
                SELECT count(*) FROM due_item d JOIN due_item_child_copy c ON c.child_id = d.child_id
                  LEFT JOIN due_item_allocation_copy a ON a.child_id = d.child_id AND a.role = d.chair_role
                 WHERE %s""".formatted(where)).param("today", today).params(scope.params());
        var list = jdbc.sql("""
                SELECT d.child_id, c.given_name, c.family_name, c.local_authority, d.kind, d.name, d.due_on,
                       a.chair_id, a.chair_name
                  FROM due_item d JOIN due_item_child_copy c ON c.child_id = d.child_id
                  LEFT JOIN due_item_allocation_copy a ON a.child_id = d.child_id AND a.role = d.chair_role
                 WHERE %s
                 ORDER BY d.due_on, d.child_id, d.position
                 LIMIT :limit""".formatted(where)).param("today", today).param("limit", limit)
                .params(scope.params());
        if (chairIds != null) {
            count = count.param("chairs", chairIds);
            list = list.param("chairs", chairIds);
        }
        int total = count.query(Integer.class).single();
        List<OverdueItem> items = list.query((rs, i) -> {
            LocalDate due = rs.getObject(7, LocalDate.class);
            return new OverdueItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), due, days.workingDaysBetween(due, today), rs.getString(8),
                    rs.getString(9));
        }).list();
        return new Overdue(today, total, items);
    }

    /** How many children of the authority have a clock overdue today, restricted records counted: a figure. */
    public int childrenOverdue(String localAuthority) {
        return jdbc.sql("""
                SELECT count(DISTINCT d.child_id) FROM due_item d JOIN due_item_child_copy c ON c.child_id = d.child_id
                 WHERE d.local_authority = :la AND c.local_authority = :la AND d.due_on < :today""")
                .param("la", localAuthority).param("today", today()).query(Integer.class).single();
    }

    /**
     * How many children fall in each urgency band by their earliest open clock, for the children of these chairs
     * ({@code null}: every registered child) that the scope covers.
     */
    public Map<Urgency, Integer> bands(List<String> chairIds, Scope scope) {
        LocalDate today = today();
        WorkingDayCalendar days = calendar.current();
        Map<Urgency, Integer> bands = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            bands.put(urgency, 0);
        }
        if (chairIds != null && chairIds.isEmpty()) {
            return bands;
        }
        // each child once, by the earliest clock of the whole child (service) or of the roles these chairs hold
        String nextDue = chairIds == null
                ? """
                  SELECT k.child_id, (SELECT min(d.due_on) FROM due_item d WHERE d.child_id = k.child_id) AS next_due
                    FROM due_item_child_copy k
                   WHERE %s""".formatted(scope.child("k.local_authority", "k.restricted_to"))
                : """
                  SELECT a.child_id, min(d.due_on) AS next_due
                    FROM due_item_allocation_copy a JOIN due_item_child_copy k ON k.child_id = a.child_id
                    LEFT JOIN due_item d ON d.child_id = a.child_id AND d.chair_role = a.role
                   WHERE a.chair_id IN (:chairs) AND %s
                   GROUP BY a.child_id""".formatted(scope.child("k.local_authority", "k.restricted_to"));
        var query = jdbc.sql("""
                SELECT CASE WHEN n.next_due IS NULL THEN 'NOTHING_DUE'
                            WHEN n.next_due <= :overdue THEN 'OVERDUE'
                            WHEN n.next_due <= :within5 THEN 'DUE_WITHIN_5_WORKING_DAYS'
                            WHEN n.next_due <= :within20 THEN 'DUE_WITHIN_20_WORKING_DAYS'
                            ELSE 'ON_TRACK' END AS band, count(*)
                  FROM (%s) n
                 GROUP BY band""".formatted(nextDue))
                .param("overdue", Urgency.OVERDUE.lastDueDate(today, days))
                .param("within5", Urgency.DUE_WITHIN_5_WORKING_DAYS.lastDueDate(today, days))
                .param("within20", Urgency.DUE_WITHIN_20_WORKING_DAYS.lastDueDate(today, days))
                .params(scope.params());
        if (chairIds != null) {
            query = query.param("chairs", chairIds);
        }
        query.query((rs, i) -> Map.entry(Urgency.valueOf(rs.getString(1)), rs.getInt(2)))
                .list().forEach(e -> bands.put(e.getKey(), e.getValue()));
        return bands;
    }

    /** A chair's place in a team, for the team bands. */
    public record Membership(String chairId, Team team) {
    }

    /**
     * Each team's urgency bands in one query: every child of the team's own authority counted once per team, by
     * the earliest clock of the roles the team's chairs hold for them, within the scope.
     *
     * @param memberships each chair's teams (a chair may belong to several)
     */
    public Map<Team, Map<Urgency, Integer>> bandsByTeam(List<Membership> memberships, Scope scope) {
        LocalDate today = today();
        WorkingDayCalendar days = calendar.current();
        Map<Team, Map<Urgency, Integer>> teams = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Team::localAuthority).thenComparing(Team::name));
        memberships.forEach(m -> teams.computeIfAbsent(m.team(), t -> {
            Map<Urgency, Integer> bands = new EnumMap<>(Urgency.class);
            for (Urgency urgency : Urgency.values()) {
                bands.put(urgency, 0);
            }
            return bands;
        }));
        if (memberships.isEmpty()) {
            return teams;
        }
        jdbc.sql("""
                WITH membership AS (SELECT * FROM unnest(CAST(:chairs AS text[]), CAST(:authorities AS text[]),
                                                         CAST(:teams AS text[])) AS m(chair_id, local_authority, team))
                SELECT n.local_authority, n.team,
                       CASE WHEN n.next_due IS NULL THEN 'NOTHING_DUE'
                            WHEN n.next_due <= :overdue THEN 'OVERDUE'
                            WHEN n.next_due <= :within5 THEN 'DUE_WITHIN_5_WORKING_DAYS'
                            WHEN n.next_due <= :within20 THEN 'DUE_WITHIN_20_WORKING_DAYS'
                            ELSE 'ON_TRACK' END AS band, count(*)
                  FROM (SELECT m.local_authority, m.team, a.child_id, min(d.due_on) AS next_due
                          FROM due_item_allocation_copy a JOIN membership m ON m.chair_id = a.chair_id
                          JOIN due_item_child_copy c ON c.child_id = a.child_id AND c.local_authority = m.local_authority
                          LEFT JOIN due_item d ON d.child_id = a.child_id AND d.chair_role = a.role
                         WHERE %s
                         GROUP BY m.local_authority, m.team, a.child_id) n
                 GROUP BY n.local_authority, n.team, band""".formatted(scope.child("c.local_authority", "c.restricted_to")))
                .param("chairs", memberships.stream().map(Membership::chairId).toArray(String[]::new))
                .param("authorities", memberships.stream().map(m -> m.team().localAuthority()).toArray(String[]::new))
                .param("teams", memberships.stream().map(m -> m.team().name()).toArray(String[]::new))
                .param("overdue", Urgency.OVERDUE.lastDueDate(today, days))
                .param("within5", Urgency.DUE_WITHIN_5_WORKING_DAYS.lastDueDate(today, days))
                .param("within20", Urgency.DUE_WITHIN_20_WORKING_DAYS.lastDueDate(today, days))
                .params(scope.params())
                .query((rs, i) -> {
                    teams.get(new Team(rs.getString(1), rs.getString(2))).put(Urgency.valueOf(rs.getString(3)),
                            rs.getInt(4));
                    return null;
                }).list();
        return teams;
    }
}
