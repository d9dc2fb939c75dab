package org.oversight.query.caseload;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oversight.query.clocks.due.NextDue;
import org.oversight.query.clocks.due.NextDueSummaries;
import org.oversight.query.lookedafter.LookedAfterNow;
import org.oversight.query.lookedafter.LookedAfterSummary;
import org.oversight.query.protection.ProtectionNow;
import org.oversight.query.protection.ProtectionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code caseload_summary}: what a caseload shows about a child (the open plan, the current period of care,
 * when the latest of each ended, the next clock in each chair role), worked out once each time the child's due
 * items are, instead of on every read of every caseload the child is on. The plan and the period are worked out
 * by their own packages, from the records the clocks were worked out from or else asked for the child, never read
 * from their tables here.
 */
@Component
public class CaseloadSummaries implements NextDueSummaries {

    private final JdbcClient jdbc;
    private final ProtectionNow protection;
    private final LookedAfterNow lookedAfter;

    public CaseloadSummaries(JdbcClient jdbc, ProtectionNow protection, LookedAfterNow lookedAfter) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.lookedAfter = lookedAfter;
    }

    /**
     * Replaces the child's row from the projections as they stand, with the child's earliest open clock in each
     * role ({@code null} when nothing is due in that role). Runs in the caller's transaction; a child the caseload
     * does not know is left without a row.
     */
    @Override
    public void write(String childId, NextDue nextIro, NextDue nextCp, LocalDate today) {
        jdbc.sql("DELETE FROM caseload_summary WHERE child_id = :child").param("child", childId).update();
        ProtectionNow.Facts plans = protection.of(childId);
        LookedAfterNow.Facts care = lookedAfter.of(childId, today);
        ProtectionRecord.Plan plan = plans.openPlan().orElse(null);
        LookedAfterSummary period = care.current().orElse(null);
        jdbc.sql("""
                INSERT INTO caseload_summary (child_id, plan_id, start_date, initial_category, latest_category,
                       previous_plans, last_review_on, reviews, la_since, la_last_review_on, la_last_participation,
                       la_consulted_before, la_open_actions, la_open_actions_due_on, la_iro_changes, plan_ended_on,
                       period_ended_on, next_iro_kind, next_iro_name, next_iro_due_on, next_cp_kind, next_cp_name,
                       next_cp_due_on)
                SELECT c.child_id, CAST(:planId AS text), CAST(:start AS date), CAST(:initial AS text),
                       CAST(:latest AS text), CAST(:previous AS integer), CAST(:planReview AS date),
                       CAST(:reviews AS integer), CAST(:since AS date), CAST(:laReview AS date),
                       CAST(:participation AS text), CAST(:consulted AS boolean), CAST(:openActions AS integer),
                       CAST(:dueOn AS date[]), CAST(:iroChanges AS integer), CAST(:planEnded AS date),
                       CAST(:periodEnded AS date),
                       CAST(:iroKind AS VARCHAR), CAST(:iroName AS VARCHAR), CAST(:iroDue AS DATE),
                       CAST(:cpKind AS VARCHAR), CAST(:cpName AS VARCHAR), CAST(:cpDue AS DATE)
                  FROM caseload_child_copy c
                 WHERE c.child_id = :child
                """)
                .param("child", childId)
                .param("planId", plan == null ? null : plan.planId())
                .param("start", plan == null ? null : plan.startDate())
                .param("initial", plan == null || plan.initialCategory() == null ? null : plan.initialCategory().name())
                .param("latest", plan == null || plan.latestCategory() == null ? null : plan.latestCategory().name())
                .param("previous", plan == null ? null : plan.previousPlans())
                .param("planReview", plan == null ? null : plan.lastReviewOn())
                .param("reviews", plan == null ? null : plan.reviews())
                .param("since", period == null ? null : period.lookedAfterSince())
                .param("laReview", period == null ? null : period.lastReviewOn())
                .param("participation", period == null || period.lastReviewParticipation() == null ? null
                        : period.lastReviewParticipation().name())
                .param("consulted", period == null ? null : period.consultedBeforeReview())
                .param("openActions", period == null ? null : period.openActions())
                .param("dueOn", care.openActionsDueOn().isEmpty() ? null
                        : care.openActionsDueOn().stream().map(d -> d == null ? null : d.toString())
                                .toArray(String[]::new))
                .param("iroChanges", period == null ? null : period.iroChanges())
                .param("planEnded", plans.latestEndedOn())
                .param("periodEnded", care.latestEndedOn())
                .param("iroKind", nextIro == null ? null : nextIro.kind())
                .param("iroName", nextIro == null ? null : nextIro.name())
                .param("iroDue", nextIro == null ? null : nextIro.dueOn())
                .param("cpKind", nextCp == null ? null : nextCp.kind())
                .param("cpName", nextCp == null ? null : nextCp.name())
                .param("cpDue", nextCp == null ? null : nextCp.dueOn())
                .update();
    }

    @Override
    public void writeDueWithNextIro(String childId, List<String> kinds) {
        jdbc.sql("UPDATE caseload_summary SET next_iro_due_with = CAST(:kinds AS text[]) WHERE child_id = :child")
                .param("kinds", kinds.toArray(String[]::new)).param("child", childId).update();
    }

    /**
     * As {@link #write} and {@link #writeDueWithNextIro} for each child, in two statements whatever their number:
     * the plans and periods are worked out from the records the clocks read (asked of their packages, for the whole
     * batch at once, only for a child without them), and the rows go in as one insert.
     */
    @Override
    public void writeAll(List<Next> children, LocalDate today) {
        if (children.isEmpty()) {
            return;
        }
        List<String> ids = children.stream().map(Next::childId).toList();
        jdbc.sql("DELETE FROM caseload_summary WHERE child_id = ANY (:children::text[])")
                .param("children", ids.toArray(String[]::new)).update();
        // the records the clocks were worked out from, read under the same mark, give the plan and the period;
        // only a child whose records were not read is asked for
        List<String> unread = children.stream().filter(next -> !recordsRead(next)).map(Next::childId).toList();
        Map<String, ProtectionNow.Facts> plansOf = unread.isEmpty() ? Map.of() : protection.of(unread);
        Map<String, LookedAfterNow.Facts> careOf = unread.isEmpty() ? Map.of() : lookedAfter.of(unread, today);
        int n = children.size();
        String[] child = new String[n];
        String[] planId = new String[n];
        String[] start = new String[n];
        String[] initial = new String[n];
        String[] latest = new String[n];
        Integer[] previous = new Integer[n];
        String[] planReview = new String[n];
        Integer[] reviews = new Integer[n];
        String[] since = new String[n];
        String[] laReview = new String[n];
        String[] participation = new String[n];
        Boolean[] consulted = new Boolean[n];
        Integer[] openActions = new Integer[n];
        String[] dueOn = new String[n];
        Integer[] iroChanges = new Integer[n];
        String[] planEnded = new String[n];
        String[] periodEnded = new String[n];
        String[] iroKind = new String[n];
        String[] iroName = new String[n];
        String[] iroDue = new String[n];
        String[] cpKind = new String[n];
        String[] cpName = new String[n];
        String[] cpDue = new String[n];
        String[] dueWith = new String[n];
        for (int i = 0; i < n; i++) {
            Next next = children.get(i);
            boolean read = recordsRead(next);
            ProtectionNow.Facts plans = read ? ProtectionNow.Facts.of(next.protection()) : plansOf.get(next.childId());
            LookedAfterNow.Facts care = read ? LookedAfterNow.Facts.of(next.care(), today)
                    : careOf.get(next.childId());
            ProtectionRecord.Plan plan = plans.openPlan().orElse(null);
            LookedAfterSummary period = care.current().orElse(null);
            child[i] = next.childId();
            planId[i] = plan == null ? null : plan.planId();
            start[i] = plan == null ? null : text(plan.startDate());
            initial[i] = plan == null || plan.initialCategory() == null ? null : plan.initialCategory().name();
            latest[i] = plan == null || plan.latestCategory() == null ? null : plan.latestCategory().name();
            previous[i] = plan == null ? null : plan.previousPlans();
            planReview[i] = plan == null ? null : text(plan.lastReviewOn());
            reviews[i] = plan == null ? null : plan.reviews();
            since[i] = period == null ? null : text(period.lookedAfterSince());
            laReview[i] = period == null ? null : text(period.lastReviewOn());
            participation[i] = period == null || period.lastReviewParticipation() == null ? null
                    : period.lastReviewParticipation().name();
            consulted[i] = period == null ? null : period.consultedBeforeReview();
            openActions[i] = period == null ? null : period.openActions();
            dueOn[i] = care.openActionsDueOn().isEmpty() ? null
                    : arrayLiteral(care.openActionsDueOn().stream().map(CaseloadSummaries::text).toList());
            iroChanges[i] = period == null ? null : period.iroChanges();
            planEnded[i] = text(plans.latestEndedOn());
            periodEnded[i] = text(care.latestEndedOn());
            iroKind[i] = next.nextIro() == null ? null : next.nextIro().kind();
            iroName[i] = next.nextIro() == null ? null : next.nextIro().name();
            iroDue[i] = next.nextIro() == null ? null : text(next.nextIro().dueOn());
            cpKind[i] = next.nextCp() == null ? null : next.nextCp().kind();
            cpName[i] = next.nextCp() == null ? null : next.nextCp().name();
            cpDue[i] = next.nextCp() == null ? null : text(next.nextCp().dueOn());
            dueWith[i] = arrayLiteral(next.dueWithNextIro());
        }
        jdbc.sql("""
                INSERT INTO caseload_summary (child_id, plan_id, start_date, initial_category, latest_category,
                       previous_plans, last_review_on, reviews, la_since, la_last_review_on, la_last_participation,
                       la_consulted_before, la_open_actions, la_open_actions_due_on, la_iro_changes, plan_ended_on,
                       period_ended_on, next_iro_kind, next_iro_name, next_iro_due_on, next_cp_kind, next_cp_name,
                       next_cp_due_on, next_iro_due_with)
                SELECT c.child_id, u.plan_id, CAST(u.start_date AS date), u.initial_category, u.latest_category,
                       u.previous_plans, CAST(u.last_review_on AS date), u.reviews, CAST(u.la_since AS date),
                       CAST(u.la_last_review_on AS date), u.la_last_participation, u.la_consulted_before,
                       u.la_open_actions, CAST(u.la_open_actions_due_on AS date[]), u.la_iro_changes,
                       CAST(u.plan_ended_on AS date), CAST(u.period_ended_on AS date), u.next_iro_kind,
                       u.next_iro_name, CAST(u.next_iro_due_on AS date), u.next_cp_kind, u.next_cp_name,
                       CAST(u.next_cp_due_on AS date), CAST(u.next_iro_due_with AS text[])
                  FROM unnest(CAST(:child AS text[]), CAST(:planId AS text[]), CAST(:start AS text[]),
                              CAST(:initial AS text[]), CAST(:latest AS text[]), CAST(:previous AS integer[]),
                              CAST(:planReview AS text[]), CAST(:reviews AS integer[]), CAST(:since AS text[]),
                              CAST(:laReview AS text[]), CAST(:participation AS text[]),
                              CAST(:consulted AS boolean[]), CAST(:openActions AS integer[]),
                              CAST(:dueOn AS text[]), CAST(:iroChanges AS integer[]), CAST(:planEnded AS text[]),
                              CAST(:periodEnded AS text[]), CAST(:iroKind AS text[]), CAST(:iroName AS text[]),
                              CAST(:iroDue AS text[]), CAST(:cpKind AS text[]), CAST(:cpName AS text[]),
                              CAST(:cpDue AS text[]), CAST(:dueWith AS text[]))
                       AS u (child_id, plan_id, start_date, initial_category, latest_category, previous_plans,
                             last_review_on, reviews, la_since, la_last_review_on, la_last_participation,
                             la_consulted_before, la_open_actions, la_open_actions_due_on, la_iro_changes,
                             plan_ended_on, period_ended_on, next_iro_kind, next_iro_name, next_iro_due_on,
                             next_cp_kind, next_cp_name, next_cp_due_on, next_iro_due_with)
                  JOIN caseload_child_copy c ON c.child_id = u.child_id
                """)
                .param("child", child).param("planId", planId).param("start", start).param("initial", initial)
                .param("latest", latest).param("previous", previous).param("planReview", planReview)
                .param("reviews", reviews).param("since", since).param("laReview", laReview)
                .param("participation", participation).param("consulted", consulted)
                .param("openActions", openActions).param("dueOn", dueOn).param("iroChanges", iroChanges)
                .param("planEnded", planEnded).param("periodEnded", periodEnded).param("iroKind", iroKind)
                .param("iroName", iroName).param("iroDue", iroDue).param("cpKind", cpKind).param("cpName", cpName)
                .param("cpDue", cpDue).param("dueWith", dueWith)
                .update();
    }

    /** Whether the child's protection and looked-after records came with its next due items. */
    private static boolean recordsRead(Next next) {
        return next.protection() != null && next.care() != null;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A PostgreSQL array literal of the values, each quoted, a {@code null} as NULL. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return literal.append('}').toString();
    }

    /** Which of these children have no summary yet (never worked out since the caseload first knew them). */
    @Override
    public Set<String> withoutSummary(Collection<String> childIds) {
        Set<String> without = new HashSet<>(childIds);
        if (!childIds.isEmpty()) {
            without.removeAll(jdbc.sql("SELECT child_id FROM caseload_summary WHERE child_id = ANY (:ids::text[])")
                    .param("ids", childIds.toArray(String[]::new)).query(String.class).list());
        }
        return without;
    }
}
