package org.oversight.deploy.access;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.oversight.events.access.ChildFacts;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.EscalationRaised;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the access rules need to know of a child, read from the child's own case in the event store: the one
 * source both the command and the query services share, and as current as the last recorded decision (a
 * projection could lag behind a re-allocation, or a restriction), give or take the second a request may reuse it.
 *
 * <p>What a child's case says is kept between requests with the sequence number it was read up to, and used again
 * only while that is still the case's last: each request asks the store for that number (one read of the stream's
 * index) instead of reading, decrypting and deserializing the case again, usually twice a request (the address,
 * then the command). Any decision on the case, recorded by this service or another, an import or the record's
 * destruction, moves the number, and the case is read again. Nothing kept is personal: an authority, staff
 * usernames, whether the record is restricted. The chairs' teams are asked for on each request, since a chair can
 * change team without any decision on the child.
 *
 * <p>Within one request a child's facts are worked out once and used again for a second
 * ({@code oversight.access.child-facts-reused-for}, at most {@link #MOST_REUSED_FOR}): the address's check and the
 * command's check of the same child, milliseconds apart, see the same facts. Older than that (a body sent slowly
 * between the two checks) they are worked out again, so that a restriction, re-allocation or transfer recorded
 * meanwhile is not missed for longer. A decision published in the request (the request's own command) forgets
 * them, so that anything asked after it reads the case again.
 */
@Component
public class RecordedChildren {

    /** Ids the service hands out: UUIDs and prefixed UUIDs; anything else cannot name a record. */
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Beyond this many children the kept cases start again. */
    static final int MOST_KEPT = 20_000;

    /** The longest a request may use a child's facts again: beyond it the window a check could miss grows. */
    static final Duration MOST_REUSED_FOR = Duration.ofMinutes(1);

    /** The request attribute holding the facts worked out in this request, by child id. */
    private static final String ANSWERED = RecordedChildren.class.getName() + ".answered";

    private final EventStore events;
    private final People people;
    private final Map<String, RecordedCase> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long reusedForMillis;

    public RecordedChildren(EventStore events, People people, Clock clock,
            @Value("${oversight.access.child-facts-reused-for:PT1S}") Duration reusedFor) {
        if (reusedFor.isNegative() || reusedFor.compareTo(MOST_REUSED_FOR) > 0) {
            throw new IllegalArgumentException("oversight.access.child-facts-reused-for must be from 0 to "
                    + MOST_REUSED_FOR);
        }
        this.events = events;
        this.people = people;
        this.clock = clock;
        this.reusedForMillis = reusedFor.toMillis();
        events.registerDispatchInterceptor(published -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.removeAttribute(ANSWERED, RequestAttributes.SCOPE_REQUEST);
            }
            return (index, event) -> event;
        });
    }

    /** The child's facts, or empty when no child is registered under the id. */
    public Optional<ChildFacts> child(String childId) {
        if (!plausible(childId)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return facts(childId);
        }
        @SuppressWarnings("unchecked")
        Map<String, Answer> answered = request.getAttribute(ANSWERED, RequestAttributes.SCOPE_REQUEST)
                instanceof Map<?, ?> kept ? (Map<String, Answer>) kept : null;
        if (answered == null) {
            answered = new HashMap<>();
            request.setAttribute(ANSWERED, answered, RequestAttributes.SCOPE_REQUEST);
        }
        long now = clock.millis();
        Answer known = answered.get(childId);
        if (known == null || now - known.workedOutAt() > reusedForMillis) {
            known = new Answer(facts(childId), now);
            answered.put(childId, known);
        }
        return known.facts();
    }

    /** A child's facts as worked out in a request, and when (the clock's milliseconds). */
    private record Answer(Optional<ChildFacts> facts, long workedOutAt) {
    }

    private Optional<ChildFacts> facts(String childId) {
        RecordedCase recorded = kept.get(childId);
        if (recorded == null || !events.lastSequenceNumberFor(childId).equals(Optional.of(recorded.readUpTo()))) {
            recorded = read(childId).orElse(null);
            if (recorded == null) {
                kept.remove(childId);
                return Optional.empty();
            }
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            kept.put(childId, recorded);
        }
        return Optional.of(new ChildFacts(childId, recorded.localAuthority(), recorded.chairs(),
                people.teamsOf(recorded.chairs(), recorded.localAuthority()), recorded.restrictedTo() != null,
                recorded.restrictedTo() == null ? Set.of() : recorded.restrictedTo()));
    }

    private Optional<RecordedCase> read(String childId) {
        String localAuthority = null;
        Map<Object, String> chairByRole = new HashMap<>();
        Set<String> restrictedTo = null;
        long readUpTo = -1;
        DomainEventStream stream = events.readEvents(childId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            readUpTo = event.getSequenceNumber();
            Object payload = event.getPayload();
            if (payload instanceof ChildRegistered registered) {
                localAuthority = registered.localAuthority();
            } else if (payload instanceof ChairAllocated allocated) {
                chairByRole.put(allocated.role(), allocated.chairId());
            } else if (payload instanceof ChildTransferred transferred) {
                localAuthority = transferred.toLocalAuthority();
                chairByRole.clear();
            } else if (payload instanceof ChildRecordRestricted restricted) {
                restrictedTo = new LinkedHashSet<>(restricted.namedPeople());
            } else if (payload instanceof ChildRecordRestrictionLifted) {
                restrictedTo = null;
            }
        }
        if (localAuthority == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordedCase(readUpTo, localAuthority, Set.copyOf(chairByRole.values()),
                restrictedTo == null ? null : Set.copyOf(restrictedTo)));
    }

    /** What a child's case says, as read up to the event {@code readUpTo}; {@code restrictedTo} null if open. */
    private record RecordedCase(long readUpTo, String localAuthority, Set<String> chairs, Set<String> restrictedTo) {
    }

    /** The children an escalation is about, or none when there is no such escalation. */
    public List<String> childrenOfEscalation(String escalationId) {
        if (!plausible(escalationId)) {
            return List.of();
        }
        DomainEventStream stream = events.readEvents(escalationId);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof EscalationRaised raised) {
                return raised.childIds();
            }
        }
        return List.of();
    }

    private static boolean plausible(String id) {
        return id != null && PLAUSIBLE_ID.matcher(id).matches();
    }
}
