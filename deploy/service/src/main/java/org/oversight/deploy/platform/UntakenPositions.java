package org.oversight.deploy.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Positions of the event table that no event will ever take, proven so and passed over, so that a reader's position
 * does not carry them.
 *
 * <p>An event takes its position from the table's sequence, in the transaction that appends it. A transaction that
 * rolls back leaves its positions unused; one still open leaves them empty for now. A reader cannot tell the two apart,
 * so Axon keeps every empty position below the newest event read as a gap in the reader's position, to be read when
 * it fills, until a minute has passed or ten thousand positions have been read beyond it. Every event read carries its
 * own copy of those gaps: after an append of ten thousand events rolled back, each event read in the next minute
 * carried ten thousand of them, and the few thousand that the store's cache and the processors' queues hold at once
 * ran a 512 MB heap out of memory.
 *
 * <p>A reader's position whose event at {@code index} it has read holds gaps below {@code index} only. Each was taken
 * from the sequence before {@code index} was (the sequence gives out rising numbers, one at a time), by a transaction
 * that began before that and that had not committed when the event at {@code index} was read. So once every
 * transaction that was running after that read has ended, each of those gaps is either an event, committed and there to
 * read, or a position that nothing will take. PostgreSQL lists the running transactions ({@code pg_locks}, where each
 * holds a lock on its own virtual transaction id, which no later transaction reuses while it runs); the list is taken,
 * and once none of them is running any more the gaps are read again. The gaps below the first that now holds an event
 * are passed over, cut off as Axon cuts gaps that have timed out ({@code withGapsTruncatedAt}), so that the position
 * still covers, and equals, one that reached the same event with them (another segment's, or a replay's); the gaps
 * from there on stay, to be read, and the next look passes over any left empty among them.
 *
 * <p>This holds while every event takes its position from the sequence in the transaction that inserts it (the
 * sequence caching no numbers, as it is made) and no transaction is prepared for two-phase commit, which gives up its
 * virtual transaction id (PostgreSQL's {@code max_prepared_transactions} is 0 unless set). A transaction left open
 * elsewhere on the database (a console idle in a transaction) holds the look back until it ends; Axon's minute still
 * applies. Where the cut is made is not stored with a position (Axon's own cut is not either): read back from the
 * token store, a cut position no longer covers one that kept the gaps, which matters only if a replay's starting
 * position still held them, within their minute.
 *
 * <p>Only a position with more than {@value #FEW} gaps is looked at, no more often than every
 * {@value #LOOK_EVERY_MILLIS} ms: transactions in flight leave a few gaps that fill within milliseconds, and Axon's
 * own rule still passes over a gap a minute old.
 */
final class UntakenPositions {

    private static final Logger LOG = LoggerFactory.getLogger(UntakenPositions.class);

    /** Gaps a reader's position may hold before its gaps are looked at. */
    static final int FEW = 100;

    /** How often the running transactions are asked after, at most. */
    static final long LOOK_EVERY_MILLIS = 50;

    /**
     * The transactions running after the event at {@code below} was read; a gap below {@code below} can only be
     * held by one of them.
     */
    private record Watch(long below, List<String> transactions) {
    }

    private final JdbcClient jdbc;
    private Watch watch;
    /** The last position passed over, and what it became: a reader that found nothing new asks with it again. */
    private GapAwareTrackingToken lastAsked;
    private GapAwareTrackingToken lastAnswer;
    private long lastLook = System.nanoTime() - LOOK_EVERY_MILLIS * 1_000_000;
    /** Looks that asked PostgreSQL, and positions passed over: what an operator's metrics show. */
    private final AtomicLong looks = new AtomicLong();
    private final AtomicLong passedOver = new AtomicLong();

    UntakenPositions(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The position without the gaps proven never to be taken; the same position while that is not yet proven. */
    GapAwareTrackingToken passOver(GapAwareTrackingToken position) {
        // every fetch of every reader comes through here: the usual position, with few gaps, takes no lock
        return position.getGaps().size() <= FEW ? position : look(position);
    }

    private synchronized GapAwareTrackingToken look(GapAwareTrackingToken position) {
        if (lastAsked != null && lastAsked.getIndex() == position.getIndex()
                && lastAsked.getGaps().equals(position.getGaps())) {
            return lastAnswer;
        }
        long now = System.nanoTime();
        if (now - lastLook < LOOK_EVERY_MILLIS * 1_000_000) {
            return position;
        }
        lastLook = now;
        looks.incrementAndGet();
        SortedSet<Long> gaps = position.getGaps();
        if (watch == null || watch.below() <= gaps.first()) {
            // the position's event has been read; everything running from now on is listed
            watch = new Watch(position.getIndex(), running());
            if (!watch.transactions().isEmpty()) {
                return position;
            }
        } else if (anyStillRunning(watch.transactions())) {
            return position;
        }
        long last = Math.min(gaps.last(), watch.below() - 1);
        watch = null;
        Set<Long> stored = new HashSet<>(jdbc.sql(
                "SELECT globalindex FROM domainevententry WHERE globalindex BETWEEN :first AND :last")
                .param("first", gaps.first()).param("last", last).query(Long.class).list());
        // the first gap up to last that holds an event now; every gap below it holds none, and never will
        long from = last + 1;
        for (long gap : gaps.headSet(last + 1)) {
            if (stored.contains(gap)) {
                from = gap;
                break;
            }
        }
        int passed = gaps.headSet(from).size();
        if (passed == 0) {
            return position;
        }
        passedOver.addAndGet(passed);
        LOG.info("Passed over {} positions of the event store that no event will take; {} gaps left to read",
                passed, gaps.size() - passed);
        // cut below the first gap kept, as Axon cuts gaps that have timed out: a position cut so still covers, and
        // equals, one that reached the same event with the gaps (another segment's, or a replay's)
        lastAsked = position;
        lastAnswer = position.withGapsTruncatedAt(from);
        return lastAnswer;
    }

    /** How often a position's gaps were looked at in PostgreSQL: once every {@value #LOOK_EVERY_MILLIS} ms at most. */
    long looks() {
        return looks.get();
    }

    /** Positions passed over, counted once for each reader's position that passed them over. */
    long passedOver() {
        return passedOver.get();
    }

    /**
     * Every transaction running now on this database, but this statement's own, by its virtual transaction id.
     * Autovacuum appends no events; anything whose kind or database cannot be seen is listed.
     */
    private List<String> running() {
        return jdbc.sql("""
                SELECT l.virtualxid
                  FROM pg_locks l
                  LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.locktype = 'virtualxid' AND l.granted AND l.pid IS DISTINCT FROM pg_backend_pid()
                   AND a.backend_type IS DISTINCT FROM 'autovacuum worker'
                   AND (a.datname IS NULL OR a.datname = current_database())
                """).query(String.class).list();
    }

    private boolean anyStillRunning(List<String> transactions) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM pg_locks
                                WHERE locktype = 'virtualxid' AND granted AND virtualxid IN (:listed))
                """).param("listed", transactions).query(Boolean.class).single();
    }
}
