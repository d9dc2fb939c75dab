package org.oversight.query.returns.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CollectionYear;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * National runs made in the background, against a real PostgreSQL: one under way per set of authorities whichever
 * node started it, found by its owner only (and only while they work for every authority it covers), counts kept
 * as it goes, the archive stored in chunks and read back whole by another node, a run whose node went quiet marked
 * failed, and the kept runs bounded in age, number and size.
 */
class NationalCensusRunsTest {

    private static final CollectionYear YEAR = new CollectionYear(2026);
    private static final Consumer<CinChild> NOBODY = child -> { };
    private static final Set<String> BOTH = Set.of("DEMO-N", "DEMO-S");

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    /** Writes the archive it is given after the test lets it go: the authorities' names, then {@code extra}. */
    private static final class HeldExport extends CinCensusExport {

        final CountDownLatch release = new CountDownLatch(1);
        volatile byte[] extra = new byte[0];

        HeldExport() {
            super(null, null, null);
        }

        @Override
        public void writeNational(Scope scope, List<String> authorities, CollectionYear year, OutputStream out,
                Consumer<CinChild> written, Progress progress) throws IOException {
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            out.write(String.join(",", authorities).getBytes(StandardCharsets.UTF_8));
            out.write(extra);
            for (int i = 0; i < authorities.size(); i++) {
                progress.authorityDone(authorities.get(i), i + 1, authorities.size(), 3L * (i + 1));
            }
        }
    }

    private final HeldExport export = new HeldExport();
    private final List<NationalCensusRuns> nodes = new ArrayList<>();
    private JdbcClient jdbc;

    @BeforeEach
    void freshTables() {
        database.freshSchema("V8_40__returns_census_runs.sql", "V9_51__returns_census_run_withdrawn.sql");
        jdbc = JdbcClient.create(database.dataSource());
    }

    @AfterEach
    void stop() {
        export.release.countDown();
        nodes.forEach(NationalCensusRuns::close);
    }

    /** A query node's runs on the one database: a day's keeping, a minute's heartbeat, ten runs of 8 MiB at most. */
    private NationalCensusRuns node() {
        return node(Duration.ofDays(1), 10, 8L << 20);
    }

    private NationalCensusRuns node(Duration kept, int maxKept, long maxBytes) {
        NationalCensusRuns node = new NationalCensusRuns(export, jdbc, kept, Duration.ofMinutes(1), maxKept, maxBytes);
        nodes.add(node);
        return node;
    }

    @Test
    void aSecondRunForTheSameAuthoritiesIsRefusedOnAnyNodeWhileTheFirstIsUnderWayButAnotherSetMayStart() {
        NationalCensusRuns a = node();
        NationalCensusRuns b = node();
        NationalCensusRuns.Run first = a.start("qa.one", scope("qa.one"), List.of("DEMO-S", "DEMO-N"), YEAR, NOBODY);

        assertThatThrownBy(() -> b.start("qa.two", scope("qa.two"), List.of("DEMO-N", "DEMO-S"), YEAR, NOBODY))
                .isInstanceOfSatisfying(NationalCensusRuns.AlreadyRunning.class,
                        refused -> assertThat(refused.running().id()).isEqualTo(first.id()));
        NationalCensusRuns.Run other = b.start("qa.three", scope("qa.three"), List.of("DEMO-N"), YEAR, NOBODY);
        assertThat(other.id()).isNotEqualTo(first.id());

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(a, first).finished()
                && b.find(other.id(), "qa.three", BOTH).orElseThrow().finished());
        NationalCensusRuns.Run again = b.start("qa.two", scope("qa.two"), List.of("DEMO-N", "DEMO-S"), YEAR,
                NOBODY);
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void aRunIsFoundByItsOwnerOnlyWhileTheyWorkForEveryAuthorityItCoversAndItsIdSaysNothing() {
        NationalCensusRuns runs = node();
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N", "DEMO-S"), YEAR, NOBODY);

        assertThat(runs.find(run.id(), "qa.one", BOTH)).isPresent();
        assertThat(runs.find(run.id(), "qa.one", Set.of("DEMO-N", "DEMO-S", "DEMO-E"))).isPresent();
        assertThat(runs.find(run.id(), "qa.one", Set.of("DEMO-N"))).isEmpty();
        assertThat(runs.find(run.id(), "qa.two", BOTH)).isEmpty();
        assertThat(runs.find("not-a-run", "qa.one", BOTH)).isEmpty();
        assertThat(runs.find(null, "qa.one", BOTH)).isEmpty();
        assertThat(run.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void progressIsCountedAsTheRunGoesAndTheArchiveOfSeveralChunksIsReadWholeOnAnotherNode() throws IOException {
        NationalCensusRuns a = node();
        NationalCensusRuns b = node();
        byte[] extra = new byte[2 * NationalCensusRuns.CHUNK_BYTES + 12345];
        long seed = System.nanoTime();
        new Random(seed).nextBytes(extra);
        export.extra = extra;
        NationalCensusRuns.Run run = a.start("qa.one", scope("qa.one"), List.of("DEMO-S", "DEMO-N"), YEAR, NOBODY);
        assertThat(run.authoritiesDone()).isZero();
        assertThat(run.downloadable()).isFalse();
        assertThat(b.open(b.find(run.id(), "qa.one", BOTH).orElseThrow())).isEmpty();

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(b, run).finished());

        NationalCensusRuns.Run done = state(b, run);
        assertThat(done.state()).isEqualTo(NationalCensusRuns.State.DONE);
        assertThat(done.authoritiesDone()).isEqualTo(2);
        assertThat(done.children()).isEqualTo(6);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk WHERE run_id = ?").param(run.id())
                .query(Integer.class).single()).isEqualTo(3);
        byte[] expected = concat("DEMO-N,DEMO-S".getBytes(StandardCharsets.UTF_8), extra);
        try (InputStream in = b.open(done).orElseThrow()) {
            assertThat(Arrays.equals(in.readAllBytes(), expected)).as("archive read back whole, seed " + seed)
                    .isTrue();
        }
    }

    /**
     * The run page reads the run several times while it renders (its words, whether to offer "Check progress" and
     * the script, whether to offer the download). A run that changed under it could render "Being made." without
     * the means to ask again, which left the page standing still for good: what is found is a copy as read.
     */
    @Test
    void aRunOnceReadStaysAsReadWhileTheRunGoesOnSoAPageRendersOneViewOfIt() {
        NationalCensusRuns runs = node();
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        NationalCensusRuns.Run seen = runs.find(run.id(), "qa.one", BOTH).orElseThrow();

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(runs, run).finished());

        assertThat(seen.finished()).isFalse();
        assertThat(seen.downloadable()).isFalse();
        assertThat(seen.state()).isIn(NationalCensusRuns.State.WAITING, NationalCensusRuns.State.RUNNING);
        assertThat(seen.authoritiesDone()).isZero();
    }

    @Test
    void aRunWhoseNodeWentQuietIsMarkedStoppedByAnotherNodeAndItsMakerWritesNoMoreOfIt() {
        NationalCensusRuns a = node();
        NationalCensusRuns b = node();
        NationalCensusRuns.Run run = a.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(b, run).state()
                == NationalCensusRuns.State.RUNNING);
        assertThat(state(b, run).finished()).isFalse();

        // the heartbeat is a minute and more old: as if node a had died with the run under way
        jdbc.sql("UPDATE returns_census_run SET heartbeat_at = now() - interval '61 seconds'").update();

        NationalCensusRuns.Run stopped = state(b, run);
        assertThat(stopped.state()).isEqualTo(NationalCensusRuns.State.FAILED);
        assertThat(stopped.failure()).isEqualTo(NationalCensusRuns.Failure.STOPPED);
        assertThat(stopped.failure().words()).contains("service making it stopped");
        // a new run of the same authorities is no longer held back by it
        NationalCensusRuns.Run next = b.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(b, next).finished());
        assertThat(state(b, run).failure()).isEqualTo(NationalCensusRuns.Failure.STOPPED);
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk WHERE run_id = ?").param(run.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRunWhoseHeartbeatIsRecentIsLeftUnderWay() {
        NationalCensusRuns a = node();
        NationalCensusRuns.Run run = a.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        jdbc.sql("UPDATE returns_census_run SET heartbeat_at = now() - interval '50 seconds'").update();

        assertThat(node().find(run.id(), "qa.one", BOTH).orElseThrow().finished()).isFalse();
    }

    @Test
    void aNodeStoppingMarksTheRunsItWasMakingStoppedAtOnce() {
        NationalCensusRuns a = node();
        NationalCensusRuns.Run run = a.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);

        a.close();

        assertThat(node().find(run.id(), "qa.one", BOTH).orElseThrow().failure())
                .isEqualTo(NationalCensusRuns.Failure.STOPPED);
    }

    @Test
    void anArchiveGrowingBeyondTheBoundIsGivenUpAndNothingOfItIsKept() {
        NationalCensusRuns runs = node(Duration.ofDays(1), 10, NationalCensusRuns.CHUNK_BYTES);
        export.extra = new byte[NationalCensusRuns.CHUNK_BYTES + 1];
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        export.release.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(runs, run).finished());
        assertThat(state(runs, run).failure()).isEqualTo(NationalCensusRuns.Failure.TOO_LARGE);
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk").query(Integer.class).single()).isZero();
    }

    @Test
    void aDestroyedRecordWithdrawsEveryFinishedArchiveAndTheAuthoritiesMayBeRunAgain() {
        NationalCensusRuns a = node();
        NationalCensusRuns b = node();
        export.release.countDown();
        NationalCensusRuns.Run finished = a.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(a, finished).finished());
        assertThat(state(a, finished).state()).isEqualTo(NationalCensusRuns.State.DONE);
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk").query(Integer.class).single())
                .isPositive();

        b.withdrawAll();

        NationalCensusRuns.Run withdrawn = state(a, finished);
        assertThat(withdrawn.state()).isEqualTo(NationalCensusRuns.State.FAILED);
        assertThat(withdrawn.failure()).isEqualTo(NationalCensusRuns.Failure.WITHDRAWN);
        assertThat(withdrawn.archiveChunks()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk").query(Integer.class).single()).isZero();
        // the same authorities may be run again at once
        NationalCensusRuns.Run again = a.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state(a, again).finished());
        assertThat(state(a, again).state()).isEqualTo(NationalCensusRuns.State.DONE);
    }

    @Test
    void finishedRunsAreDeletedOnceTheirTimeIsUpAndBeyondTheNumberKeptTheOldestFirst() {
        NationalCensusRuns runs = node(Duration.ofMinutes(30), 2, 8L << 20);
        export.release.countDown();
        List<NationalCensusRuns.Run> made = new ArrayList<>();
        for (String authority : List.of("DEMO-A", "DEMO-B", "DEMO-C")) {
            NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of(authority), YEAR, NOBODY);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.find(run.id(), "qa.one",
                    Set.of(authority)).orElseThrow().finished());
            made.add(run);
        }
        jdbc.sql("UPDATE returns_census_run SET finished_at = finished_at - interval '1 minute' WHERE run_id = ?")
                .param(made.get(0).id()).update();
        jdbc.sql("UPDATE returns_census_run SET finished_at = now() - interval '31 minutes' WHERE run_id = ?")
                .param(made.get(2).id()).update();
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk").query(Integer.class).single())
                .isEqualTo(3);

        runs.cleanUp();

        // the one past its time goes, and of the two left only the newest two are kept: both stay
        assertThat(jdbc.sql("SELECT run_id FROM returns_census_run ORDER BY finished_at").query(String.class).list())
                .containsExactly(made.get(0).id(), made.get(1).id());
        assertThat(jdbc.sql("SELECT count(*) FROM returns_census_run_chunk").query(Integer.class).single())
                .isEqualTo(2);

        NationalCensusRuns.Run fourth = runs.start("qa.one", scope("qa.one"), List.of("DEMO-D"), YEAR, NOBODY);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.find(fourth.id(), "qa.one",
                Set.of("DEMO-D")).orElseThrow().finished());
        runs.cleanUp();

        assertThat(jdbc.sql("SELECT run_id FROM returns_census_run ORDER BY finished_at").query(String.class).list())
                .containsExactly(made.get(1).id(), fourth.id());
    }

    private static NationalCensusRuns.Run state(NationalCensusRuns node, NationalCensusRuns.Run run) {
        return node.find(run.id(), run.username(), run.authorities()).orElseThrow();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Scope scope(String reader) {
        return new Scope(reader, List.of("DEMO-N", "DEMO-S"), false);
    }
}
