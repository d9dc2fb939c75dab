package org.oversight.deploy.platform.personal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.oversight.command.protection.ConferenceNarratives;
import org.oversight.query.conferencepapers.KeptNarratives;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The narrative store: the chairs' long narratives, kept in {@code conference_narrative} outside the events,
 * encrypted (AES-GCM) under the child's own data key and bound to their row, so that destroying the key, or the
 * row, leaves every sealed event as it was. Written in the transaction of the command that names it.
 */
@Component
public class NarrativeStore implements ConferenceNarratives, KeptNarratives {

    private final JdbcClient jdbc;
    private final DataKeys keys;

    public NarrativeStore(JdbcClient jdbc, DataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void keep(String childId, String conferenceId, String narrativeId, byte[] narrative) {
        SecretKey key = keys.forWriting(childId, List.of());
        byte[] sealed = KeyEncryptionKey.seal(key, narrative, associated(childId, narrativeId));
        jdbc.sql("""
                INSERT INTO conference_narrative (narrative_id, child_id, conference_id, sealed)
                VALUES (:id, :child, :conference, :sealed)
                ON CONFLICT (narrative_id) DO NOTHING
                """).param("id", narrativeId).param("child", childId).param("conference", conferenceId)
                .param("sealed", sealed).update();
    }

    @Override
    public Optional<byte[]> read(String childId, String narrativeId) {
        Optional<byte[]> sealed = jdbc.sql("""
                SELECT sealed FROM conference_narrative WHERE narrative_id = :id AND child_id = :child
                """).param("id", narrativeId).param("child", childId).query((rs, i) -> rs.getBytes(1)).optional();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        return keys.forReading(childId).map(key -> {
            try {
                return KeyEncryptionKey.open(key, sealed.get(), associated(childId, narrativeId));
            } catch (IllegalStateException altered) {
                throw new KeptNarratives.Unreadable(altered);
            }
        });
    }

    /** Deletes the child's narratives, when the child's record is destroyed (its key goes in the same transaction). */
    public void forget(String childId) {
        jdbc.sql("DELETE FROM conference_narrative WHERE child_id = :child").param("child", childId).update();
    }

    private static byte[] associated(String childId, String narrativeId) {
        return (childId + "\nnarrative\n" + narrativeId).getBytes(StandardCharsets.UTF_8);
    }
}
