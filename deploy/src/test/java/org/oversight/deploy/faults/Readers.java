package org.oversight.deploy.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chair reading their caseload through the proxy every {@code pauseMs} until stopped: what every read got back
 * and when, so that a scenario can say whether reads kept working while a node or the database failed.
 */
final class Readers {

    /** One read: when it was sent and when its answer (or its failure) came, in this reader's milliseconds. */
    record Read(long atMs, long endMs, int status, String rule) {

        /** Whether the read was on its way while {@code fromMs} to {@code toMs} passed. */
        boolean inFlightDuring(long fromMs, long toMs) {
            return atMs <= toMs && endMs >= fromMs;
        }
    }

    private final Chair chair;
    private final long pauseMs;
    private final long started = System.currentTimeMillis();
    private final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;
    private Thread thread;

    Readers(Chair chair, long pauseMs) {
        this.chair = chair;
        this.pauseMs = pauseMs;
    }

    Readers start() {
        thread = new Thread(() -> {
            while (!stopped) {
                long at = System.currentTimeMillis() - started;
                Chair.Reply reply = chair.get("/api/caseload");
                reads.add(new Read(at, millis(), reply.status(), reply.rule()));
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reader");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Now, in this reader's milliseconds. */
    long millis() {
        return System.currentTimeMillis() - started;
    }

    List<Read> stop() throws InterruptedException {
        stopped = true;
        thread.join(60_000);
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }

    static Map<String, Integer> answers(List<Read> reads) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Read read : reads) {
            counts.merge(read.status() + (read.rule().isEmpty() ? "" : " " + read.rule()), 1, Integer::sum);
        }
        return counts;
    }
}
