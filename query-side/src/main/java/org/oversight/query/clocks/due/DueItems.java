package org.oversight.query.clocks.due;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code due_item} and {@code caseload_summary} in step with the projections: marks children stale, and
 * works a stale child's open clocks and caseload summary out again. A refresh removes the child's mark only if nothing marked the child again meanwhile, so a
 * change that lands while a refresh works is never lost.
 */
@Component
public class DueItems {

    private static final Logger LOG = LoggerFactory.getLogger(DueItems.class);

    private final JdbcClient jdbc;
    private final ChildClocks clocks;
    private final Children children;
    private final NextDueSummaries summaries;
    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public DueItems(JdbcClient jdbc, ChildClocks clocks, Children children, NextDueSummaries summaries,
            StatutoryCalendar calendar, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.children = children;
        this.summaries = summaries;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Marks the children stale, in one statement and in ascending order, so two projections marking at once never
     * deadlock.
     */
    public void markChildren(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO due_item_stale (child_id, mark)
                SELECT child_id, nextval('due_item_mark') FROM unnest(:children::text[]) AS child_id ORDER BY child_id
                ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                """).param("children", new TreeSet<>(childIds).toArray(String[]::new)).update();
    }

    /** Every child registered with the authority, after its timescales changed. */
    public void markLocalAuthority(String localAuthority) {
        jdbc.sql("""
                INSERT INTO due_item_stale (child_id, mark)
                SELECT child_id, nextval('due_item_mark') FROM due_item_child_copy WHERE local_authority = :la
                 ORDER BY child_id
                ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                """).param("la", localAuthority).update();
    }

    /** Every child, after the calendar changed. */
    public void markAll() {
        jdbc.sql("""
                INSERT INTO due_item_stale (child_id, mark)
                SELECT child_id, nextval('due_item_mark') FROM due_item_child_copy ORDER BY child_id
                ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                """).update();
    }

    public int staleCount() {
        return jdbc.sql("SELECT count(*) FROM due_item_stale").query(Integer.class).single();
    }

    /**
     * Refreshes up to {@code limit} stale children, oldest mark first, on as many cores as there are (each child
     * in a transaction of its own); answers how many it refreshed (not counting any that failed or lost a race).
     */
    public int refreshStale(int limit) {
        List<String> stale = jdbc.sql("SELECT child_id FROM due_item_stale ORDER BY mark LIMIT :limit")
                .param("limit", limit).query(String.class).list();
        return (int) stale.parallelStream().filter(this::refreshOrRequeue).count();
    }

    private boolean refreshOrRequeue(String childId) {
        try {
            return refresh(childId);
        } catch (RuntimeException e) {
            // one child whose clocks cannot be worked out must not hold up everyone else: it goes to the back of
            // the queue and the failure is logged without anything about the child
            jdbc.sql("UPDATE due_item_stale SET mark = nextval('due_item_mark') WHERE child_id = :child")
                    .param("child", childId).update();
            LOG.warn("Due items could not be worked out for one child ({})", e.getClass().getName());
            return false;
        }
    }

    /**
     * Refreshes the children allocated to these chairs that are stale or have no caseload summary yet, at most
     * {@code limit} of them (a caseload, before it is shown), found in two queries; answers how many it left for
     * the background.
     */
    public int refreshStaleOfChairs(Collection<String> chairIds, int limit) {
        if (chairIds.isEmpty()) {
            return 0;
        }
        record Allocated(String childId, boolean stale) {
        }
        List<Allocated> allocated = jdbc.sql("""
                SELECT DISTINCT a.child_id, s.child_id IS NOT NULL FROM due_item_allocation_copy a
                  LEFT JOIN due_item_stale s ON s.child_id = a.child_id
                 WHERE a.chair_id IN (:chairs)
                 ORDER BY a.child_id
                """).param("chairs", chairIds).query((rs, i) -> new Allocated(rs.getString(1), rs.getBoolean(2)))
                .list();
        // a child the caseload has no summary of yet is worked out first too, though nothing marked it
        Set<String> unsummarised = summaries.withoutSummary(allocated.stream().map(Allocated::childId).toList());
        List<String> stale = allocated.stream().filter(a -> a.stale() || unsummarised.contains(a.childId()))
                .map(Allocated::childId).toList();
        stale.stream().limit(limit).forEach(this::refreshOrRequeue);
        return Math.max(0, stale.size() - limit);
    }

    /**
     * Works the child's open clocks out again as at today and replaces the child's rows, its caseload summary
     * with them. Refreshes of one child
     * take turns (a transaction-scoped lock on the child), and one writes only if the child is still marked with
     * the mark it started from: a refresh that lost the race, or worked from facts that have since changed, leaves
     * the rows to the refresh that follows the newer mark.
     *
     * @return whether this refresh wrote the child's rows
     */
    public boolean refresh(String childId) {
        Optional<Long> mark = markOf(childId);
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar days = calendar.current();
        Optional<ChildSummary> child = children.child(childId);
        List<StatutoryClock> open = child.map(c -> clocks.derive(c, today).clocks().stream()
                        .filter(clockOf -> clockOf.statusOn(today, days).open()).toList())
                .orElse(List.of());
        Boolean written = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:child))").param("child", childId)
                    .query((rs, i) -> 1).list();
            if (!markOf(childId).equals(mark)) {
                return false;
            }
            jdbc.sql("DELETE FROM due_item WHERE child_id = :child").param("child", childId).update();
            for (int i = 0; i < open.size(); i++) {
                StatutoryClock item = open.get(i);
                jdbc.sql("""
                        INSERT INTO due_item (child_id, position, kind, name, chair_role, due_on)
                        VALUES (:child, :position, :kind, :name, :role, :due)
                        """).param("child", childId).param("position", i).param("kind", item.kind())
                        .param("role", chairRole(item.kind()).name())
                        .param("name", abbreviated(item.name())).param("due", item.due().date()).update();
            }
            summaries.write(childId, next(open, ChairRole.IRO), next(open, ChairRole.CP_CHAIR), today);
            summaries.writeDueWithNextIro(childId, dueWithNext(open, ChairRole.IRO));
            mark.ifPresent(m -> jdbc.sql("DELETE FROM due_item_stale WHERE child_id = :child AND mark = :mark")
                    .param("child", childId).param("mark", m).update());
            return true;
        });
        return Boolean.TRUE.equals(written);
    }

    /** The earliest of the open clocks in the role, the first of them on that date (as due_item ranks them). */
    private static NextDue next(List<StatutoryClock> open, ChairRole role) {
        StatutoryClock earliest = null;
        for (StatutoryClock item : open) {
            if (chairRole(item.kind()) == role
                    && (earliest == null || item.due().date().isBefore(earliest.due().date()))) {
                earliest = item;
            }
        }
        return earliest == null ? null
                : new NextDue(earliest.kind(), abbreviated(earliest.name()), earliest.due().date());
    }

    /** The kinds of the other open clocks in the role due on the day the next of them is (see {@link #next}). */
    private static List<String> dueWithNext(List<StatutoryClock> open, ChairRole role) {
        NextDue next = next(open, role);
        if (next == null) {
            return List.of();
        }
        List<String> kinds = new ArrayList<>();
        boolean passedNext = false;
        for (StatutoryClock item : open) {
            if (chairRole(item.kind()) != role || !item.due().date().equals(next.dueOn())) {
                continue;
            }
            if (!passedNext && item.kind().equals(next.kind())) {
                passedNext = true;
                continue;
            }
            kinds.add(item.kind());
        }
        return kinds;
    }

    private Optional<Long> markOf(String childId) {
        return jdbc.sql("SELECT mark FROM due_item_stale WHERE child_id = :child")
                .param("child", childId).query(Long.class).optional();
    }

    /**
     * Conferences of every kind (initial, pre-birth, the first review after a pre-birth plan, review, transfer-in),
     * core groups and plan actions are the child protection chair's; every other clock is the IRO's. A conference
     * clock left out here would fall on the IRO's caseload and leave the chair's allocation looking closed.
     */
    static ChairRole chairRole(String kind) {
        return switch (kind) {
            case "icpc", "pre-birth-conference", "pre-birth-first-review", "cp-review", "transfer-in-conference",
                 "core-group", "cp-plan-action" -> ChairRole.CP_CHAIR;
            default -> ChairRole.IRO;
        };
    }

    private static String abbreviated(String name) {
        return name.length() <= 300 ? name : name.substring(0, 299) + "…";
    }
}
