package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.support.GeneratedStore;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.query.clocks.due.DueItemIndexes;
import org.oversight.query.clocks.due.DueItemRefresher;
import org.oversight.query.clocks.due.DueItems;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large backlog of due items is written with {@code due_item}'s secondary indexes set aside, and they are built
 * again, each exactly as the migrations made it, once the backlog is written. On a generated service of two
 * authorities, with "large" lowered to ten children and a batch to twenty: the rows the background writes without the indexes are those
 * it wrote with them; an index set aside by a node that stopped halfway is built again by the next run that finds no
 * backlog; a step that cannot have its locks changes nothing; and what operators see logged tells a busy lock
 * from a definition that no longer builds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DueItemIndexesIT {

    private static final Size SHAPE = new Size("indexes", 2, 30, 20, 0.5, 3, 6);
    private static final long SEED = 41;
    private static final String SECONDARY = """
            SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
             WHERE x.indrelid = 'due_item'::regclass AND NOT x.indisprimary ORDER BY 1
            """;

    private static String jdbcUrl;
    private static OversightTestApp app;
    private static JdbcTemplate jdbc;
    private static DueItems dueItems;
    private static DueItemIndexes indexes;
    private static DueItemRefresher refresher;
    /** The secondary indexes as the migrations made them, by name. */
    private static Map<String, String> migrated;

    @BeforeAll
    static void generatedService() throws Exception {
        MovableClock clock = MovableClock.startingNow();
        jdbcUrl = GeneratedStore.load(SHAPE, SEED, clock.today());
        // the background is kept out of the way: each test runs it itself, as the scheduler would
        app = OversightTestApp.start(clock, jdbcUrl, "--oversight.due-items.refresh-delay=PT1H",
                "--oversight.due-items.set-indexes-aside-from=10", "--oversight.due-items.chunk=5");
        app.everyProcessorAtTheHead(Duration.ofSeconds(180));
        jdbc = app.bean(JdbcTemplate.class);
        dueItems = app.bean(DueItems.class);
        indexes = app.bean(DueItemIndexes.class);
        refresher = app.bean(DueItemRefresher.class);
        // the first start: every child is stale once. The background's first run may be at it too, and set the
        // indexes aside: both go on until every child is written and the indexes are back
        await("every child written, the indexes built").atMost(Duration.ofSeconds(120)).until(() -> {
            refresher.refresh();
            return dueItems.staleCount() == 0 && !indexes.anySetAside();
        });
        migrated = secondaryIndexes();
        assertThat(migrated).as("the secondary indexes, as the migrations made them").isEqualTo(Map.of(
                "due_item_by_authority", "CREATE INDEX due_item_by_authority ON public.due_item USING btree "
                        + "(local_authority, due_on, child_id, \"position\")",
                "due_item_by_child", "CREATE INDEX due_item_by_child ON public.due_item USING btree (child_id, due_on)",
                "due_item_by_due_date",
                "CREATE INDEX due_item_by_due_date ON public.due_item USING btree (due_on, child_id)"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aSmallBacklogKeepsTheIndexes() {
        List<String> some = jdbc.queryForList("SELECT child_id FROM due_item_child_copy ORDER BY child_id LIMIT 9",
                String.class);
        dueItems.markChildren(some);

        assertThat(indexes.setAsideForBacklog()).as("nine stale children, below ten").isFalse();
        assertThat(secondaryIndexes()).isEqualTo(migrated);
        refresher.refresh();
        assertThat(dueItems.staleCount()).isZero();
    }

    @Test
    @Order(2)
    void theBackgroundWritesALargeBacklogWithoutTheIndexesAndBuildsThemAgainAsTheyWere() {
        Map<String, Long> oids = indexOids();
        String rowsBefore = dueItemRows();
        assertThat(rowsBefore).as("due items written").isNotBlank();
        dueItems.markAll();
        assertThat(dueItems.staleCount()).isGreaterThan(dueItems.batch());

        refresher.refresh();

        assertThat(dueItems.staleCount()).as("the backlog written in one run").isZero();
        assertThat(indexes.anySetAside()).isFalse();
        assertThat(secondaryIndexes()).as("each index as the migrations made it").isEqualTo(migrated);
        oids.forEach((name, oid) -> assertThat(indexOids().get(name)).as(name + " built again").isNotEqualTo(oid));
        assertThat(dueItemRows()).as("the rows written without the indexes").isEqualTo(rowsBefore);
    }

    @Test
    @Order(3)
    void indexesLeftAsideByANodeThatStoppedAreBuiltAgainByTheNextRunWithNoBacklog() {
        dueItems.markAll();
        assertThat(indexes.setAsideForBacklog()).isTrue();
        assertThat(secondaryIndexes()).as("only the primary key is left").isEmpty();
        assertThat(indexes.setAsideForBacklog()).as("set aside once").isFalse();
        assertThat(indexes.restore()).as("not built again while the backlog is still large").isZero();
        assertThat(indexes.anySetAside()).isTrue();
        // the node stops here; the children are written (by a caseload, say) and one index is built by hand
        writeTheBacklog();
        jdbc.execute(migrated.get("due_item_by_child"));

        refresher.refresh();

        assertThat(indexes.anySetAside()).isFalse();
        assertThat(secondaryIndexes()).isEqualTo(migrated);
    }

    @Test
    @Order(4)
    @Timeout(60)
    void aStepThatCannotHaveItsLocksChangesNothing() throws Exception {
        dueItems.markAll();
        whileHeld("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE", () -> {
            assertThat(indexes.setAsideForBacklog()).as("set aside while another node holds the lock").isFalse();
            assertThat(secondaryIndexes()).isEqualTo(migrated);
            // PostgreSQL's own answer when the lock is not had in time, which the indexes take for a busy lock
            Exception refused = null;
            try {
                whileHeld("SET LOCAL lock_timeout = '100ms'",
                        () -> alsoOnThatConnection("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE"));
            } catch (Exception e) {
                refused = e;
            }
            assertThat(refused).isNotNull();
            assertThat(DueItemIndexes.lockBusy(refused)).isTrue();
        });
        assertThat(indexes.setAsideForBacklog()).isTrue();
        writeTheBacklog();
        whileHeld("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE", () -> {
            assertThat(indexes.restore()).as("built again while another node holds the lock").isZero();
            assertThat(indexes.anySetAside()).isTrue();
        });
        refresher.refresh();
        assertThat(dueItems.staleCount()).isZero();
        assertThat(indexes.anySetAside()).isFalse();
        assertThat(secondaryIndexes()).isEqualTo(migrated);
    }

    /**
     * The locks on {@code due_item} itself: dropping waits at most a second for its readers, and building waits for
     * its writers once, then leaves every index for the next run; neither leaves anything half done.
     */
    @Test
    @Order(5)
    @Timeout(60)
    void aBusyDueItemTableLeavesTheIndexesAsTheyWereWithinTheLockTimeouts() throws Exception {
        dueItems.markAll();
        whileHeld("LOCK TABLE due_item IN ACCESS SHARE MODE", () -> {
            long started = System.nanoTime();
            assertThat(indexes.setAsideForBacklog()).as("set aside while a reader holds the table").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(indexes.anySetAside()).isFalse();
            assertThat(secondaryIndexes()).isEqualTo(migrated);
        });
        assertThat(indexes.setAsideForBacklog()).isTrue();
        writeTheBacklog();
        whileHeld("LOCK TABLE due_item IN ROW EXCLUSIVE MODE", () -> {
            long started = System.nanoTime();
            assertThat(indexes.restore()).as("built while a writer holds the table").isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one wait, not one an index")
                    .isLessThan(Duration.ofSeconds(9));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM due_item_index_set_aside", Integer.class))
                    .as("every index still kept aside").isEqualTo(3);
            assertThat(secondaryIndexes()).isEmpty();
        });
        refresher.refresh();
        assertThat(indexes.anySetAside()).isFalse();
        assertThat(secondaryIndexes()).isEqualTo(migrated);
    }

    /**
     * What an operator sees: a busy lock is an ordinary wait, logged as a warning; a kept definition that no longer
     * builds is an error, logged once with the index's name and SQLSTATE (not again on every run that tries), and
     * the other indexes still come back.
     */
    @Test
    @Order(6)
    @Timeout(60)
    void aBusyLockIsAWarningAndADefinitionThatNoLongerBuildsAnErrorLoggedOnce() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DueItemIndexes.class);
        Level level = logger.getLevel();
        // a failure logged before is logged again at debug only: seen here, it shows the run did try again
        logger.setLevel(Level.DEBUG);
        log.start();
        logger.addAppender(log);
        try {
            setAsideAndWriteTheBacklog();
            whileHeld("LOCK TABLE due_item_index_set_aside IN EXCLUSIVE MODE",
                    () -> assertThat(indexes.restore()).as("built while another node holds the lock").isZero());
            assertThat(logged(log, Level.WARN)).as("the busy lock, once for the run").singleElement()
                    .satisfies(warning -> assertThat(warning).contains("busy"));
            assertThat(logged(log, Level.ERROR)).as("a busy lock is no error").isEmpty();

            // the index built first, so that a run stopping at the failure would leave the other two aside
            breakTheDefinitionOf("due_item_by_authority");
            assertThat(indexes.restore()).as("the other two built").isEqualTo(2);
            assertThat(secondaryIndexes()).containsOnlyKeys("due_item_by_child", "due_item_by_due_date");
            assertThat(indexes.restore()).as("tried again, and failed again").isZero();
            assertThat(logged(log, Level.DEBUG)).as("the second failure").singleElement()
                    .satisfies(again -> assertThat(again).contains("due_item_by_authority"));
            assertThat(logged(log, Level.ERROR)).as("logged once, with the index and the SQLSTATE").singleElement()
                    .satisfies(error -> assertThat(error).contains("due_item_by_authority", "42703"));

            mendTheDefinitionOf("due_item_by_authority");
            assertThat(indexes.restore()).as("built once its definition builds").isEqualTo(1);
            assertThat(indexes.anySetAside()).isFalse();
            assertThat(secondaryIndexes()).isEqualTo(migrated);

            // once built, the same failure is news again
            setAsideAndWriteTheBacklog();
            breakTheDefinitionOf("due_item_by_authority");
            assertThat(indexes.restore()).isEqualTo(2);
            assertThat(logged(log, Level.ERROR)).as("logged again after the index was built").hasSize(2);
            mendTheDefinitionOf("due_item_by_authority");
            assertThat(indexes.restore()).isEqualTo(1);
            assertThat(secondaryIndexes()).isEqualTo(migrated);
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
    }

    private static void setAsideAndWriteTheBacklog() {
        dueItems.markAll();
        assertThat(indexes.setAsideForBacklog()).isTrue();
        writeTheBacklog();
    }

    /** Keeps a definition of the index that names a column {@code due_item} lacks (SQLSTATE 42703). */
    private static void breakTheDefinitionOf(String index) {
        assertThat(jdbc.update("UPDATE due_item_index_set_aside SET definition = ? WHERE name = ?",
                "CREATE INDEX " + index + " ON public.due_item USING btree (no_such_column)", index)).isEqualTo(1);
    }

    /** Keeps the definition the migrations gave the index again. */
    private static void mendTheDefinitionOf(String index) {
        assertThat(jdbc.update("UPDATE due_item_index_set_aside SET definition = ? WHERE name = ?",
                migrated.get(index), index)).isEqualTo(1);
    }

    private static List<String> logged(ListAppender<ILoggingEvent> log, Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    interface Step {
        void run() throws Exception;
    }

    /** The last connection {@link #whileHeld} opened, for a step that takes a lock of its own on it. */
    private static Connection holding;

    /** Runs {@code step} while another connection, in a transaction, has run {@code statement} (a lock, say). */
    private static void whileHeld(String statement, Step step) throws Exception {
        Connection before = holding;
        try (Connection other = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement held = other.createStatement()) {
            other.setAutoCommit(false);
            held.execute(statement);
            holding = other;
            step.run();
            other.rollback();
        } finally {
            holding = before;
        }
    }

    private static void alsoOnThatConnection(String lock) throws Exception {
        try (Statement statement = holding.createStatement()) {
            statement.execute(lock);
        }
    }

    private static void writeTheBacklog() {
        while (dueItems.refreshStale(dueItems.batch()) > 0) {
            // the next batch
        }
    }

    private static Map<String, String> secondaryIndexes() {
        Map<String, String> found = new TreeMap<>();
        jdbc.query(SECONDARY, rs -> {
            found.put(rs.getString(1), rs.getString(2));
        });
        return found;
    }

    private static Map<String, Long> indexOids() {
        Map<String, Long> found = new TreeMap<>();
        jdbc.query("SELECT i.relname, i.oid::bigint FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " WHERE x.indrelid = 'due_item'::regclass AND NOT x.indisprimary", rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    private static String dueItemRows() {
        return String.join("\n", jdbc.queryForList("""
                SELECT concat_ws('|', child_id, position, kind, name, chair_role, due_on, local_authority)
                  FROM due_item ORDER BY child_id, position
                """, String.class));
    }
}
