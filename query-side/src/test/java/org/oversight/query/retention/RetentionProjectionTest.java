package org.oversight.query.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention projection against a real PostgreSQL whose tables the migrations make, each batch in a transaction
 * of its own as the processor runs it. A batch reads an authority's schedule once, under the authority's lock held
 * to its commit: a schedule changed by the batch itself is what its later children are worked out under, and one
 * changed by another batch waits for it and then works out the children it wrote.
 */
class RetentionProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final String AUTHORITY = "LA1";
    private static final LocalDate REGISTERED = LocalDate.of(2020, 2, 29);
    private static final LocalDate BORN = LocalDate.of(2012, 6, 30);

    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private ProjectionWrites writes;
    private RetentionProjection projection;
    private long sequence;

    @BeforeEach
    void freshTables() {
        database.freshSchema("V3_1__caseload.sql", "V3_3__projection_positions_and_protection.sql",
                "V3_30__child_restrictions.sql", "V4_60__caseload_child_copy.sql", "V4_80__retention.sql",
                "V4_81__retention_restricted_to.sql");
        DataSource dataSource = database.dataSource();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writes = new ProjectionWrites(new JdbcTemplate(dataSource));
        projection = new RetentionProjection(jdbc, writes, new ProjectionPositions(jdbc));
    }

    @Test
    @DisplayName("a batch's own schedule change works out the children it registered before it, and those after it "
            + "are worked out under the changed schedule")
    void aBatchSeesItsOwnScheduleChange() {
        inOneBatch(() -> {
            projection.on(registered("child-1"));
            projection.on(registered("child-2"));
            changeTo(8);
            projection.on(registered("child-3"));
        });

        LocalDate due = dueUnder(8);
        assertThat(due).isNotEqualTo(dueUnder(LocalRetention.DEFAULTS.get(RecordType.REGISTRATION_ONLY).years()));
        assertThat(dueOn()).containsExactlyInAnyOrderEntriesOf(
                Map.of("child-1", due, "child-2", due, "child-3", due));
    }

    @Test
    @DisplayName("a child whose facts a batch changes is worked out at its commit from the facts and the schedule as "
            + "the batch leaves them, even when a schedule change in the batch could not yet see the child's new "
            + "type")
    void workedOutOnceAtTheCommit() {
        inOneBatch(() -> {
            projection.on(registered("child-1"));
            projection.on(registered("child-2"));
        });
        LocalDate firstEnquiry = LocalDate.of(2024, 3, 1);
        LocalDate secondEnquiry = LocalDate.of(2025, 1, 10);
        LocalDate otherEnquiry = LocalDate.of(2024, 6, 1);

        inOneBatch(() -> {
            projection.on(new Section47EnquiryStarted("child-1", "enquiry-1", firstEnquiry));
            projection.on(new Section47EnquiryStarted("child-1", "enquiry-2", secondEnquiry));
            // child-1's row still says registration only here: its new type is written at the commit
            changeTo(RecordType.CHILD_PROTECTION_ENQUIRY, 9);
            projection.on(new Section47EnquiryStarted("child-2", "enquiry-3", otherEnquiry));
        });

        Map<RecordType, LocalRetention> nine = Map.of(RecordType.CHILD_PROTECTION_ENQUIRY,
                new LocalRetention(RecordType.CHILD_PROTECTION_ENQUIRY, 9, RetentionTrigger.CLOSURE));
        LocalDate childOneDue = RetentionRule.of(enquiryLast(secondEnquiry), nine).dueOn();
        assertThat(childOneDue).isEqualTo(LocalDate.of(2034, 1, 10));
        assertThat(dueOn()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "child-1", childOneDue, "child-2", RetentionRule.of(enquiryLast(otherEnquiry), nine).dueOn()));
        assertThat(jdbc.sql("SELECT DISTINCT record_type FROM retention_child").query(String.class).list())
                .containsExactly(RecordType.CHILD_PROTECTION_ENQUIRY.name());
    }

    private static RetentionFacts enquiryLast(LocalDate day) {
        return new RetentionFacts(BORN, null, REGISTERED, false, null, false, false, null, day);
    }

    @Test
    @DisplayName("a schedule change applied on its own in the middle of a batch (after a failed batch) is what the "
            + "batch's later children are worked out under")
    void aScheduleChangeAppliedOnItsOwnInABatch() {
        inOneBatch(() -> {
            projection.on(registered("child-1"));
            appliedOnItsOwn(() -> changeTo(8));
            projection.on(registered("child-2"));
        });

        LocalDate due = dueUnder(8);
        assertThat(dueOn()).containsExactlyInAnyOrderEntriesOf(Map.of("child-1", due, "child-2", due));
    }

    @Test
    @DisplayName("nothing a batch writes is in the tables before it commits")
    void writtenAtTheCommit() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        projection.on(registered("child-1"));
        assertThat(dueOn()).isEmpty();
        batch.commit();
        assertThat(dueOn()).containsOnlyKeys("child-1");
    }

    @Test
    @DisplayName("a schedule change waits for a batch that has registered a child of the authority, then works that "
            + "child out again")
    void aScheduleChangeWaitsForABatchHoldingTheAuthority() throws Exception {
        firstHeldOpenThenSecondWaits(() -> projection.on(registered("child-1")), () -> changeTo(8));
        assertThat(dueOn()).containsExactlyEntriesOf(Map.of("child-1", dueUnder(8)));
    }

    @Test
    @DisplayName("a batch registering a child waits for a schedule change being applied, and works the child out "
            + "under the changed schedule")
    void aBatchWaitsForAScheduleChange() throws Exception {
        firstHeldOpenThenSecondWaits(() -> changeTo(8), () -> projection.on(registered("child-1")));
        assertThat(dueOn()).containsExactlyEntriesOf(Map.of("child-1", dueUnder(8)));
    }

    /**
     * Applies {@code first} as a batch held open just before its commit, then {@code second} as another batch on
     * another connection; checks that the second waits on an advisory lock while the first is open, then lets the
     * first commit and both finish.
     */
    private void firstHeldOpenThenSecondWaits(Runnable first, Runnable second) throws Exception {
        CountDownLatch appliedNotCommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> inOneBatch(() -> {
            first.run();
            appliedNotCommitted.countDown();
            awaitRelease(commit);
        }));
        assertThat(appliedNotCommitted.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> inOneBatch(second));
        await().atMost(Duration.ofSeconds(30)).until(this::waitingOnAnAdvisoryLock);
        assertThat(waiting).isNotDone();

        commit.countDown();
        holding.get(30, TimeUnit.SECONDS);
        waiting.get(30, TimeUnit.SECONDS);
    }

    private ChildRegistered registered(String childId) {
        return new ChildRegistered(childId, AUTHORITY, "L-" + childId, "Test", "Child", BORN, null, REGISTERED);
    }

    private void changeTo(int years) {
        changeTo(RecordType.REGISTRATION_ONLY, years);
    }

    private void changeTo(RecordType type, int years) {
        projection.on(new LocalRetentionChanged(AUTHORITY, type, years,
                RetentionTrigger.CLOSURE, "Local policy"), "retention-schedule-" + AUTHORITY, sequence++,
                "admin", "An Administrator", "2026-01-05T10:00:00Z");
    }

    /** The day a registration-only record is due under a local period of {@code years} from its closure. */
    private static LocalDate dueUnder(int years) {
        RetentionFacts facts = new RetentionFacts(BORN, null, REGISTERED, false, null, false, false, null, null);
        return RetentionRule.of(facts, Map.of(RecordType.REGISTRATION_ONLY,
                new LocalRetention(RecordType.REGISTRATION_ONLY, years, RetentionTrigger.CLOSURE))).dueOn();
    }

    private Map<String, LocalDate> dueOn() {
        Map<String, LocalDate> due = new TreeMap<>();
        jdbc.sql("SELECT child_id, due_on FROM retention_child").query(rs -> {
            due.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        });
        return due;
    }

    private boolean waitingOnAnAdvisoryLock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'""")
                .query(Long.class).single() > 0;
    }

    /** The steps as one batch of the processor: one unit of work in one transaction, its writes sent at its commit. */
    private void inOneBatch(Runnable steps) {
        transactions.executeWithoutResult(status -> {
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            try {
                steps.run();
            } catch (RuntimeException e) {
                batch.rollback(e);
                throw e;
            }
            batch.commit();
        });
    }

    /**
     * One event applied on its own within a batch, as the processor applies the events of a failed batch's span:
     * what the batch queued sent and what it kept dropped first, then the event in a savepoint with the batch's unit
     * of work out of sight.
     */
    private void appliedOnItsOwn(Runnable step) {
        writes.sendQueuedAndDropKept();
        TransactionTemplate savepoint = new TransactionTemplate(transactions.getTransactionManager());
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        CurrentUnitOfWork.clear(batch);
        try {
            savepoint.executeWithoutResult(status -> step.run());
        } finally {
            CurrentUnitOfWork.set(batch);
        }
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the batch commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
