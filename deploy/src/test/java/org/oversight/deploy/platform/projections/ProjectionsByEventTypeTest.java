package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

/**
 * The processor's projections asked only where one has a handler for the event's kind answer exactly as Axon's own
 * composite of them does: for every event, segment and replay, the same yes or no, and the same handlers applied
 * in the same order. The projections cover what can make the answer differ by more than the event's kind: a
 * handler that needs a metadata value the event may lack, one that takes every kind of event (given a metadata
 * value), one that takes a supertype, and one that sits out replays (the only one for reminders).
 */
class ProjectionsByEventTypeTest {

    interface AboutAChild {
    }

    record Registered(String childId) implements AboutAChild {
    }

    record PlanStarted(String childId) implements AboutAChild {
    }

    record SettingsChanged(String authority) {
    }

    record NobodyHandlesThis(int n) {
    }

    record ReminderDue(String childId) {
    }

    private final List<String> applied = new ArrayList<>();

    class Caseload {
        @EventHandler
        void on(Registered event) {
            applied.add("caseload registered " + event.childId());
        }

        @EventHandler
        void on(PlanStarted event) {
            applied.add("caseload plan " + event.childId());
        }
    }

    class Report {
        @EventHandler
        void on(PlanStarted event, @MetaDataValue(value = "chair", required = true) String chair) {
            applied.add("report plan " + event.childId() + " by " + chair);
        }
    }

    class Audit {
        @EventHandler
        void on(Object event, @MetaDataValue(value = "audited", required = true) String audited) {
            applied.add("audit " + event);
        }
    }

    class Children {
        @EventHandler
        void on(AboutAChild event) {
            applied.add("children " + event);
        }
    }

    @AllowReplay(false)
    class Notifications {
        @EventHandler
        void on(Registered event) {
            applied.add("notifications " + event.childId());
        }

        @EventHandler
        void on(ReminderDue event) {
            applied.add("notifications reminder " + event.childId());
        }
    }

    class Policy {
        @EventHandler
        void on(SettingsChanged event) {
            applied.add("policy " + event.authority());
        }
    }

    private MultiEventHandlerInvoker projections() {
        return new MultiEventHandlerInvoker(List.of(
                invoker(new Caseload()), invoker(new Report()), invoker(new Policy()), invoker(new Children()),
                invoker(new Notifications()), invoker(new Audit())));
    }

    private static EventHandlerInvoker invoker(Object projection) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(projection)
                .sequencingPolicy(SequentialPerAggregatePolicy.instance()).build();
    }

    private static List<EventMessage<?>> events() {
        List<EventMessage<?>> events = new ArrayList<>();
        List<Object> payloads = List.of(new Registered("c1"), new PlanStarted("c2"), new SettingsChanged("la-1"),
                new ReminderDue("c3"), new NobodyHandlesThis(4));
        long sequence = 0;
        for (Object payload : payloads) {
            for (String stream : List.of("child-1", "child-2", "child-3", "authority-9", "child-17")) {
                for (Map<String, ?> metaData : List.of(Map.<String, Object>of(), Map.of("chair", "iro-4"),
                        Map.of("audited", "yes"))) {
                    GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(
                            payload.getClass().getSimpleName(), stream, sequence++, payload, metaData);
                    events.add(event);
                    events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(sequence),
                            event));
                    events.add(new GenericTrackedDomainEventMessage<>(ReplayToken.createReplayToken(
                            new GlobalSequenceTrackingToken(1_000), new GlobalSequenceTrackingToken(sequence)),
                            event));
                }
            }
        }
        return events;
    }

    private static List<Segment> segments() {
        List<Segment> segments = new ArrayList<>(Segment.splitBalanced(Segment.ROOT_SEGMENT, 3));
        segments.add(Segment.ROOT_SEGMENT);
        return segments;
    }

    @Test
    void answersWhetherAnEventIsHandledAsAxonsCompositeDoes() {
        MultiEventHandlerInvoker all = projections();
        ProjectionsByEventType byType = new ProjectionsByEventType(all);
        int handled = 0;
        int notHandled = 0;
        for (EventMessage<?> event : events()) {
            for (Segment segment : segments()) {
                boolean expected = all.canHandle(event, segment);
                assertThat(byType.canHandle(event, segment)).as("%s in %s", event, segment).isEqualTo(expected);
                if (expected) {
                    handled++;
                } else {
                    notHandled++;
                }
            }
        }
        assertThat(handled).as("events some projection handles").isPositive();
        assertThat(notHandled).as("events in no projection's segment or kind").isPositive();
        for (Class<?> type : List.of(Registered.class, PlanStarted.class, SettingsChanged.class,
                ReminderDue.class, NobodyHandlesThis.class, AboutAChild.class, Object.class, String.class)) {
            assertThat(byType.canHandleType(type)).as(type.getSimpleName()).isEqualTo(all.canHandleType(type));
        }
    }

    @Test
    void appliesTheSameHandlersInTheSameOrderAsAxonsComposite() throws Exception {
        MultiEventHandlerInvoker all = projections();
        ProjectionsByEventType byType = new ProjectionsByEventType(all);
        for (EventMessage<?> event : events()) {
            for (Segment segment : segments()) {
                applied.clear();
                all.handle(event, segment);
                List<String> expected = List.copyOf(applied);
                applied.clear();
                byType.handle(event, segment);
                assertThat(applied).as("%s in %s", event, segment).isEqualTo(expected);
            }
        }
    }

    class Notes {
        @EventHandler
        void on(Registered event) {
            applied.add("notes registered " + event.childId());
        }
    }

    @Test
    void aReleasedSegmentForgetsWhichChildrenItKnewToHaveNoDeadLetters() throws Exception {
        InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
        EventHandlerInvoker notes = DeadLetteringEventHandlerInvoker.builder().eventHandlers(new Notes())
                .sequencingPolicy(SequentialPerAggregatePolicy.instance()).queue(queue)
                .transactionManager(NoTransactionManager.instance()).enableSequenceIdentifierCache().build();
        ProjectionsByEventType byType = new ProjectionsByEventType(new MultiEventHandlerInvoker(List.of(
                invoker(new Policy()), notes)));
        Segment segment = Segment.ROOT_SEGMENT;

        // this node works the segment while no child has a dead letter
        byType.handle(registered("child-1", 0), segment);
        byType.segmentReleased(segment);
        // another node, holding the segment meanwhile, set one of child-2's events aside
        queue.enqueue("child-2", new GenericDeadLetter<>("child-2", registered("child-2", 0),
                new IllegalStateException("set aside on another node")));
        // back on this node, child-2's next event must queue behind it, not be applied ahead of it
        byType.handle(registered("child-2", 1), segment);

        assertThat(applied).containsExactly("notes registered child-1");
        assertThat(queue.sequenceSize("child-2")).isEqualTo(2);
    }

    private static EventMessage<?> registered(String child, long sequence) {
        return new GenericDomainEventMessage<>("Registered", child, sequence, new Registered(child));
    }

    @Test
    void asksOnlyTheProjectionsWithAHandlerForTheKind() {
        MultiEventHandlerInvoker all = projections();
        List<EventHandlerInvoker> each = all.delegates();
        ProjectionsByEventType byType = new ProjectionsByEventType(all);

        // caseload, report, children (by its supertype) and audit (every kind), in the processor's order
        assertThat(byType.handling(PlanStarted.class))
                .containsExactly(each.get(0), each.get(1), each.get(3), each.get(5));
        assertThat(byType.handling(SettingsChanged.class)).containsExactly(each.get(2), each.get(5));
        assertThat(byType.handling(ReminderDue.class)).containsExactly(each.get(4), each.get(5));
        assertThat(byType.handling(NobodyHandlesThis.class)).containsExactly(each.get(5));
        assertThat(byType.supportsReset()).isEqualTo(all.supportsReset());
    }
}
