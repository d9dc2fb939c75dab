package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.oversight.deploy.platform.personal.OpenPersonalContent;
import org.oversight.deploy.platform.personal.PersonalContent;

/**
 * Every step that carries a stored event's JSON from an older revision to a newer one ({@link JsonUpcaster}s), in
 * order. One chain serves every reader of stored events: the event store (so the aggregates and every projection
 * processor) and the auditor's history. A change of shape raises the event's revision in {@code EventRevisions}
 * and adds its step here, with a test that reads the old stored JSON through it.
 */
public final class StoredEventUpcasters {

    private StoredEventUpcasters() {
    }

    /** The steps, oldest first. */
    public static List<EventUpcaster> steps() {
        return List.of(new EarlyReviewTimescaleAdded(), new HealthAndEducationTimescalesAdded(),
                new PrivateConversationAdded(), new ConferenceTimescalesAdded(), new CarerChangeAdded());
    }

    /** The chain of every step, on rows with no personal content to open. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(steps());
    }

    /**
     * The chain as the event store and every other reader of stored rows run it: the personal content opened
     * first, in the revision the row was stored in, so that every step after it reshapes plain JSON.
     */
    public static EventUpcasterChain chain(PersonalContent content) {
        List<EventUpcaster> all = new ArrayList<>();
        all.add(new OpenPersonalContent(content));
        all.addAll(steps());
        return new EventUpcasterChain(all);
    }
}
