package org.oversight.query.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
        List<CaseloadEntry> entries = jdbc.sql("""
                SELECT c.child_id, c.given_name, c.family_name, c.local_authority, c.date_of_birth,
                       c.expected_date_of_delivery, a.role, a.allocated_from, a.chair_name AS allocated_chair_name,
                       s.plan_id, s.start_date, s.initial_category, s.latest_category, s.previous_plans,
                       s.last_review_on, s.reviews, CAST(NULL AS DATE) AS end_date,
                       CAST(NULL AS VARCHAR) AS end_reason,
                       s.la_since, s.la_last_review_on, s.la_last_participation, s.la_consulted_before,
                       s.la_open_actions, s.la_iro_changes,
                       (SELECT count(*) FROM unnest(s.la_open_actions_due_on) d WHERE d < :today)
                           AS la_overdue_actions,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_kind ELSE s.next_iro_kind END AS next_kind,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_name ELSE s.next_iro_name END AS next_name,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.next_cp_due_on ELSE s.next_iro_due_on END
                           AS next_due_on,
                       CASE WHEN a.role = 'CP_CHAIR' THEN s.plan_ended_on ELSE s.period_ended_on END AS ended_on,
                       a.role <> 'CP_CHAIR' AND 'consultation' = ANY (s.next_iro_due_with)
                           AS consultation_not_yet_held
                  FROM caseload_allocation_copy a JOIN caseload_child_copy c ON c.child_id = a.child_id
                  LEFT JOIN caseload_summary s ON s.child_id = a.child_id
                 WHERE %s AND %s
                """.formatted(condition, scope.child("c.local_authority", "c.restricted_to")))
                .param(parameter, value)
                .params(scope.params())
                .param("today", today)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject("next_due_on", LocalDate.class);
                    ProtectionRecord.Plan plan = rs.getString("plan_id") == null ? null : ProtectionQueries.plan(rs);
                    LookedAfterSummary lookedAfter = LookedAfterQueries.summary(rs);
                    ChairRole role = ChairRole.valueOf(rs.getString("role"));
                    // the allocation has closed once the plan (a child protection chair's) or the period of care
                    // (an IRO's) has ended and nothing is left due in that role
                    boolean over = due == null && (role == ChairRole.CP_CHAIR ? plan == null : lookedAfter == null);
                    return new CaseloadEntry(rs.getString("child_id"), rs.getString("given_name"),
                            rs.getString("family_name"), rs.getString("local_authority"),
                            rs.getObject("date_of_birth", LocalDate.class),
                            rs.getObject("expected_date_of_delivery", LocalDate.class), role,
                            rs.getObject("allocated_from", LocalDate.class), plan, lookedAfter,
                            due == null ? null : new NextDue(rs.getString("next_kind"),
                                    rs.getString("next_name"), due),
                            scale.of(due), rs.getString("allocated_chair_name"),
                            over ? rs.getObject("ended_on", LocalDate.class) : null,
                            rs.getBoolean("consultation_not_yet_held"));
                })
                .list();
        return entries.stream().sorted(MOST_URGENT_FIRST).toList();
    }

    private static final Comparator<CaseloadEntry> MOST_URGENT_FIRST = Comparator
            .comparing(CaseloadEntry::urgency)
            .thenComparing(e -> e.next() == null ? LocalDate.MAX : e.next().dueOn())
            .thenComparing(CaseloadEntry::familyName).thenComparing(CaseloadEntry::givenName)
            .thenComparing(CaseloadEntry::childId).thenComparing(CaseloadEntry::role);
}
