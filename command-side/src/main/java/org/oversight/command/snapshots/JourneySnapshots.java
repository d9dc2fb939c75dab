package org.oversight.command.snapshots;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The child's protection and looked-after journeys grow for as long as the child is known: years of conferences,
 * reviews, visits and consultations. Each decision would otherwise replay all of them first. After every
 * {@code oversight.snapshots.every-events} events loaded or applied, the journey is snapshotted once the decision
 * has committed, and the next load starts from the snapshot and reads only the events after it.
 *
 * <p>The child's case and the other aggregates stay small and are not snapshotted.
 */
@Configuration(proxyBeanMethods = false)
public class JourneySnapshots {

    /** The bean the journeys name in their {@code @Aggregate}. */
    public static final String TRIGGER = "journeySnapshotTrigger";

    /** Below this a snapshot would be written nearly as often as a decision. */
    static final int FEWEST_EVENTS = 10;
    /** Above this a long history would be replayed at nearly every decision. */
    static final int MOST_EVENTS = 10_000;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition journeySnapshotTrigger(Snapshotter snapshotter,
            @Value("${oversight.snapshots.every-events:50}") int everyEvents) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, bounded(everyEvents));
    }

    static int bounded(int everyEvents) {
        if (everyEvents < FEWEST_EVENTS || everyEvents > MOST_EVENTS) {
            throw new IllegalStateException("oversight.snapshots.every-events must be between " + FEWEST_EVENTS
                    + " and " + MOST_EVENTS + " events");
        }
        return everyEvents;
    }
}
