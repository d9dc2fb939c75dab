package org.oversight.query.clocks.due;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.caseload.CaseloadQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.oversight.query.caseload.ChildSummary;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.clocks.calendar.StatutoryCalendar;
import org.oversight.query.clocks.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code due_item} in step with the projections: marks children stale, and works a stale child's open
 * clocks out again. A refresh removes the child's mark only if nothing marked the child again meanwhile, so a
 * change that lands while a refresh works is never lost.
 */
@Component
public class DueItems {

    private static final Logger LOG = LoggerFactory.getLogger(DueItems.class);

    private final JdbcClient jdbc;
    private final ChildClocks clocks;
    private final CaseloadQueries children;
    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public DueItems(JdbcClient jdbc, ChildClocks clocks, CaseloadQueries children, StatutoryCalendar calendar,
            Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.children = children;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Marks the children stale; in ascending order, so two projections marking at once never deadlock. */
    public void markChildren(Collection<String> childIds) {
        for (String childId : new TreeSet<>(childIds)) {
            jdbc.sql("""
                    INSERT INTO due_item_stale (child_id, mark) VALUES (:child, nextval('due_item_mark'))
                    ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                    """).param("child", childId).update();
        }
    }

    /** Every child registered with the authority, after its timescales changed. */
    public void markLocalAuthority(String localAuthority) {
        jdbc.sql("""
                INSERT INTO due_item_stale (child_id, mark)
                SELECT child_id, nextval('due_item_mark') FROM caseload_child WHERE local_authority = :la
                 ORDER BY child_id
                ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                """).param("la", localAuthority).update();
    }

    /** Every child, after the calendar changed. */
    public void markAll() {
        jdbc.sql("""
                INSERT INTO due_item_stale (child_id, mark)
                SELECT child_id, nextval('due_item_mark') FROM caseload_child ORDER BY child_id
                ON CONFLICT (child_id) DO UPDATE SET mark = EXCLUDED.mark
                """).update();
    }

    public int staleCount() {
        return jdbc.sql("SELECT count(*) FROM due_item_stale").query(Integer.class).single();
    }

    /**
     * Refreshes up to {@code limit} stale children, oldest mark first, on as many cores as there are (each child
     * in a transaction of its own); answers how many it refreshed.
     */
    public int refreshStale(int limit) {
        List<String> stale = jdbc.sql("SELECT child_id FROM due_item_stale ORDER BY mark LIMIT :limit")
                .param("limit", limit).query(String.class).list();
        stale.parallelStream().forEach(this::refreshOrRequeue);
        return stale.size();
    }

    private void refreshOrRequeue(String childId) {
        try {
            refresh(childId);
        } catch (RuntimeException e) {
            // one child whose clocks cannot be worked out must not hold up everyone else: it goes to the back of
            // the queue and the failure is logged without anything about the child
            jdbc.sql("UPDATE due_item_stale SET mark = nextval('due_item_mark') WHERE child_id = :child")
                    .param("child", childId).update();
            LOG.warn("Due items could not be worked out for one child ({})", e.getClass().getName());
        }
    }

    /** Refreshes those of the given children that are stale (a chair's caseload, before it is shown). */
    public void refreshStale(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT child_id FROM due_item_stale WHERE child_id IN (:children)")
                .param("children", childIds).query(String.class).list()
                .forEach(this::refresh);
    }

    /** Works the child's open clocks out again as at today and replaces the child's rows. */
    public void refresh(String childId) {
        Optional<Long> mark = jdbc.sql("SELECT mark FROM due_item_stale WHERE child_id = :child")
                .param("child", childId).query(Long.class).optional();
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar days = calendar.current();
        Optional<ChildSummary> child = children.child(childId);
        List<StatutoryClock> open = child.map(c -> clocks.derive(c, today).clocks().stream()
                        .filter(clockOf -> clockOf.statusOn(today, days).open()).toList())
                .orElse(List.of());
        transaction.executeWithoutResult(status -> {
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
            mark.ifPresent(m -> jdbc.sql("DELETE FROM due_item_stale WHERE child_id = :child AND mark = :mark")
                    .param("child", childId).param("mark", m).update());
        });
    }

    /** Conferences are the child protection chair's; every other clock is the IRO's. */
    static ChairRole chairRole(String kind) {
        return switch (kind) {
            case "icpc", "pre-birth-conference", "cp-review" -> ChairRole.CP_CHAIR;
            default -> ChairRole.IRO;
        };
    }

    private static String abbreviated(String name) {
        return name.length() <= 300 ? name : name.substring(0, 299) + "…";
    }
}
