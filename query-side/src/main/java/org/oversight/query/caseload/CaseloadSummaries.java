package org.oversight.query.caseload;

import java.time.LocalDate;
import org.oversight.query.clocks.due.NextDue;
import org.oversight.query.clocks.due.NextDueSummaries;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.protection.ProtectionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code caseload_summary}: what a caseload shows about a child (the open plan, the current period of care,
 * when the latest of each ended, the next clock in each chair role), worked out once each time the child's due
 * items are, instead of on every read of every caseload the child is on.
 */
@Component
public class CaseloadSummaries implements NextDueSummaries {

    private final JdbcClient jdbc;

    public CaseloadSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the child's row from the projections as they stand, with the child's earliest open clock in each
     * role ({@code null} when nothing is due in that role). Runs in the caller's transaction; a child the caseload
     * projection does not know is left without a row.
     */
    @Override
    public void write(String childId, NextDue nextIro, NextDue nextCp, LocalDate today) {
        jdbc.sql("DELETE FROM caseload_summary WHERE child_id = :child").param("child", childId).update();
        jdbc.sql("""
                INSERT INTO caseload_summary (child_id, plan_id, start_date, initial_category, latest_category,
                       previous_plans, last_review_on, reviews, la_since, la_last_review_on, la_last_participation,
                       la_consulted_before, la_open_actions, la_open_actions_due_on, la_iro_changes, plan_ended_on,
                       period_ended_on, next_iro_kind, next_iro_name, next_iro_due_on, next_cp_kind, next_cp_name,
                       next_cp_due_on)
                SELECT c.child_id, plan.plan_id, plan.start_date, plan.initial_category, plan.latest_category,
                       plan.previous_plans, plan.last_review_on, plan.reviews, la.la_since, la.la_last_review_on,
                       la.la_last_participation, la.la_consulted_before, la.la_open_actions, actions.due_on,
                       la.la_iro_changes,
                       (SELECT max(e.end_date) FROM protection_plan e WHERE e.child_id = c.child_id),
                       (SELECT max(e.ended_on) FROM looked_after_period e WHERE e.child_id = c.child_id),
                       CAST(:iroKind AS VARCHAR), CAST(:iroName AS VARCHAR), CAST(:iroDue AS DATE),
                       CAST(:cpKind AS VARCHAR), CAST(:cpName AS VARCHAR), CAST(:cpDue AS DATE)
                  FROM caseload_child c
                  LEFT JOIN LATERAL (SELECT %s FROM protection_plan p
                                      WHERE p.child_id = c.child_id AND p.end_date IS NULL
                                      ORDER BY p.start_date DESC LIMIT 1) plan ON TRUE
                  LEFT JOIN LATERAL (SELECT * FROM (%s) s ORDER BY s.la_since DESC LIMIT 1) la ON TRUE
                  LEFT JOIN LATERAL (SELECT array_agg(a.due_on ORDER BY a.due_on) AS due_on
                                       FROM looked_after_action a
                                       JOIN looked_after_review ar ON ar.review_id = a.review_id
                                       JOIN looked_after_period p ON p.period_id = ar.period_id
                                      WHERE p.child_id = c.child_id AND p.ended_on IS NULL
                                        AND a.status = 'OPEN') actions ON TRUE
                 WHERE c.child_id = :child
                """.formatted(ProtectionQueries.PLAN_COLUMNS, LookedAfterQueries.SUMMARY))
                .param("child", childId)
                .param("today", today)
                .param("iroKind", nextIro == null ? null : nextIro.kind())
                .param("iroName", nextIro == null ? null : nextIro.name())
                .param("iroDue", nextIro == null ? null : nextIro.dueOn())
                .param("cpKind", nextCp == null ? null : nextCp.kind())
                .param("cpName", nextCp == null ? null : nextCp.name())
                .param("cpDue", nextCp == null ? null : nextCp.dueOn())
                .update();
    }
}
