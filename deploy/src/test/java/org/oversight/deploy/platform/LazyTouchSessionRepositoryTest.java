package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.LazyTouchSessionRepository.TrackedSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** When a session goes back to the store: on any change, and on use only once the touch interval has passed. */
class LazyTouchSessionRepositoryTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-11-23T09:00:00Z");

    private final CountingStore store = new CountingStore();
    private final LazyTouchSessionRepository sessions = new LazyTouchSessionRepository(store, Duration.ofMinutes(1));

    @Test
    void aNewSessionIsWritten() {
        TrackedSession session = sessions.createSession();
        sessions.save(session);
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.findById(session.getId())).isNotNull();
    }

    @Test
    void useWithinTheTouchIntervalIsNotWrittenAndUseAfterItIs() {
        String id = stored();

        used(id, SIGNED_IN.plusSeconds(59));
        assertThat(store.writes).isZero();
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(SIGNED_IN);

        used(id, SIGNED_IN.plusSeconds(60));
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(SIGNED_IN.plusSeconds(60));

        used(id, SIGNED_IN.plusSeconds(90));
        assertThat(store.writes).isEqualTo(1);
    }

    @Test
    void anyChangeIsWrittenAtOnce() {
        String id = stored();

        TrackedSession set = sessions.findById(id);
        set.setLastAccessedTime(SIGNED_IN.plusSeconds(1));
        set.setAttribute("token", "abc");
        sessions.save(set);
        assertThat(store.writes).isEqualTo(1);
        assertThat((String) store.findById(id).getAttribute("token")).isEqualTo("abc");

        TrackedSession removed = sessions.findById(id);
        removed.removeAttribute("token");
        sessions.save(removed);
        assertThat(store.writes).isEqualTo(2);

        TrackedSession timeout = sessions.findById(id);
        timeout.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(timeout);
        assertThat(store.writes).isEqualTo(3);

        TrackedSession renamed = sessions.findById(id);
        String newId = renamed.changeSessionId();
        sessions.save(renamed);
        assertThat(store.writes).isEqualTo(4);
        assertThat(store.findById(newId)).isNotNull();
    }

    @Test
    void aSessionSavedTwiceInOneRequestIsWrittenOnce() {
        String id = stored();
        TrackedSession session = sessions.findById(id);
        session.setAttribute("token", "abc");
        sessions.save(session);
        sessions.save(session);
        assertThat(store.writes).isEqualTo(1);
    }

    @Test
    void withinOneRequestTheSessionIsReadOnceAndOutsideOnEveryAsk() throws Exception {
        String id = stored();
        TrackedSession[] seen = new TrackedSession[2];

        sessions.withinRequest(() -> {
            seen[0] = sessions.findById(id);
            sessions.save(seen[0]);
            seen[1] = sessions.findById(id);
        });
        assertThat(store.reads).isEqualTo(1);
        assertThat(seen[1]).isSameAs(seen[0]);

        sessions.findById(id);
        sessions.findById(id);
        assertThat(store.reads).isEqualTo(3);

        sessions.withinRequest(() -> sessions.findById(id));
        assertThat(store.reads).as("the next request reads the store again").isEqualTo(4);
    }

    @Test
    void aSessionDeletedWithinTheRequestIsNotFoundAgain() throws Exception {
        String id = stored();

        sessions.withinRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void aSessionMissingFromTheStoreIsAskedForAgain() throws Exception {
        sessions.withinRequest(() -> {
            assertThat(sessions.findById("unknown")).isNull();
            assertThat(sessions.findById("unknown")).isNull();
        });
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void deletingGoesStraightToTheStore() {
        String id = stored();
        sessions.deleteById(id);
        assertThat(sessions.findById(id)).isNull();
    }

    private String stored() {
        MapSession session = new MapSession();
        session.setLastAccessedTime(SIGNED_IN);
        store.sessions.put(session.getId(), new MapSession(session));
        return session.getId();
    }

    private void used(String id, Instant at) {
        TrackedSession session = sessions.findById(id);
        session.setLastAccessedTime(at);
        sessions.save(session);
    }

    /** An in-memory store that hands out copies, as a database does, and counts the reads and writes it receives. */
    private static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> sessions = new HashMap<>();
        int writes;
        int reads;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            writes++;
            if (!session.getId().equals(session.getOriginalId())) {
                sessions.remove(session.getOriginalId());
            }
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession stored = sessions.get(id);
            return stored == null ? null : new MapSession(stored);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
