package org.oversight.deploy.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load of real commands through the proxy: {@code clients} chairs registering invented children, each
 * with an identifier of its own, until {@code total} are sent or the time is up, paced so that a fault can land
 * in the middle of it. Every command's answer is kept: acknowledged (201, with the child's id), refused (a status
 * and rule), or no answer at all.
 */
final class RegistrationLoad {

    /** One command sent, what came back, and when (milliseconds from the load's start). */
    record Sent(String localIdentifier, int status, String rule, String childId, long sentAtMs, long answeredAtMs) {

        boolean acknowledged() {
            return status == 201 && childId != null;
        }
    }

    private static final long OUTAGE_PAUSE_MS = 250;

    private final List<Chair> clients;
    private final String authority;
    private final String prefix;
    private final int total;
    private final Duration limit;
    private final Duration pause;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean stopped;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private Instant started;

    RegistrationLoad(List<Chair> clients, String authority, String prefix, int total, Duration limit, Duration pause) {
        this.clients = clients;
        this.authority = authority;
        this.prefix = prefix;
        this.total = total;
        this.limit = limit;
        this.pause = pause;
    }

    RegistrationLoad start() {
        started = Instant.now();
        for (int i = 0; i < clients.size(); i++) {
            Chair chair = clients.get(i);
            Thread thread = new Thread(() -> send(chair), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void send(Chair chair) {
        Instant deadline = started.plus(limit);
        for (int n = next.getAndIncrement(); n < total && !stopped && Instant.now().isBefore(deadline); n = next.getAndIncrement()) {
            String identifier = prefix + "-" + String.format("%06d", n);
            long at = millis();
            Chair.Reply reply = chair.postJson("/api/children", """
                    {"localAuthority":"%s","localIdentifier":"%s","givenName":"Robin","familyName":"Fault",\
                    "dateOfBirth":"2015-05-01"}""".formatted(authority, identifier));
            sent.add(new Sent(identifier, reply.status(), reply.rule(),
                    reply.status() == 201 ? reply.field("childId") : null, at, millis()));
            try {
                // while the service cannot answer, a client waits a little before sending again, as one told
                // to retry after a moment would
                boolean unanswered = reply.status() == 0 || reply.status() >= 502;
                Thread.sleep(unanswered ? Math.max(pause.toMillis(), OUTAGE_PAUSE_MS) : pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long millis() {
        return Duration.between(started, Instant.now()).toMillis();
    }

    /** Waits until at least {@code count} commands were acknowledged (or the load ended). */
    void awaitAcknowledged(int count) throws InterruptedException {
        while (acknowledged() < count && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(20);
        }
    }

    int acknowledged() {
        synchronized (sent) {
            return (int) sent.stream().filter(Sent::acknowledged).count();
        }
    }

    /** Asks every client to send nothing more after its current command. */
    void stop() {
        stopped = true;
    }

    /** Waits for every client to finish; the load is bounded, so this is too. */
    List<Sent> finish() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(limit.plusSeconds(60).toMillis());
            if (thread.isAlive()) {
                throw new IllegalStateException("a load client did not finish within its limit");
            }
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** How many answers of each status (0: no answer), with the rule where there was one. */
    static Map<String, Integer> answers(List<Sent> sent) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Sent one : sent) {
            String key = one.status() + (one.rule().isEmpty() ? "" : " " + one.rule());
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }
}
