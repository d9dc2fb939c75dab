package org.oversight.query.returns.cin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CollectionYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * National census runs started from the browser: each writes the same ZIP archive as the direct download, in the
 * background, so that the page can show how far it has come and offer the archive when it is done.
 *
 * <p>A run lives in the database ({@code returns_census_run}, its archive in chunks beside it), not in the memory
 * of the node that makes it: the proxy sends each poll and each download to whichever query node it likes, and
 * every node answers them alike. The node that started a run makes it on its own thread and beats a heartbeat into
 * its row; a run whose heartbeat has gone quiet for {@code stale} (its node died or was stopped) is marked failed
 * by whichever node looks at it next, so no run says "being made" for ever.
 *
 * <p>A run is known by a random id, never by anything about a child; it belongs to the person who started it, and
 * only they find it, and only while they still work for every authority it covers. One run per set of authorities
 * is under way at a time (the database refuses a second), runs are made one after another on each node, an archive
 * larger than {@code maxBytes} is given up, and a finished run is deleted {@code kept} after it finished, the
 * oldest first once more than {@code maxKept} are kept: the archive names children, and a copy left behind is a
 * copy nobody is answerable for.
 */
@Component
public class NationalCensusRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NationalCensusRuns.class);

    /** How long a finished archive stays downloadable before it is deleted. */
    public static final Duration KEPT = Duration.ofMinutes(30);

    /** How large a piece of an archive is written and read at a time. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Where a run stands. */
    public enum State {
        WAITING, RUNNING, DONE, FAILED
    }

    /** Why a run failed, in words its page can show. */
    public enum Failure {
        FAULT("The run stopped on an unexpected fault."),
        STOPPED("The run stopped because the service making it stopped."),
        TOO_LARGE("The run stopped because the archive grew larger than this service keeps."),
        WITHDRAWN("The archive was withdrawn because a child's record has since been destroyed.");

        private final String words;

        Failure(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One run as the database holds it: whose, for which authorities and year, and how far (counts only). */
    public record Run(String id, String username, List<String> authorities, CollectionYear year, State state,
            Failure failure, int authoritiesDone, long children, Integer archiveChunks) {

        public Run {
            authorities = List.copyOf(authorities);
        }

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        public boolean downloadable() {
            return state == State.DONE;
        }

        public int percent() {
            return authorities.isEmpty() ? 100 : 100 * authoritiesDone / authorities.size();
        }

        public String filename() {
            return "cin-census-" + year.endingIn() + ".zip";
        }
    }

    /** Refused: a run for the same authorities is already under way. */
    public static final class AlreadyRunning extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Run running;

        AlreadyRunning(Run running) {
            super("A national census run for the same authorities is under way");
            this.running = running;
        }

        /** The run under way, or null if it finished between the refusal and the look. */
        public Run running() {
            return running;
        }
    }

    /** The archive outgrew the bound: the run is given up rather than fill the database. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("archive larger than kept");
        }
    }

    /** The run was marked failed by another node (its heartbeat was late): this node stops making it. */
    static final class GivenUp extends RuntimeException {

        private static final long serialVersionUID = 1L;

        GivenUp() {
            super("run no longer under way");
        }
    }

    private static final String COLUMNS = """
            SELECT run_id, username, authorities, collection_year, state, failure, authorities_done, children,
                   archive_chunks
              FROM returns_census_run
            """;

    private final CinCensusExport export;
    private final JdbcClient jdbc;
    private final Duration kept;
    private final Duration stale;
    private final int maxKept;
    private final long maxBytes;
    /** The runs this node has yet to finish, whose heartbeat it beats. */
    private final Set<String> making = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "national-census");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public NationalCensusRuns(CinCensusExport export, JdbcClient jdbc,
            @Value("${oversight.returns.national-run.stale-after:PT2M}") Duration stale,
            @Value("${oversight.returns.national-run.kept-at-most:10}") int maxKept,
            @Value("${oversight.returns.national-run.max-archive-bytes:268435456}") long maxBytes) {
        this(export, jdbc, KEPT, stale, maxKept, maxBytes);
    }

    NationalCensusRuns(CinCensusExport export, JdbcClient jdbc, Duration kept, Duration stale, int maxKept,
            long maxBytes) {
        this.export = export;
        this.jdbc = jdbc;
        this.kept = kept;
        this.stale = stale;
        this.maxKept = maxKept;
        this.maxBytes = maxBytes;
    }

    /**
     * Starts a run for {@code username} over {@code authorities}, each child written handed to {@code written} (to
     * be logged as read in the starter's name: a copy of the starting request's sign-in goes with the run, since
     * the request's own ends with it).
     */
    public Run start(String username, Scope scope, List<String> authorities, CollectionYear year,
            Consumer<CinChild> written) {
        List<String> set = authorities.stream().sorted().distinct().toList();
        markStale(null);
        cleanUp();
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    INSERT INTO returns_census_run (run_id, username, authorities, collection_year, state,
                                                    started_at, heartbeat_at)
                    VALUES (:id, :username, CAST(:authorities AS text[]), :year, 'WAITING', now(), now())
                    """).param("id", id).param("username", username)
                    .param("authorities", set.toArray(String[]::new)).param("year", year.endingIn()).update();
        } catch (DuplicateKeyException underWay) {
            throw new AlreadyRunning(jdbc.sql(COLUMNS + """
                     WHERE authorities = CAST(:authorities AS text[]) AND state IN ('WAITING', 'RUNNING')
                    """).param("authorities", set.toArray(String[]::new)).query(NationalCensusRuns::run)
                    .optional().orElse(null));
        }
        making.add(id);
        SecurityContext starter = SecurityContextHolder.createEmptyContext();
        starter.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            thread.submit(new DelegatingSecurityContextRunnable(() -> make(id, scope, set, year, written), starter));
        } catch (RuntimeException refused) {
            finish(id, Failure.STOPPED);
            throw refused;
        }
        return byId(id).orElseThrow();
    }

    /**
     * The run of that id if it is {@code username}'s and covers none but {@code authorities} (the person's own
     * today); anybody else's is not found. A run under way whose heartbeat has gone quiet is marked failed first.
     */
    public Optional<Run> find(String runId, String username, Collection<String> authorities) {
        if (runId == null) {
            return Optional.empty();
        }
        markStale(runId);
        return byId(runId).filter(run -> run.username().equals(username) && authorities.containsAll(run.authorities()));
    }

    /**
     * Opens a finished run's archive, read a chunk at a time as it is asked for, or nothing once it has gone. An
     * archive deleted while it is being read ends the read with an error rather than a shorter file.
     */
    public Optional<InputStream> open(Run run) {
        if (!run.downloadable()) {
            return Optional.empty();
        }
        return Optional.of(new InputStream() {
            private int next;
            private byte[] chunk = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                while (at == chunk.length) {
                    if (next == run.archiveChunks()) {
                        return -1;
                    }
                    chunk = jdbc.sql("SELECT bytes FROM returns_census_run_chunk WHERE run_id = :id AND seq = :seq")
                            .param("id", run.id()).param("seq", next).query(byte[].class).optional()
                            .orElseThrow(() -> new IOException("the archive was deleted while it was read"));
                    next++;
                    at = 0;
                }
                int n = Math.min(length, chunk.length - at);
                System.arraycopy(chunk, at, into, offset, n);
                at += n;
                return n;
            }
        });
    }

    /** Beats the heartbeat of every run this node is making, queued ones included, and clears away old runs. */
    @Scheduled(initialDelayString = "${oversight.returns.national-run.heartbeat:PT10S}",
            fixedDelayString = "${oversight.returns.national-run.heartbeat:PT10S}")
    public void beatAndCleanUp() {
        for (String id : making) {
            beat(id);
        }
        markStale(null);
        cleanUp();
    }

    private void make(String id, Scope scope, List<String> authorities, CollectionYear year,
            Consumer<CinChild> written) {
        long started = System.nanoTime();
        try {
            if (jdbc.sql("""
                    UPDATE returns_census_run SET state = 'RUNNING', heartbeat_at = now()
                     WHERE run_id = :id AND state = 'WAITING'
                    """).param("id", id).update() == 0) {
                throw new GivenUp();
            }
            long[] children = {0};
            long[] lastBeat = {System.nanoTime()};
            ArchiveOut out = new ArchiveOut(id);
            export.writeNational(scope, authorities, year, out, child -> {
                written.accept(child);
                children[0]++;
                // counts as the run goes, not only after each authority, at most once a second
                if (System.nanoTime() - lastBeat[0] > 1_000_000_000L) {
                    lastBeat[0] = System.nanoTime();
                    progress(id, null, children[0]);
                }
            }, (authority, done, all, soFar) -> {
                progress(id, done, soFar);
                LOG.info("CIN census national run {}: {} written, {} of {} authorities, {} children so far, {} s",
                        id, authority, done, all, soFar, (System.nanoTime() - started) / 1_000_000_000L);
            });
            // the last, partly filled chunk (a run given up before here leaves only its buffer, nothing to close)
            out.finish();
            if (jdbc.sql("""
                    UPDATE returns_census_run
                       SET state = 'DONE', finished_at = now(), heartbeat_at = now(),
                           archive_chunks = :chunks, archive_bytes = :bytes
                     WHERE run_id = :id AND state = 'RUNNING'
                    """).param("id", id).param("chunks", out.chunks).param("bytes", out.bytes).update() == 0) {
                throw new GivenUp();
            }
        } catch (GivenUp givenUp) {
            deleteArchive(id);
            LOG.warn("CIN census national run {} was marked stopped while this node still made it", id);
        } catch (TooLarge tooLarge) {
            finish(id, Failure.TOO_LARGE);
            LOG.warn("CIN census national run {} gave up: its archive grew beyond {} bytes", id, maxBytes);
        } catch (IOException | RuntimeException failure) {
            finish(id, Failure.FAULT);
            // a message may quote what was being written: only the kind of fault is logged
            LOG.error("CIN census national run {} stopped: {}", id, failure.getClass().getName());
        } finally {
            making.remove(id);
        }
    }

    private void progress(String id, Integer authoritiesDone, long children) {
        int updated = jdbc.sql("""
                UPDATE returns_census_run
                   SET authorities_done = COALESCE(CAST(:done AS integer), authorities_done), children = :children,
                       heartbeat_at = now()
                 WHERE run_id = :id AND state = 'RUNNING'
                """).param("id", id).param("done", authoritiesDone).param("children", children).update();
        if (updated == 0) {
            throw new GivenUp();
        }
    }

    private void beat(String id) {
        jdbc.sql("UPDATE returns_census_run SET heartbeat_at = now() WHERE run_id = :id AND state IN ('WAITING', 'RUNNING')")
                .param("id", id).update();
    }

    /** Marks the run failed (if it is still under way) and drops whatever of its archive was written. */
    private void finish(String id, Failure failure) {
        jdbc.sql("""
                UPDATE returns_census_run SET state = 'FAILED', failure = :failure, finished_at = now()
                 WHERE run_id = :id AND state IN ('WAITING', 'RUNNING')
                """).param("id", id).param("failure", failure.name()).update();
        deleteArchive(id);
    }

    private void deleteArchive(String id) {
        jdbc.sql("DELETE FROM returns_census_run_chunk WHERE run_id = :id").param("id", id).update();
    }

    /**
     * Withdraws every run's archive, finished or being made: a child's record has been destroyed, and an archive
     * names its children, so none may be handed out once it may hold a record that no longer exists. Which archive
     * holds the child cannot be told without reading it; they are made again in a minute or two. A run being made
     * is marked failed too, so its maker writes no more of it.
     */
    public void withdrawAll() {
        jdbc.sql("""
                WITH withdrawn AS (
                    UPDATE returns_census_run SET state = 'FAILED', failure = 'WITHDRAWN',
                           finished_at = coalesce(finished_at, now()), archive_chunks = NULL, archive_bytes = NULL
                     WHERE state IN ('WAITING', 'RUNNING', 'DONE')
                    RETURNING run_id)
                DELETE FROM returns_census_run_chunk WHERE run_id IN (SELECT run_id FROM withdrawn)
                """).update();
    }

    /** Runs under way (one, or all when {@code runId} is null) whose heartbeat is older than {@code stale}: failed. */
    private void markStale(String runId) {
        jdbc.sql("""
                WITH stopped AS (
                    UPDATE returns_census_run SET state = 'FAILED', failure = 'STOPPED', finished_at = now()
                     WHERE state IN ('WAITING', 'RUNNING') AND heartbeat_at < now() - CAST(:stale AS interval)
                       AND (CAST(:id AS text) IS NULL OR run_id = :id)
                    RETURNING run_id)
                DELETE FROM returns_census_run_chunk WHERE run_id IN (SELECT run_id FROM stopped)
                """).param("stale", stale.toMillis() + " milliseconds").param("id", runId).update();
    }

    /** Deletes runs finished more than {@code kept} ago, and all but the newest {@code maxKept} finished ones. */
    void cleanUp() {
        jdbc.sql("""
                DELETE FROM returns_census_run
                 WHERE finished_at < now() - CAST(:kept AS interval)
                    OR run_id IN (SELECT run_id FROM returns_census_run WHERE finished_at IS NOT NULL
                                   ORDER BY finished_at DESC, run_id OFFSET :most)
                """).param("kept", kept.toMillis() + " milliseconds").param("most", maxKept).update();
    }

    private Optional<Run> byId(String runId) {
        return jdbc.sql(COLUMNS + " WHERE run_id = :id").param("id", runId).query(NationalCensusRuns::run).optional();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("failure");
        return new Run(rs.getString("run_id"), rs.getString("username"),
                List.of((String[]) rs.getArray("authorities").getArray()),
                new CollectionYear(rs.getInt("collection_year")), State.valueOf(rs.getString("state")),
                failure == null ? null : Failure.valueOf(failure), rs.getInt("authorities_done"),
                rs.getLong("children"), rs.getObject("archive_chunks", Integer.class));
    }

    /** The archive as it is written: a chunk at a time into the database, never more than one held. */
    private final class ArchiveOut extends OutputStream {

        private final String id;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int chunks;
        private long bytes;

        ArchiveOut(String id) {
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] from, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(from, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    store();
                }
            }
        }

        private void store() throws IOException {
            if (filled == 0) {
                return;
            }
            bytes += filled;
            if (bytes > maxBytes) {
                throw new TooLarge();
            }
            byte[] chunk = Arrays.copyOf(buffer, filled);
            // written only while the run is still under way: a run given up elsewhere gets no more of its archive
            if (jdbc.sql("""
                    INSERT INTO returns_census_run_chunk (run_id, seq, bytes)
                    SELECT :id, :seq, :bytes WHERE EXISTS
                        (SELECT 1 FROM returns_census_run WHERE run_id = :id AND state = 'RUNNING')
                    """).param("id", id).param("seq", chunks).param("bytes", chunk).update() == 0) {
                throw new GivenUp();
            }
            chunks++;
            filled = 0;
            beat(id);
        }

        void finish() throws IOException {
            store();
        }
    }

    /** A node stopping gives up the runs it was making at once, rather than leave them to go stale. */
    @Override
    public void close() {
        // marked before the thread is interrupted, so that the interrupted run is not taken for a fault
        for (String id : making) {
            try {
                finish(id, Failure.STOPPED);
            } catch (RuntimeException unreachable) {
                // the database may already be gone: the heartbeat then goes quiet and another node marks it
                LOG.warn("A national census run could not be marked stopped: {}", unreachable.getClass().getName());
            }
        }
        thread.shutdownNow();
        making.clear();
    }
}
