package org.oversight.deploy.access;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.stereotype.Component;

/**
 * What the access rules need to know of a child, read from the child's own case in the event store: the one
 * source both the command and the query services share, and always as current as the last recorded decision
 * (a projection could lag behind a re-allocation, or a restriction).
 */
@Component
public class RecordedChildren {

    /** Ids the service hands out: UUIDs and prefixed UUIDs; anything else cannot name a record. */
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final EventStore events;
    private final People people;

    public RecordedChildren(EventStore events, People people) {
        this.events = events;
        this.people = people;
    }

    /** The child's facts, or empty when no child is registered under the id. */
    public Optional<ChildFacts> child(String childId) {
        if (!plausible(childId)) {
            return Optional.empty();
        }
        String localAuthority = null;
        Map<Object, String> chairByRole = new HashMap<>();
        Set<String> restrictedTo = null;
        DomainEventStream stream = events.readEvents(childId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
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
        Set<String> chairs = Set.copyOf(chairByRole.values());
        return Optional.of(new ChildFacts(childId, localAuthority, chairs, people.teamsOf(chairs, localAuthority),
                restrictedTo != null, restrictedTo == null ? Set.of() : restrictedTo));
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
