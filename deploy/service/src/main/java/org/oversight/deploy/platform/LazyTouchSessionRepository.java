package org.oversight.deploy.platform;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared session store, writing a session back only when something in it changed or its last use is
 * worth recording. Spring Session marks a session changed on every request, because every request moves its
 * last-access time, so each signed-in request cost a transaction updating the session row (and all of its
 * indexes, the expiry time being one of them) even though nothing the user would notice had changed.
 *
 * <p>Here a session read from the store is written back when an attribute was set or removed, its id changed
 * (sign-in), its timeout changed, or it was last recorded as used at least {@code touchInterval} ago. The
 * stored last-access time therefore lags by less than {@code touchInterval}, so an idle session can expire up
 * to that much sooner than its timeout, never later. The session is still read from the store on every
 * request, so signing out or deleting its row ends it at once on every node.
 *
 * <p>Read once a request, not twice: Spring Session saves a session when the answer is committed and again as the
 * request ends, and the second save asks the store for the session again. Within {@link #withinRequest} a session
 * found is kept for the rest of that request only; a deleted one is forgotten at once.
 */
public final class LazyTouchSessionRepository implements FindByIndexNameSessionRepository<LazyTouchSessionRepository.TrackedSession> {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration touchInterval;
    /** The sessions this thread's current request has found, while it runs; none outside a request. */
    private final ThreadLocal<Map<String, TrackedSession>> foundInRequest = new ThreadLocal<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    public LazyTouchSessionRepository(FindByIndexNameSessionRepository<? extends Session> store, Duration touchInterval) {
        if (touchInterval.isNegative()) {
            throw new IllegalArgumentException("The touch interval cannot be negative");
        }
        // the store accepts back exactly the sessions it handed out, which are all this class ever gives it
        this.store = (FindByIndexNameSessionRepository) store;
        this.touchInterval = touchInterval;
    }

    @Override
    public TrackedSession createSession() {
        return new TrackedSession(store.createSession(), null);
    }

    @Override
    public void save(TrackedSession session) {
        if (session.mustBeWritten(touchInterval)) {
            store.save(session.stored);
            session.written();
        }
    }

    @Override
    public TrackedSession findById(String id) {
        Map<String, TrackedSession> found = foundInRequest.get();
        if (found != null && found.containsKey(id)) {
            return found.get(id);
        }
        Session stored = store.findById(id);
        TrackedSession session = stored == null ? null : new TrackedSession(stored, stored.getLastAccessedTime());
        if (found != null && session != null) {
            found.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, TrackedSession> found = foundInRequest.get();
        if (found != null) {
            found.remove(id);
        }
        store.deleteById(id);
    }

    /** Runs one request, within which a session is read from the store at most once. */
    public void withinRequest(Request request) throws IOException, ServletException {
        if (foundInRequest.get() != null) {
            request.run();
            return;
        }
        foundInRequest.set(new HashMap<>());
        try {
            request.run();
        } finally {
            foundInRequest.remove();
        }
    }

    /** A request's handling, as a filter chain runs it. */
    @FunctionalInterface
    public interface Request {
        void run() throws IOException, ServletException;
    }

    @Override
    public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, TrackedSession> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, stored) -> found.put(id, new TrackedSession(stored, stored.getLastAccessedTime())));
        return found;
    }

    /** A session as the store gave it, noting whether anything worth writing back has happened to it. */
    public static final class TrackedSession implements Session {

        private final Session stored;
        /** The last-access time the store holds, or {@code null} while the session has never been written. */
        private Instant recordedAccess;
        private boolean changed;

        private TrackedSession(Session stored, Instant recordedAccess) {
            this.stored = stored;
            this.recordedAccess = recordedAccess;
        }

        boolean mustBeWritten(Duration touchInterval) {
            return recordedAccess == null || changed
                    || !stored.getLastAccessedTime().isBefore(recordedAccess.plus(touchInterval));
        }

        private void written() {
            recordedAccess = stored.getLastAccessedTime();
            changed = false;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
