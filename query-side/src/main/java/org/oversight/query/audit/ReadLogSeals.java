package org.oversight.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.oversight.events.audit.EventChainHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the read log tamper-evident as the events are: every read is sealed into one chain (HMAC-SHA256 under the
 * events' key, over the previous seal and every stored column of the read), so that a read changed or deleted in
 * the database, or one written there behind the service's back, is found by {@link #verify()}. Reads are sealed in
 * batches, in the order they were recorded, by a background job: a read never waits on a seal. Several query
 * nodes may run the job; one at a time seals, under a transaction-scoped advisory lock.
 *
 * <p>The chain's newest reads, deleted together with their seals, would leave a shorter chain that still verifies;
 * the chain's head is therefore anchored outside the database with the events' ({@link ChainAnchor}).
 */
@Component
public class ReadLogSeals {

    /** The chain's kind in each seal: its seals can never stand for an event's. */
    static final String KIND = "read-log";
    /** Reads sealed per transaction. */
    static final int BATCH = 1_000;
    /** Seals read per query while verifying. */
    private static final int VERIFY_PAGE = 5_000;
    /** Names the advisory lock the sealing job takes; any constant would do, as long as nothing else uses it. */
    private static final long LOCK = 0x5265_6164_4c6f_6753L;

    private final JdbcClient jdbc;
    private final EventChainHash chain;
    private final ChainAnchor anchor;
    private final TransactionTemplate transaction;
    /** Verification reads one snapshot of the log, however long it takes and whatever is sealed meanwhile. */
    private final TransactionTemplate snapshot;

    public ReadLogSeals(JdbcClient jdbc, EventChainHash chain, ChainAnchor anchor,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.anchor = anchor;
        this.transaction = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Where the chain broke: its position (0 when the break is not in the chain), the read, and what was found. */
    public record Break(long position, Long readId, String problem) {
    }

    /** @param awaitingSeal reads recorded and not yet sealed (the job seals them within seconds) */
    public record Verification(boolean intact, long sealed, long awaitingSeal, Break broken) {

        public String summary() {
            return intact ? "Verified: " + sealed + (sealed == 1 ? " read" : " reads") + " sealed, chain intact"
                    + (awaitingSeal > 0 ? "; " + awaitingSeal + " more awaiting their seal" : "")
                    : "Read log broken" + (broken.readId() == null ? "" : " at read " + broken.readId())
                            + (broken.position() > 0 ? " (position " + broken.position() + " in the chain)" : "")
                            + ": " + broken.problem();
        }
    }

    @Scheduled(initialDelayString = "${oversight.audit.read-seal-first-after:PT5S}",
            fixedDelayString = "${oversight.audit.read-seal-every:PT5S}")
    void periodically() {
        sealAll();
    }

    /** Seals every read waiting for its seal, a batch per transaction; answers how many were sealed. */
    public long sealAll() {
        long sealed = 0;
        int batch;
        do {
            batch = sealBatch();
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    /** Seals up to {@link #BATCH} waiting reads, oldest first; none while another node is sealing. */
    int sealBatch() {
        Integer sealed = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
                    .query(Boolean.class).single())) {
                return 0;
            }
            Seal last = jdbc.sql("""
                    SELECT position, read_id, seal, key_id FROM history_read_seal ORDER BY position DESC LIMIT 1
                    """).query((rs, i) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)))
                    .optional().orElse(null);
            List<StoredRead> waiting = jdbc.sql("""
                    SELECT r.id, r.read_at, r.username, r.child_id, r.how, r.purpose
                      FROM history_read_unsealed u JOIN history_read r ON r.id = u.read_id
                     ORDER BY u.read_id
                     LIMIT :batch
                    """).param("batch", BATCH).query((rs, i) -> read(rs, 1)).list();
            if (waiting.isEmpty()) {
                return 0;
            }
            long position = last == null ? 0 : last.position();
            byte[] previous = last == null ? EventChainHash.GENESIS : last.seal();
            List<Long> positions = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            List<byte[]> seals = new ArrayList<>();
            for (StoredRead read : waiting) {
                position++;
                previous = seal(chain.currentKeyId(), previous, position, read);
                positions.add(position);
                ids.add(read.id());
                seals.add(previous);
            }
            jdbc.sql("""
                    INSERT INTO history_read_seal (position, read_id, seal, key_id)
                    SELECT p, r, s, :keyId
                      FROM unnest(CAST(:positions AS bigint[]), CAST(:ids AS bigint[]), CAST(:seals AS bytea[]))
                           AS sealed (p, r, s)
                    """).param("positions", positions.toArray(Long[]::new)).param("ids", ids.toArray(Long[]::new))
                    .param("seals", seals.toArray(byte[][]::new)).param("keyId", chain.currentKeyId()).update();
            jdbc.sql("DELETE FROM history_read_unsealed WHERE read_id = ANY (CAST(:ids AS bigint[]))")
                    .param("ids", ids.toArray(Long[]::new)).update();
            return waiting.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /**
     * Recomputes every seal in chain order and names the first read that was changed, deleted, moved or written
     * outside the service. Names the read by its number and its place in the chain only: never the child or the
     * reader.
     */
    public Verification verify() {
        return snapshot.execute(status -> verifySnapshot());
    }

    private Verification verifySnapshot() {
        ChainAnchor.Anchored anchored = anchor.latest().orElse(null);
        if (anchored != null && !anchored.authentic()) {
            return broken(0, 0, new Break(0, null,
                    "the anchor file kept outside the database no longer matches its own seal (altered or damaged)"));
        }
        byte[] previous = EventChainHash.GENESIS;
        long expected = 0;
        byte[] anchoredSealSeen = null;
        while (true) {
            List<SealedRead> page = jdbc.sql("""
                    SELECT s.position, s.read_id, s.seal, s.key_id,
                           r.id, r.read_at, r.username, r.child_id, r.how, r.purpose
                      FROM history_read_seal s LEFT JOIN history_read r ON r.id = s.read_id
                     WHERE s.position > :after
                     ORDER BY s.position
                     LIMIT :page
                    """).param("after", expected).param("page", VERIFY_PAGE)
                    .query((rs, i) -> new SealedRead(
                            new Seal(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)),
                            rs.getObject(5) == null ? null : read(rs, 5)))
                    .list();
            for (SealedRead sealed : page) {
                Seal seal = sealed.seal();
                expected++;
                if (seal.position() != expected) {
                    return broken(expected - 1, 0, new Break(expected, null,
                            "the seal at this position is missing: sealed reads were deleted with their seals"));
                }
                if (sealed.read() == null) {
                    return broken(expected - 1, 0, new Break(seal.position(), seal.readId(),
                            "the read sealed at this position is missing from the read log (deleted)"));
                }
                if (!chain.holds(seal.keyId())) {
                    return broken(expected - 1, 0, new Break(seal.position(), seal.readId(),
                            "the read was sealed under chain key '" + seal.keyId() + "', which this service does not "
                                    + "hold: add it to the earlier chain keys to check this seal"));
                }
                byte[] recomputed = seal(seal.keyId(), previous, seal.position(), sealed.read());
                if (!EventChainHash.same(recomputed, seal.seal())) {
                    return broken(expected - 1, 0, new Break(seal.position(), seal.readId(),
                            "the read no longer matches its seal (changed)"));
                }
                if (anchored != null && anchored.readLog() != null && anchored.readLog().sequence() == seal.position()) {
                    anchoredSealSeen = seal.seal();
                }
                previous = seal.seal();
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        long awaiting = jdbc.sql("SELECT count(*) FROM history_read_unsealed").query(Long.class).single();
        Long deletedBeforeSealed = jdbc.sql("""
                SELECT min(u.read_id) FROM history_read_unsealed u
                 WHERE NOT EXISTS (SELECT 1 FROM history_read r WHERE r.id = u.read_id)
                """).query(Long.class).optional().orElse(null);
        if (deletedBeforeSealed != null) {
            return broken(expected, awaiting, new Break(0, deletedBeforeSealed,
                    "the read was deleted from the read log before it was sealed"));
        }
        Long neverQueued = jdbc.sql("""
                SELECT min(r.id) FROM history_read r
                 WHERE NOT EXISTS (SELECT 1 FROM history_read_seal s WHERE s.read_id = r.id)
                   AND NOT EXISTS (SELECT 1 FROM history_read_unsealed u WHERE u.read_id = r.id)
                """).query(Long.class).optional().orElse(null);
        if (neverQueued != null) {
            return broken(expected, awaiting, new Break(0, neverQueued,
                    "this read has no seal and was never queued for one: it was written outside the service"));
        }
        if (anchored != null && anchored.readLog() != null) {
            ChainAnchor.Head head = anchored.readLog();
            if (anchoredSealSeen == null) {
                return broken(expected, awaiting, new Break(head.sequence(), null,
                        "the chain ends before this position, its last when anchored outside the database at "
                                + anchored.at() + ": its newest reads were deleted with their seals"));
            }
            if (!EventChainHash.same(anchoredSealSeen, head.seal())) {
                return broken(expected, awaiting, new Break(head.sequence(), null,
                        "the seal at this position differs from the one anchored outside the database at "
                                + anchored.at() + " (the chain was rewritten)"));
            }
        }
        return new Verification(true, expected, awaiting, null);
    }

    private static Verification broken(long sealed, long awaiting, Break broken) {
        return new Verification(false, sealed, awaiting, broken);
    }

    /** A read's seal: its place in the chain and every stored column, each exactly as the database gives it back. */
    private byte[] seal(String keyId, byte[] previous, long position, StoredRead read) {
        return chain.sealUnder(keyId, previous, KIND, Long.toString(position), Long.toString(read.id()), read.readAt(),
                read.username(), read.childId(), read.how(), read.purpose());
    }

    private record Seal(long position, long readId, byte[] seal, String keyId) {
    }

    /** The stored columns of a read; the time as the database's instant, to the microsecond. */
    private record StoredRead(long id, String readAt, String username, String childId, String how, String purpose) {
    }

    private record SealedRead(Seal seal, StoredRead read) {
    }

    private static StoredRead read(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(from + 1);
        return new StoredRead(rs.getLong(from), at == null ? null : at.toInstant().toString(), rs.getString(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5));
    }
}
