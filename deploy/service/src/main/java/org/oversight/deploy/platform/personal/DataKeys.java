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
        Cached cached = cache.get(keyId);
        if (cached != null && cached.fresh() && children.isEmpty()) {
            return cached.key();
        }
        SecretKey made = KeyEncryptionKey.newDataKey();
        jdbc.sql("INSERT INTO data_key (key_id, wrapped) VALUES (:id, :wrapped) ON CONFLICT (key_id) DO NOTHING")
                .param("id", keyId).param("wrapped", wrapping.wrap(keyId, made)).update();
        for (String child : children) {
            jdbc.sql("""
                    INSERT INTO data_key_child (child_id, key_id) VALUES (:child, :id)
                    ON CONFLICT (child_id, key_id) DO NOTHING
                    """).param("child", child).param("id", keyId).update();
        }
        SecretKey key = stored(keyId).orElseThrow(RecordDestroyed::new);
        cacheOnCommit(keyId, key);
        return key;
    }

    /** The key to read with; empty once it is destroyed (or for a subject that never had one). */
    public Optional<SecretKey> forReading(String keyId) {
        Cached cached = cache.get(keyId);
        if (cached != null && cached.fresh()) {
            return Optional.of(cached.key());
        }
        Optional<SecretKey> key = stored(keyId);
        key.ifPresentOrElse(k -> cacheOnCommit(keyId, k), () -> cache.remove(keyId));
        return key;
    }

    /**
     * Destroys the child's key and the key of everything else about the child (its escalations), in the caller's
     * transaction.
     *
     * @return the subjects whose keys were destroyed: the child's own id and its escalations' ids
     */
    public List<String> destroy(String childId) {
        jdbc.sql("INSERT INTO data_key (key_id, wrapped) VALUES (:id, NULL) ON CONFLICT (key_id) DO NOTHING")
                .param("id", childId).update();
        List<String> destroyed = jdbc.sql("""
                UPDATE data_key SET wrapped = NULL, destroyed_at = COALESCE(destroyed_at, now())
                 WHERE key_id = :child
                    OR key_id IN (SELECT key_id FROM data_key_child WHERE child_id = :child)
                RETURNING key_id
                """).param("child", childId).query(String.class).list();
        destroyed.forEach(cache::remove);
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

    private void cacheOnCommit(String keyId, SecretKey key) {
        Cached entry = new Cached(key, System.nanoTime());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.put(keyId, entry);
                }
            });
        } else {
            cache.put(keyId, entry);
        }
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
