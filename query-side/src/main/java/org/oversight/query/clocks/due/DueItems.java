package org.oversight.query.clocks.due;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code due_item} and {@code caseload_summary} in step with the projections: marks children stale, and
 * works a stale child's open clocks and caseload summary out again. A refresh removes the child's mark only if
 * nothing marked the child again meanwhile, so a change that lands while a refresh works is never lost.
 */
@Component
public class DueItems {

    private static final Logger LOG = LoggerFactory.getLogger(DueItems.class);

    /** Children read and written together: enough that a round trip serves hundreds, few enough to stay brief. */
    static final int CHUNK = 250;

    /** The most children of one chunk: its reads and its one transaction stay brief. */
    static final int MOST_CHUNK = 1_000;

    /**
     * Chunks worked out side by side by default: while one chunk waits on PostgreSQL, another works its clocks out,
     * so the cores stay busy with both.
     */
    static final int WORKERS = 4;

    /** Each worker holds a connection for its chunk's transaction: a few, never the pool. */
    static final int MOST_WORKERS = 16;

    private final JdbcClient jdbc;
    private final ChildClocks clocks;
    private final Children children;
    private final NextDueSummaries summaries;
    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService workers;
    private final int chunk;
    private final int batch;

    public DueItems(JdbcClient jdbc, ChildClocks clocks, Children children, NextDueSummaries summaries,
            StatutoryCalendar calendar, Clock clock, PlatformTransactionManager transactions,
            @Value("${oversight.due-items.workers:" + WORKERS + "}") int workers,
            @Value("${oversight.due-items.chunk:" + CHUNK + "}") int chunk) {
        if (workers < 1 || workers > MOST_WORKERS) {
            throw new IllegalArgumentException("oversight.due-items.workers must be 1 to " + MOST_WORKERS);
        }
        if (chunk < 1 || chunk > MOST_CHUNK) {
            throw new IllegalArgumentException("oversight.due-items.chunk must be 1 to " + MOST_CHUNK);
        }
        this.chunk = chunk;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("due-items-");
        threads.setDaemon(true);
        this.workers = Executors.newFixedThreadPool(workers, threads);
        this.batch = workers * chunk;
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
     * Refreshes up to {@code limit} stale children: the one marked longest ago and the stale children after it in
     * the order of their ids (from the first id again once past the last), a chunk at a time ({@value #CHUNK}
     * children unless {@code oversight.due-items.chunk} says otherwise), as many chunks side by side as there are
     * workers ({@code oversight.due-items.workers}, {@value #WORKERS} unless configured). Each chunk is read in a
     * few queries and written in one transaction. Answers how many it refreshed (not counting any that failed or
     * lost a race).
     * <p>
     * Every run serves the child that has waited longest, so no child waits for ever. The rest of the run is taken
     * in the order of the children's ids, not of their marks: every fact table is read by child id, and a chunk of
     * neighbouring ids finds its rows in a few pages of each index, where a chunk of ids scattered over the whole
     * range (the oldest marks after a rebuild, which fall in the order of each child's last event) looks each one
     * up on its own.
     */
    public int refreshStale(int limit) {
        // the oldest child's id as a value worked out once, not a join, so that the scan of ids starts there
        List<Claim> stale = jdbc.sql("""
                (SELECT child_id, mark FROM due_item_stale
                  WHERE child_id >= (SELECT child_id FROM due_item_stale ORDER BY mark LIMIT 1)
                  ORDER BY child_id LIMIT :limit)
                UNION ALL
                (SELECT child_id, mark FROM due_item_stale
                  WHERE child_id < (SELECT child_id FROM due_item_stale ORDER BY mark LIMIT 1)
                  ORDER BY child_id LIMIT :limit)
                LIMIT :limit
                """).param("limit", limit).query((rs, i) -> new Claim(rs.getString(1), rs.getLong(2))).list();
        List<List<Claim>> chunks = chunks(stale);
        if (chunks.size() <= 1) {
            return chunks.stream().mapToInt(this::refreshOrRequeue).sum();
        }
        List<Future<Integer>> working = chunks.stream()
                .map(claims -> workers.submit(() -> refreshOrRequeue(claims))).toList();
        int refreshed = 0;
        for (Future<Integer> part : working) {
            refreshed += outcome(part);
        }
        return refreshed;
    }

    private static int outcome(Future<Integer> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while due items were being worked out", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Children enough for a chunk on each worker: what the background asks {@link #refreshStale} for at a time. */
    public int batch() {
        return batch;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** A child to work out, with the mark it was stale under when the work began ({@code null}: not marked). */
    private record Claim(String childId, Long mark) {
    }

    /**
     * A child's open clocks as worked out, earliest due first, and the facts they were worked out from
     * ({@code null} for a child no longer registered).
     */
    private record WorkedOut(Claim claim, List<StatutoryClock> open, ChildClocks.Facts facts) {
    }

    private List<List<Claim>> chunks(List<Claim> claims) {
        List<List<Claim>> chunks = new ArrayList<>();
        for (int from = 0; from < claims.size(); from += chunk) {
            chunks.add(claims.subList(from, Math.min(claims.size(), from + chunk)));
        }
        return chunks;
    }

    /**
     * Works the chunk out and writes it. Should reading the chunk's facts or writing its rows fail, each child is
     * tried on its own, so that one child whose clocks cannot be worked out does not hold up everyone else: that
     * child goes to the back of the queue and the failure is logged without anything about the child.
     */
    private int refreshOrRequeue(List<Claim> claims) {
        try {
            return write(workOut(claims));
        } catch (RuntimeException e) {
            if (claims.size() > 1) {
                return claims.stream().mapToInt(claim -> refreshOrRequeue(List.of(claim))).sum();
            }
            requeue(claims.get(0).childId(), e);
            return 0;
        }
    }

    private void requeue(String childId, RuntimeException e) {
        jdbc.sql("UPDATE due_item_stale SET mark = nextval('due_item_mark') WHERE child_id = :child")
                .param("child", childId).update();
        LOG.warn("Due items could not be worked out for one child ({})", e.getClass().getName());
    }

    /**
     * Refreshes the children allocated to these chairs that are stale or have no caseload summary yet, at most
     * {@code limit} of them (a caseload, before it is shown), found in two queries and worked out a chunk at a
     * time; answers how many it left for the background.
     */
    public int refreshStaleOfChairs(Collection<String> chairIds, int limit) {
        if (chairIds.isEmpty()) {
            return 0;
        }
        List<Claim> allocated = jdbc.sql("""
                SELECT DISTINCT a.child_id, s.mark FROM due_item_allocation_copy a
                  LEFT JOIN due_item_stale s ON s.child_id = a.child_id
                 WHERE a.chair_id IN (:chairs)
                 ORDER BY a.child_id
                """).param("chairs", chairIds).query((rs, i) -> new Claim(rs.getString(1), rs.getObject(2, Long.class)))
                .list();
        // a child the caseload has no summary of yet is worked out first too, though nothing marked it
        Set<String> unsummarised = summaries.withoutSummary(allocated.stream().map(Claim::childId).toList());
        List<Claim> stale = allocated.stream().filter(a -> a.mark() != null || unsummarised.contains(a.childId()))
                .toList();
        chunks(stale.stream().limit(Math.max(0, limit)).toList()).forEach(this::refreshOrRequeue);
        return Math.max(0, stale.size() - limit);
    }

    /**
     * Works the child's open clocks out again as at today and replaces the child's rows, its caseload summary
     * with them; see {@link #write} for how refreshes of one child take turns.
     *
     * @return whether this refresh wrote the child's rows
     */
    public boolean refresh(String childId) {
        return write(workOut(List.of(new Claim(childId, markOf(childId).orElse(null))))) == 1;
    }

    /**
     * Each child's open clocks as at today, from facts read for the whole chunk at once (a child no longer
     * registered has none). A child whose clocks cannot be worked out is requeued and left out.
     */
    private List<WorkedOut> workOut(List<Claim> claims) {
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar days = calendar.current();
        Map<String, ChildSummary> found = children.children(claims.stream().map(Claim::childId).toList());
        Map<String, ChildClocks.Facts> facts = clocks.facts(found.values());
        List<WorkedOut> workedOut = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            ChildClocks.Facts of = facts.get(claim.childId());
            try {
                List<StatutoryClock> open = of == null ? List.of() : clocks.clocks(of, today).stream()
                        .filter(clockOf -> clockOf.statusOn(today, days).open()).toList();
                workedOut.add(new WorkedOut(claim, open, of));
            } catch (RuntimeException e) {
                if (claims.size() == 1) {
                    throw e;
                }
                requeue(claim.childId(), e);
            }
        }
        return workedOut;
    }

    /**
     * Replaces the rows and caseload summaries of the children worked out, in one transaction and a few
     * statements. Refreshes of one child take turns (a transaction-scoped lock on each child, taken in one order
     * by every refresh), and a child is written only if it is still marked with the mark the work started from: a
     * refresh that lost the race, or worked from facts that have since changed, leaves the child's rows to the
     * refresh that follows the newer mark. The children's marks are removed last, in the order the projections
     * mark children in, so that neither waits on the other in a circle.
     *
     * @return how many children's rows this wrote
     */
    private int write(List<WorkedOut> workedOut) {
        if (workedOut.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        String[] ids = workedOut.stream().map(w -> w.claim().childId()).distinct().sorted().toArray(String[]::new);
        Integer written = transaction.execute(status -> {
            jdbc.sql("""
                    SELECT pg_advisory_xact_lock(k)
                      FROM (SELECT DISTINCT hashtext(c) AS k FROM unnest(CAST(:children AS text[])) AS c ORDER BY k) l
                    """).param("children", ids).query((rs, i) -> 1).list();
            Map<String, Long> marks = new HashMap<>();
            jdbc.sql("SELECT child_id, mark FROM due_item_stale WHERE child_id = ANY (:children::text[])")
                    .param("children", ids).query(rs -> {
                        marks.put(rs.getString(1), rs.getLong(2));
                    });
            List<WorkedOut> current = workedOut.stream()
                    .filter(w -> Objects.equals(marks.get(w.claim().childId()), w.claim().mark())).toList();
            if (current.isEmpty()) {
                return 0;
            }
            String[] writing = current.stream().map(w -> w.claim().childId()).toArray(String[]::new);
            jdbc.sql("DELETE FROM due_item WHERE child_id = ANY (:children::text[])").param("children", writing)
                    .update();
            insertRows(current);
            summaries.writeAll(current.stream().map(w -> new NextDueSummaries.Next(w.claim().childId(),
                    next(w.open(), ChairRole.IRO), next(w.open(), ChairRole.CP_CHAIR),
                    dueWithNext(w.open(), ChairRole.IRO), w.facts() == null ? null : w.facts().protection(),
                    w.facts() == null ? null : w.facts().care())).toList(), today);
            List<Claim> marked = current.stream().map(WorkedOut::claim).filter(c -> c.mark() != null)
                    .sorted(Comparator.comparing(Claim::childId)).toList();
            if (!marked.isEmpty()) {
                String[] markedIds = marked.stream().map(Claim::childId).toArray(String[]::new);
                jdbc.sql("""
                        SELECT child_id FROM due_item_stale WHERE child_id = ANY (:children::text[])
                         ORDER BY child_id FOR UPDATE
                        """).param("children", markedIds).query(String.class).list();
                jdbc.sql("""
                        DELETE FROM due_item_stale s
                         USING unnest(CAST(:children AS text[]), CAST(:marks AS bigint[])) AS d (child_id, mark)
                         WHERE s.child_id = d.child_id AND s.mark = d.mark
                        """).param("children", markedIds)
                        .param("marks", marked.stream().map(Claim::mark).toArray(Long[]::new)).update();
            }
            return current.size();
        });
        return written == null ? 0 : written;
    }

    /**
     * Every open clock of the children, as rows numbered from 0 in each child's order, in one statement, each with
     * the child's authority as the child copy has it (what the overdue lists narrow by first).
     */
    private void insertRows(List<WorkedOut> current) {
        List<String> child = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        List<String> name = new ArrayList<>();
        List<String> role = new ArrayList<>();
        List<String> due = new ArrayList<>();
        for (WorkedOut w : current) {
            for (int i = 0; i < w.open().size(); i++) {
                StatutoryClock item = w.open().get(i);
                child.add(w.claim().childId());
                position.add(i);
                kind.add(item.kind());
                name.add(abbreviated(item.name()));
                role.add(chairRole(item.kind()).name());
                due.add(item.due().date().toString());
            }
        }
        if (child.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO due_item (child_id, position, kind, name, chair_role, due_on, local_authority)
                SELECT u.child_id, u.position, u.kind, u.name, u.chair_role, CAST(u.due_on AS date),
                       c.local_authority
                  FROM unnest(CAST(:child AS text[]), CAST(:position AS integer[]), CAST(:kind AS text[]),
                              CAST(:name AS text[]), CAST(:role AS text[]), CAST(:due AS text[]))
                       AS u (child_id, position, kind, name, chair_role, due_on)
                  LEFT JOIN due_item_child_copy c ON c.child_id = u.child_id
                """)
                .param("child", child.toArray(String[]::new)).param("position", position.toArray(Integer[]::new))
                .param("kind", kind.toArray(String[]::new)).param("name", name.toArray(String[]::new))
                .param("role", role.toArray(String[]::new)).param("due", due.toArray(String[]::new))
                .update();
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
