package org.oversight.query.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.clocks.calendar.StatutoryCalendar;
import org.oversight.query.clocks.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.protection.ProtectionQueries;
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
    public List<CaseloadEntry> caseload(String chairId) {
        return ranked("a.chair_id = :chairId", "chairId", chairId);
    }

    /** Every allocation of every chair in the team, most urgent first. */
    public List<CaseloadEntry> teamCaseload(List<String> chairIds) {
        return chairIds.isEmpty() ? List.of() : ranked("a.chair_id IN (:chairIds)", "chairIds", chairIds);
    }

    /** The children on the chair's caseload, for refreshing their due items before the caseload is shown. */
    public List<String> childrenOf(Collection<String> chairIds) {
        return chairIds.isEmpty() ? List.of()
                : jdbc.sql("SELECT DISTINCT child_id FROM caseload_allocation WHERE chair_id IN (:chairIds)")
                        .param("chairIds", chairIds).query(String.class).list();
    }

    private List<CaseloadEntry> ranked(String condition, String parameter, Object value) {
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar days = calendar.current();
        List<CaseloadEntry> entries = jdbc.sql("""
                SELECT c.child_id, c.given_name, c.family_name, c.local_authority, c.date_of_birth,
                       c.expected_date_of_delivery, a.role, a.allocated_from, plan.*, la.*,
                       next.kind AS next_kind, next.name AS next_name, next.due_on AS next_due_on,
                       a.chair_name AS allocated_chair_name
                  FROM caseload_allocation a JOIN caseload_child c ON c.child_id = a.child_id
                  LEFT JOIN LATERAL (SELECT %s FROM protection_plan p
                                      WHERE p.child_id = c.child_id AND p.end_date IS NULL) plan ON TRUE
                  LEFT JOIN LATERAL (%s) la ON TRUE
                  LEFT JOIN LATERAL (SELECT d.kind, d.name, d.due_on FROM due_item d
                                      WHERE d.child_id = c.child_id AND d.chair_role = a.role
                                      ORDER BY d.due_on, d.position LIMIT 1) next ON TRUE
                 WHERE %s
                """.formatted(ProtectionQueries.PLAN_COLUMNS, LookedAfterQueries.SUMMARY, condition))
                .param(parameter, value)
                .param("today", today)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject("next_due_on", LocalDate.class);
                    return new CaseloadEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            ChairRole.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class),
                            rs.getString("plan_id") == null ? null : ProtectionQueries.plan(rs),
                            LookedAfterQueries.summary(rs),
                            due == null ? null : new CaseloadEntry.NextDue(rs.getString("next_kind"),
                                    rs.getString("next_name"), due),
                            Urgency.of(due, today, days), rs.getString("allocated_chair_name"));
                })
                .list();
        return entries.stream().sorted(MOST_URGENT_FIRST).toList();
    }

    private static final Comparator<CaseloadEntry> MOST_URGENT_FIRST = Comparator
            .comparing(CaseloadEntry::urgency)
            .thenComparing(e -> e.next() == null ? LocalDate.MAX : e.next().dueOn())
            .thenComparing(CaseloadEntry::familyName).thenComparing(CaseloadEntry::givenName)
            .thenComparing(CaseloadEntry::childId).thenComparing(CaseloadEntry::role);

    public Optional<ChildSummary> child(String childId) {
        List<ChildSummary.Allocation> allocations = jdbc.sql("""
                SELECT role, chair_id, chair_name, allocated_from, chair_changes
                  FROM caseload_allocation WHERE child_id = :childId ORDER BY role
                """)
                .param("childId", childId)
                .query((rs, i) -> new ChildSummary.Allocation(ChairRole.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, java.time.LocalDate.class), rs.getInt(5)))
                .list();
        return jdbc.sql("""
                SELECT child_id, local_authority, local_identifier, given_name, family_name, date_of_birth,
                       expected_date_of_delivery, registered_on, last_sequence
                  FROM caseload_child WHERE child_id = :childId
                """)
                .param("childId", childId)
                .query((rs, i) -> new ChildSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.LocalDate.class),
                        rs.getObject(7, java.time.LocalDate.class), rs.getObject(8, java.time.LocalDate.class),
                        rs.getLong(9), allocations))
                .optional();
    }
}
