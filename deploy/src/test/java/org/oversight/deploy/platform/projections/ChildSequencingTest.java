package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.oversight.command.lookedafter.LookedAfterIds;
import org.oversight.command.policy.PolicyIds;
import org.oversight.command.protection.ProtectionIds;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every event about a child is in the child's one sequence, whichever of the child's streams it was recorded in,
 * so that a projection applies a child's events in order and holds the later ones behind one set aside. Checked for
 * every event record in shared-events, with the streams named as the command side names them.
 */
class ChildSequencingTest {

    private static final String CHILD = "5f0c8a5e-2d7e-3c1b-9a4e-0b8f3e1d2c6a";
    private static final ChildSequencing SEQUENCING = new ChildSequencing();

    /** How the command side names each package's streams, from the child's id. */
    private static final Map<String, UnaryOperator<String>> CHILD_STREAMS = Map.of(
            "org.oversight.events.childcase", childId -> childId,
            "org.oversight.events.protection", ProtectionIds::protectionOf,
            "org.oversight.events.lookedafter", LookedAfterIds::journeyOf);

    /** Records in those packages that are parts of events, not events. */
    private static final Set<Class<?>> VALUE_RECORDS = Set.of(ChildsView.class);

    @Test
    void everyChildEventInSharedEventsIsInTheChildsSequence() throws Exception {
        List<Class<?>> checked = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<String>> streams : CHILD_STREAMS.entrySet()) {
            for (Class<?> type : recordsIn(streams.getKey())) {
                if (partOfAnEvent(type)) {
                    continue;
                }
                Object event = instanceOf(type);
                assertThat(type.getMethod("childId").invoke(event)).as(type.getSimpleName()).isEqualTo(CHILD);
                String stream = streams.getValue().apply(CHILD);
                assertThat(SEQUENCING.getSequenceIdentifierFor(
                        new GenericDomainEventMessage<>(type.getSimpleName(), stream, 3, event)))
                        .as(type.getSimpleName() + " in " + stream).isEqualTo(CHILD);
                checked.add(type);
            }
        }
        assertThat(checked).as("events checked").hasSizeGreaterThanOrEqualTo(29)
                .contains(BirthRecorded.class, Section47EnquiryStarted.class, PeriodOfCareEnded.class);
    }

    @Test
    void everyRecordInTheChildPackagesNamesItsChildUnlessItIsPartOfAnEvent() throws Exception {
        for (String pkg : CHILD_STREAMS.keySet()) {
            for (Class<?> type : recordsIn(pkg)) {
                boolean namesChild = Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("childId") && c.getType() == String.class);
                assertThat(namesChild || partOfAnEvent(type))
                        .as(type.getSimpleName() + " names its child, or is a known part of an event").isTrue();
            }
        }
    }

    /** A known value record, or a record declared inside an event (an attendee of a conference, say). */
    private static boolean partOfAnEvent(Class<?> type) {
        return VALUE_RECORDS.contains(type) || type.isMemberClass() && type.getEnclosingClass().isRecord();
    }

    @Test
    void twoChildrenAreTwoSequences() {
        String other = "0a1b2c3d-4e5f-3a6b-8c7d-9e0f1a2b3c4d";
        Object first = SEQUENCING.getSequenceIdentifierFor(new GenericDomainEventMessage<>("ChildProtection",
                ProtectionIds.protectionOf(CHILD), 0, new Section47EnquiryStarted(CHILD, "e1", LocalDate.now())));
        Object second = SEQUENCING.getSequenceIdentifierFor(new GenericDomainEventMessage<>("ChildProtection",
                ProtectionIds.protectionOf(other), 0, new Section47EnquiryStarted(other, "e2", LocalDate.now())));
        assertThat(first).isEqualTo(CHILD).isNotEqualTo(second);
    }

    @Test
    void anEscalationIsASequenceOfItsOwnFromItsRaiseToItsLastStep() throws Exception {
        String escalation = "escalation-7d9c2f4e-1b3a-4c5d-8e6f-0a1b2c3d4e5f";
        Object raised = SEQUENCING.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Escalation", escalation, 0,
                instanceOf(EscalationRaised.class)));
        Object moved = SEQUENCING.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Escalation", escalation, 1,
                instanceOf(EscalationMovedUp.class)));
        assertThat(raised).isEqualTo(escalation).isEqualTo(moved);
    }

    @Test
    void anAuthoritysSettingsAreASequenceOfTheirOwn() throws Exception {
        String policy = PolicyIds.policyId("DEMO-N");
        assertThat(SEQUENCING.getSequenceIdentifierFor(new GenericDomainEventMessage<>("LocalAuthorityPolicy", policy,
                0, instanceOf(PolicySettingsChanged.class)))).isEqualTo(policy);
    }

    @Test
    void anEventOfNoStreamIsASequenceOfItsOwn() {
        GenericEventMessage<String> loose = new GenericEventMessage<>("not in a stream");
        assertThat(SEQUENCING.getSequenceIdentifierFor(loose)).isEqualTo(loose.getIdentifier());
    }

    private static List<Class<?>> recordsIn(String pkg) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) ->
                "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName())
                        && reader.getClassMetadata().getClassName().startsWith(pkg + "."));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(pkg.replace('.', '/'))) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getPackageName().equals(pkg)) {
                records.add(type);
            }
        }
        return records;
    }

    /** An instance with plain values: the child's id for {@code childId}, nothing much for the rest. */
    private static Object instanceOf(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = valueFor(components[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object valueFor(RecordComponent component) {
        Class<?> type = component.getType();
        if (component.getName().equals("childId")) {
            return CHILD;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 5);
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}
