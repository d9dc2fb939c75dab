package org.oversight.deploy.platform.personal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data keys, one for each child (and one for each escalation, destroyed with any of its children's), kept
 * wrapped in {@code data_key}, outside the event table. A destroyed key keeps its row, with no key in it, so
 * that a destroyed record is told apart from one never encrypted and is never given a new key.
 *
 * <p>Unwrapped keys are cached for a short while; a key destroyed on this node leaves the cache at once, and on
 * another node within {@link #CACHED_FOR}. A key made in a transaction is cached only once it commits, so a
 * rolled-back write never leaves a key behind that the database does not hold.
 */
public class DataKeys {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    /** Beyond this many keys the cache starts again: a rebuild reads every child's key once. */
    static final int MOST_CACHED = 20_000;

    private final JdbcClient jdbc;
    private final KeyEncryptionKey wrapping;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DataKeys(DataSource dataSource, KeyEncryptionKey wrapping) {
        this.jdbc = JdbcClient.create(dataSource);
        this.wrapping = wrapping;
    }

    /**
     * The key to encrypt under, made now if the subject has none yet, with the children it is about.
     *
     * @throws RecordDestroyed when the key was destroyed: nothing new is written about a destroyed record
     */
    public SecretKey forWriting(String keyId, Collection<String> children) {
        if (children.isEmpty()) {
            SecretKey known = known(keyId);
            if (known != null) {
                return known;
            }
        }
        SecretKey made = KeyEncryptionKey.newDataKey();
        // the row comes back only when this insert made it: then the key is the one just made, and reading it back
        // (a round trip and an unwrapping) would tell nothing new
        boolean madeHere = jdbc.sql("""
                        INSERT INTO data_key (key_id, wrapped) VALUES (:id, :wrapped)
                        ON CONFLICT (key_id) DO NOTHING RETURNING key_id
                        """)
                .param("id", keyId).param("wrapped", wrapping.wrap(keyId, made)).query(String.class).optional()
                .isPresent();
        for (String child : children) {
            jdbc.sql("""
                    INSERT INTO data_key_child (child_id, key_id) VALUES (:child, :id)
                    ON CONFLICT (child_id, key_id) DO NOTHING
                    """).param("child", child).param("id", keyId).update();
        }
        SecretKey key = madeHere ? made : stored(keyId).orElseThrow(RecordDestroyed::new);
        cacheOnCommit(keyId, key);
        return key;
    }

    /** The key to read with; empty once it is destroyed (or for a subject that never had one). */
    public Optional<SecretKey> forReading(String keyId) {
        SecretKey known = known(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SecretKey> key = stored(keyId);
        key.ifPresentOrElse(k -> cacheOnCommit(keyId, k), () -> cache.remove(keyId));
        return key;
    }

    /**
     * Destroys the child's key and the key of everything else about the child (its escalations, those named here
     * and those linked to the child when their keys were made), in the caller's transaction. A subject with no
     * key yet is given a destroyed one, so that nothing is ever encrypted for it again.
     *
     * @return the subjects whose keys were destroyed: the child's own id and its escalations' ids
     */
    public List<String> destroy(String childId, Collection<String> alsoAbout) {
        List<String> subjects = new java.util.ArrayList<>(List.of(childId));
        subjects.addAll(alsoAbout);
        for (String subject : subjects) {
            jdbc.sql("INSERT INTO data_key (key_id, wrapped) VALUES (:id, NULL) ON CONFLICT (key_id) DO NOTHING")
                    .param("id", subject).update();
            jdbc.sql("""
                    INSERT INTO data_key_child (child_id, key_id) VALUES (:child, :id)
                    ON CONFLICT (child_id, key_id) DO NOTHING
                    """).param("child", childId).param("id", subject).update();
        }
        List<String> destroyed = jdbc.sql("""
                UPDATE data_key SET wrapped = NULL, destroyed_at = COALESCE(destroyed_at, now())
                 WHERE key_id = :child
                    OR key_id IN (SELECT key_id FROM data_key_child WHERE child_id = :child)
                RETURNING key_id
                """).param("child", childId).query(String.class).list();
        destroyed.forEach(cache::remove);
        Map<String, SecretKey> inTransaction = inTransaction();
        if (inTransaction != null) {
            destroyed.forEach(inTransaction::remove);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    destroyed.forEach(cache::remove);
                }
            });
        }
        return destroyed;
    }

    /** Whether the child's key is destroyed. */
    public boolean destroyed(String childId) {
        return jdbc.sql("SELECT destroyed_at IS NOT NULL FROM data_key WHERE key_id = :id").param("id", childId)
                .query(Boolean.class).optional().orElse(false);
    }

    private Optional<SecretKey> stored(String keyId) {
        return jdbc.sql("SELECT wrapped FROM data_key WHERE key_id = :id").param("id", keyId)
                .query((rs, i) -> Optional.ofNullable(rs.getBytes(1))).optional().flatMap(w -> w)
                .map(wrapped -> wrapping.unwrap(keyId, wrapped));
    }

    /** A key this node holds: cached and fresh, or already read or made in the current transaction. */
    private SecretKey known(String keyId) {
        Cached cached = cache.get(keyId);
        if (cached != null && cached.fresh()) {
            return cached.key();
        }
        Map<String, SecretKey> inTransaction = inTransaction();
        return inTransaction == null ? null : inTransaction.get(keyId);
    }

    /**
     * Keys read or made in the current transaction, which a bulk append of thousands of events uses again and again;
     * they join the cache when it commits, and are forgotten when it rolls back.
     */
    private Map<String, SecretKey> inTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, SecretKey> keys = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (keys == null) {
            Map<String, SecretKey> made = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    long now = System.nanoTime();
                    made.forEach((id, key) -> cache(id, new Cached(key, now)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            keys = made;
        }
        return keys;
    }

    private void cacheOnCommit(String keyId, SecretKey key) {
        Map<String, SecretKey> inTransaction = inTransaction();
        if (inTransaction != null) {
            inTransaction.put(keyId, key);
        } else {
            cache(keyId, new Cached(key, System.nanoTime()));
        }
    }

    private void cache(String keyId, Cached entry) {
        if (cache.size() >= MOST_CACHED) {
            cache.clear();
        }
        cache.put(keyId, entry);
    }

    private record Cached(SecretKey key, long loadedAt) {
        boolean fresh() {
            return System.nanoTime() - loadedAt < CACHED_FOR.toNanos();
        }
    }

    /** An attempt to write personal content about a record that has been destroyed. */
    public static final class RecordDestroyed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RecordDestroyed() {
            super("The record has been destroyed; nothing more is recorded about it");
        }
    }
}
