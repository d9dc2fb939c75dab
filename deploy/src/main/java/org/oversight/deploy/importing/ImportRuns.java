package org.oversight.deploy.importing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imports started on this node, each run on the one import thread in turn (the aggregates' "today" is set per
 * thread, and one import at a time keeps the service's own work going). A run's report is kept in memory for
 * the officers of its authority to read and download; the events are in the store, the report is not. The log
 * hears counts and the import's id only: the report names children.
 */
public final class ImportRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRuns.class);

    /** Where a run stands. */
    public enum State {
        WAITING, RUNNING, DONE, FAILED
    }

    /** One import: what was asked, how far it has come, and its report once done. */
    public static final class Run {

        private final HistoryImport.Request request;
        /** Known once the files' children are counted, which the import thread does first. */
        private volatile int children;
        private final AtomicInteger done = new AtomicInteger();
        private volatile State state = State.WAITING;
        private volatile ImportReport report;

        Run(HistoryImport.Request request) {
            this.request = request;
        }

        public HistoryImport.Request request() {
            return request;
        }

        public int children() {
            return children;
        }

        public int done() {
            return done.get();
        }

        public int percent() {
            return children == 0 ? 0 : 100 * done.get() / children;
        }

        public State state() {
            return state;
        }

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        public ImportReport report() {
            return report;
        }
    }

    private final HistoryImport history;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** The files of the runs not yet ended, deleted when the service stops before they are done. */
    private final Set<ReturnFiles> unfinished = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-import");
        t.setDaemon(true);
        return t;
    });

    public ImportRuns(HistoryImport history) {
        this.history = history;
    }

    /**
     * Starts importing the files read; returns the run's id at once. The run owns the files from here: their
     * working copies are deleted when it ends, however it ends.
     */
    public String start(String localAuthority, String username, String displayName, boolean dryRun,
            ReturnFiles files) {
        String importId = UUID.randomUUID().toString();
        HistoryImport.Request request = new HistoryImport.Request(importId, localAuthority, username, displayName,
                dryRun);
        Run run = new Run(request);
        runs.put(importId, run);
        unfinished.add(files);
        try {
            thread.submit(() -> runAndDelete(run, files));
        } catch (RuntimeException refused) {
            unfinished.remove(files);
            files.close();
            runs.remove(importId);
            throw refused;
        }
        return importId;
    }

    private void runAndDelete(Run run, ReturnFiles files) {
        try (files) {
            HistoryImport.Request request = run.request;
            String importId = request.importId();
            String localAuthority = request.localAuthority();
            boolean dryRun = request.dryRun();
            run.state = State.RUNNING;
            try {
                run.children = files.childCount();
                run.report = history.run(request, files, run.done::set);
                run.state = State.DONE;
                ImportReport.Counts counts = run.report.counts();
                LOG.info("Import {} for {}{}: {} children, {} imported, {} refused, {} already imported, "
                                + "{} added to, {} conflicting, {} rows held back, {} file problems, {} events",
                        importId, localAuthority, dryRun ? " (dry run)" : "", counts.children(), counts.imported(),
                        counts.refused(), counts.alreadyImported(), counts.added(), counts.conflicted(),
                        counts.heldBackRows(), counts.fileProblems(), counts.events());
            } catch (RuntimeException failure) {
                run.state = State.FAILED;
                // the exception's message may quote a value from the files: only its kind is logged
                LOG.error("Import {} for {} stopped after {} children: {}", importId, localAuthority, run.done(),
                        failure.getClass().getName());
            }
        } finally {
            unfinished.remove(files);
        }
    }

    public Optional<Run> find(String importId) {
        return Optional.ofNullable(runs.get(importId));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        unfinished.forEach(ReturnFiles::close);
    }
}
