package org.oversight.deploy.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.oversight.command.childcase.JdbcChildIdentifiers;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.history.EventStoreAccess;
import org.oversight.events.childcase.ChildRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a generated service into the real event store: the staff into {@code local_authority} and
 * {@code app_user}, then every child's history, recorded through the real aggregates in this process and appended
 * through the real (sealing) storage engine in large transactions. Children are independent, so several
 * threads each take the next child, record it and append when their batch is full. Progress is reported as it goes.
 */
public final class Loader {

    /** What a load did. */
    public record Result(int children, long events, long millis) {

        public double eventsPerSecond() {
            return millis == 0 ? 0 : events * 1000.0 / millis;
        }
    }

    private final EventStoreAccess store;
    private final int threads;
    private final int batchEvents;
    private final Consumer<String> progress;

    public Loader(EventStoreAccess store, int threads, int batchEvents, Consumer<String> progress) {
        this.store = store;
        this.threads = threads;
        this.batchEvents = batchEvents;
        this.progress = progress;
    }

    public void loadStaff(Staff staff) {
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        jdbc.batchUpdate("INSERT INTO local_authority (code, name, sort_order) VALUES (?, ?, ?) "
                        + "ON CONFLICT (code) DO NOTHING",
                staff.authorities().stream().map(a -> new Object[] {a.code(), a.name(), a.order()}).toList());
        List<Object[]> people = new ArrayList<>();
        for (Staff.Person p : staff.people()) {
            people.add(new Object[] {p.username(), p.displayName(), "CHAIR", p.chairRoles(), p.team()});
        }
        people.add(new Object[] {InProcessCommandSide.LOADER, "Data generator", "ADMIN", "", null});
        jdbc.batchUpdate("INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles, team) "
                + "VALUES (?, ?, NULL, ?, ?, ?) ON CONFLICT (username) DO NOTHING", people);
        // each chair works for their authority, in their team there (the team views read these)
        jdbc.batchUpdate("INSERT INTO team (local_authority, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                staff.people().stream().map(p -> List.of(p.authority(), p.team())).distinct()
                        .map(List::toArray).toList());
        jdbc.batchUpdate("INSERT INTO person_authority (username, local_authority) VALUES (?, ?) ON CONFLICT DO NOTHING",
                staff.people().stream().map(p -> new Object[] {p.username(), p.authority()}).toList());
        jdbc.batchUpdate("INSERT INTO person_team (username, local_authority, team) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                staff.people().stream().map(p -> new Object[] {p.username(), p.authority(), p.team()}).toList());
    }

    public Result load(HistoryGenerator generator, Staff staff) throws InterruptedException {
        return load(generator, staff, 0, generator.children());
    }

    /** Loads the children with indices from {@code first} (inclusive) to {@code last} (exclusive). */
    public Result load(HistoryGenerator generator, Staff staff, int first, int last) throws InterruptedException {
        int total = last - first;
        AtomicInteger next = new AtomicInteger(first);
        AtomicInteger done = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        try (InProcessCommandSide commandSide = new InProcessCommandSide(staff)) {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<DomainEventMessage<?>> batch = new ArrayList<>(batchEvents + 512);
                    int inBatch = 0;
                    for (int index = next.getAndIncrement(); index < last && !failed.get();
                            index = next.getAndIncrement()) {
                        ChildHistory history = generator.child(index);
                        try {
                            batch.addAll(commandSide.record(history));
                        } catch (RuntimeException e) {
                            failed.set(true);
                            throw e;
                        }
                        inBatch++;
                        if (batch.size() >= batchEvents) {
                            append(batch);
                            events.addAndGet(batch.size());
                            batch.clear();
                            report(done.addAndGet(inBatch), total, events.get(), started);
                            inBatch = 0;
                        }
                    }
                    if (!batch.isEmpty()) {
                        append(batch);
                        events.addAndGet(batch.size());
                    }
                    done.addAndGet(inBatch);
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.set(true);
                    pool.shutdown();
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        report(done.get(), total, events.get(), started);
        return new Result(done.get(), events.get(), millis);
    }

    /** Records and appends the given histories, in one transaction per history, on the calling thread. */
    public long loadHistories(List<ChildHistory> histories, Staff staff) {
        long events = 0;
        try (InProcessCommandSide commandSide = new InProcessCommandSide(staff)) {
            for (ChildHistory history : histories) {
                List<DomainEventMessage<?>> recorded = commandSide.record(history);
                append(recorded);
                events += recorded.size();
            }
        }
        return events;
    }

    /**
     * The events, and the claims of the local identifiers of the children they register, in one transaction: as
     * the service claims them, so that a generated child registered twice stops the load.
     */
    private void append(List<DomainEventMessage<?>> batch) {
        List<ChildRegistered> registrations = new ArrayList<>();
        for (DomainEventMessage<?> event : batch) {
            if (event.getPayload() instanceof ChildRegistered registered) {
                registrations.add(registered);
            }
        }
        store.inTransaction(() -> {
            store.engine().appendEvents(batch);
            if (JdbcChildIdentifiers.claimAll(JdbcClient.create(store.dataSource()), registrations)
                    != registrations.size()) {
                throw new IllegalStateException("A generated child's local identifier is already held by another case");
            }
            return null;
        });
    }

    private final AtomicLong lastReport = new AtomicLong();

    private void report(int done, int total, long events, long started) {
        long now = System.nanoTime();
        long previous = lastReport.get();
        if (done < total && now - previous < 2_000_000_000L || !lastReport.compareAndSet(previous, now)) {
            return;
        }
        double seconds = Math.max(0.001, (now - started) / 1e9);
        progress.accept(String.format("%5.1f%% children %,d/%,d  events %,d  %,.0f events/s  %,.0f s", 100.0 * done / total,
                done, total, events, events / seconds, seconds));
    }
}
