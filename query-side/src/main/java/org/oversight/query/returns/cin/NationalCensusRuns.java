package org.oversight.query.returns.cin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CollectionYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * National census runs started from the browser: each writes the same ZIP archive as the direct download, but in
 * the background into a file readable by this service only, so that the page can show how far it has come and
 * offer the file when it is done. A run is known by a random id, never by anything about a child; it belongs to
 * the person who started it, and only they find it. One run per set of authorities is under way at a time (a
 * second start for the same set while one runs is refused), runs are made one after another on one thread, and a
 * finished file is deleted {@link #KEPT} after it was finished: the archive names children, and a copy left on a
 * disk is a copy nobody is answerable for.
 */
@Component
public class NationalCensusRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NationalCensusRuns.class);

    /** How long a finished archive stays downloadable before it is deleted. */
    public static final Duration KEPT = Duration.ofMinutes(30);

    /** Where a run stands. */
    public enum State {
        WAITING, RUNNING, DONE, FAILED, EXPIRED
    }

    /** One run: whose, for which authorities and year, and how far it has come (counts only). */
    public static final class Run {

        private final String id;
        private final String username;
        private final List<String> authorities;
        private final CollectionYear year;
        private final AtomicInteger authoritiesDone = new AtomicInteger();
        private final AtomicLong children = new AtomicLong();
        private volatile State state = State.WAITING;
        private volatile Path file;

        Run(String id, String username, List<String> authorities, CollectionYear year) {
            this.id = id;
            this.username = username;
            this.authorities = List.copyOf(authorities);
            this.year = year;
        }

        public String id() {
            return id;
        }

        public List<String> authorities() {
            return authorities;
        }

        public CollectionYear year() {
            return year;
        }

        public int authoritiesDone() {
            return authoritiesDone.get();
        }

        public long children() {
            return children.get();
        }

        public State state() {
            return state;
        }

        public boolean finished() {
            return state != State.WAITING && state != State.RUNNING;
        }

        public boolean downloadable() {
            return state == State.DONE;
        }

        public int percent() {
            return authorities.isEmpty() ? 100 : 100 * authoritiesDone.get() / authorities.size();
        }

        public String filename() {
            return "cin-census-" + year.endingIn() + ".zip";
        }

        Path file() {
            return file;
        }

        boolean underWay() {
            return !finished();
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

        public Run running() {
            return running;
        }
    }

    private final CinCensusExport export;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "national-census");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "national-census-expiry");
        t.setDaemon(true);
        return t;
    });

    private final Duration kept;

    @Autowired
    public NationalCensusRuns(CinCensusExport export) {
        this(export, KEPT);
    }

    NationalCensusRuns(CinCensusExport export, Duration kept) {
        this.export = export;
        this.kept = kept;
    }

    /**
     * Starts a run for {@code username} over {@code authorities}, each child written handed to {@code written} (to
     * be logged as read, in the starter's name: the security context of the request that started it goes with it).
     */
    public synchronized Run start(String username, Scope scope, List<String> authorities, CollectionYear year,
            Consumer<CinChild> written) {
        List<String> set = authorities.stream().sorted().distinct().toList();
        Optional<Run> running = runs.values().stream()
                .filter(r -> r.underWay() && r.authorities.equals(set)).findFirst();
        if (running.isPresent()) {
            throw new AlreadyRunning(running.get());
        }
        Run run = new Run(UUID.randomUUID().toString(), username, set, year);
        runs.put(run.id, run);
        // a copy: the request's own context is cleared or changed when the request ends, the run goes on
        SecurityContext starter = SecurityContextHolder.createEmptyContext();
        starter.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        thread.submit(new DelegatingSecurityContextRunnable(() -> make(run, scope, written), starter));
        return run;
    }

    /** The run of that id, if it is {@code username}'s; anybody else's is not found. */
    public Optional<Run> find(String runId, String username) {
        Run run = runId == null ? null : runs.get(runId);
        return run != null && run.username.equals(username) ? Optional.of(run) : Optional.empty();
    }

    /**
     * Opens a finished run's archive, or nothing once it has gone. An archive deleted as it expires while it is
     * being read is still read to its end: the open file outlives its name.
     */
    public Optional<InputStream> open(Run run) {
        Path file = run.file;
        if (run.state != State.DONE || file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private void make(Run run, Scope scope, Consumer<CinChild> written) {
        run.state = State.RUNNING;
        long started = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("national-census-", ".zip",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                export.writeNational(scope, run.authorities, run.year, out, written,
                        (authority, done, all, children) -> {
                            run.authoritiesDone.set(done);
                            run.children.set(children);
                            LOG.info("CIN census national run {}: {} written, {} of {} authorities, {} children so "
                                    + "far, {} s", run.id, authority, done, all, children,
                                    (System.nanoTime() - started) / 1_000_000_000L);
                        });
            }
            run.file = file;
            run.state = State.DONE;
        } catch (IOException | RuntimeException failure) {
            run.state = State.FAILED;
            delete(file);
            // a message may quote what was being written: only the kind of fault is logged
            LOG.error("CIN census national run {} stopped after {} authorities: {}", run.id, run.authoritiesDone(),
                    failure.getClass().getName());
        }
        expiry.schedule(() -> expire(run), kept.toMillis(), TimeUnit.MILLISECONDS);
    }

    void expire(Run run) {
        Path file = run.file;
        run.state = run.state == State.DONE ? State.EXPIRED : run.state;
        run.file = null;
        delete(file);
        runs.remove(run.id);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("A finished national census archive could not be deleted: {}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        expiry.shutdownNow();
        runs.values().forEach(run -> delete(run.file));
        runs.clear();
    }
}
