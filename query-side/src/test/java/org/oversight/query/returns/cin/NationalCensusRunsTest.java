package org.oversight.query.returns.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CollectionYear;

/**
 * The bounds of national runs made in the background: one under way per set of authorities, found by its owner
 * only, counts kept as it goes, and the archive gone once its time is up.
 */
class NationalCensusRunsTest {

    private static final CollectionYear YEAR = new CollectionYear(2026);
    private static final Consumer<CinChild> NOBODY = child -> { };

    /** Writes a one-line archive per run, after the test lets it go. */
    private static final class HeldExport extends CinCensusExport {

        final CountDownLatch release = new CountDownLatch(1);

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
            for (int i = 0; i < authorities.size(); i++) {
                progress.authorityDone(authorities.get(i), i + 1, authorities.size(), 3L * (i + 1));
            }
            out.write(String.join(",", authorities).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HeldExport export = new HeldExport();
    private final NationalCensusRuns runs = new NationalCensusRuns(export, Duration.ofDays(1));

    @AfterEach
    void stop() {
        export.release.countDown();
        runs.close();
    }

    @Test
    void aSecondRunForTheSameAuthoritiesIsRefusedWhileTheFirstIsUnderWayButAnotherSetMayStart() {
        NationalCensusRuns.Run first = runs.start("qa.one", scope("qa.one"), List.of("DEMO-S", "DEMO-N"), YEAR, NOBODY);

        assertThatThrownBy(() -> runs.start("qa.two", scope("qa.two"), List.of("DEMO-N", "DEMO-S"), YEAR, NOBODY))
                .isInstanceOfSatisfying(NationalCensusRuns.AlreadyRunning.class,
                        refused -> assertThat(refused.running()).isSameAs(first));
        NationalCensusRuns.Run other = runs.start("qa.three", scope("qa.three"), List.of("DEMO-N"), YEAR, NOBODY);
        assertThat(other.id()).isNotEqualTo(first.id());

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.finished() && other.finished());
        NationalCensusRuns.Run again = runs.start("qa.two", scope("qa.two"), List.of("DEMO-N", "DEMO-S"), YEAR,
                NOBODY);
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @Test
    void aRunIsFoundByItsOwnerOnlyAndItsIdSaysNothingOfWhatItHolds() {
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);

        assertThat(runs.find(run.id(), "qa.one")).containsSame(run);
        assertThat(runs.find(run.id(), "qa.two")).isEmpty();
        assertThat(runs.find("not-a-run", "qa.one")).isEmpty();
        assertThat(run.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void progressIsCountedAsTheRunGoesAndTheArchiveIsOfferedOnlyOnceItIsFinished() throws IOException {
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-S", "DEMO-N"), YEAR, NOBODY);
        assertThat(run.authoritiesDone()).isZero();
        assertThat(run.downloadable()).isFalse();
        assertThat(runs.open(run)).isEmpty();

        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(run::finished);

        assertThat(run.state()).isEqualTo(NationalCensusRuns.State.DONE);
        assertThat(run.authoritiesDone()).isEqualTo(2);
        assertThat(run.children()).isEqualTo(6);
        assertThat(run.percent()).isEqualTo(100);
        try (InputStream in = runs.open(run).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("DEMO-N,DEMO-S");
        }
    }

    @Test
    void anArchiveWhoseTimeIsUpIsDeletedAndItsRunIsNoLongerFound() throws IOException {
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(run::finished);
        Path file;
        try (InputStream in = runs.open(run).orElseThrow()) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
        file = fileOf(run);
        assertThat(file).exists();

        runs.expire(run);

        assertThat(file).doesNotExist();
        assertThat(runs.open(run)).isEmpty();
        assertThat(runs.find(run.id(), "qa.one")).isEmpty();
    }

    @Test
    void theArchiveIsReadableByTheServiceAlone() throws IOException {
        NationalCensusRuns.Run run = runs.start("qa.one", scope("qa.one"), List.of("DEMO-N"), YEAR, NOBODY);
        export.release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(run::finished);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fileOf(run))))
                .isEqualTo("rw-------");
    }

    private static Path fileOf(NationalCensusRuns.Run run) {
        return run.file();
    }

    private static Scope scope(String reader) {
        return new Scope(reader, List.of("DEMO-N", "DEMO-S"), false);
    }
}
