package org.oversight.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;

/**
 * Every event type of the published language has plain words: the event classes are found by scanning the events
 * packages, so a type added later without words fails here instead of showing as nothing in a child's history.
 */
class PlainWordsTest {

    private static final String CHILD = "5f0c1b6e-2c55-4c8e-9d63-0b3c4f2a1e01";
    private final PlainWords words = new PlainWords(new Directory(), new DefaultEscalationPolicy());

    /**
     * Records of the published language that are settings both sides read, never stored as events. A record
     * belongs here only by a deliberate decision: anything not listed must have plain words.
     */
    private static final Set<Class<?>> NOT_EVENTS = Set.of(org.oversight.events.escalation.EscalationProtocols.class,
            // how the access rules see a person and a child, worked out when asked and never stored
            org.oversight.events.access.Person.class, org.oversight.events.access.ChildFacts.class,
            // a row of a retention schedule as both sides read it; its changes are events of their own
            org.oversight.events.retention.LocalRetention.class,
            // a chair's narrative, kept in the narrative store and named by an event with its digest
            org.oversight.events.narratives.ConferenceNarrative.class);

    /**
     * The event types: every top-level record in {@code org.oversight.events} that is not itself a field of another
     * record there (those are value objects, such as {@link ChildsView}) nor a published setting
     * ({@link #NOT_EVENTS}).
     */
    static List<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && !definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.oversight.events")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.isRecord() && type.getEnclosingClass() == null) {
                    records.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        Set<Class<?>> values = new HashSet<>();
        for (Class<?> type : records) {
            for (RecordComponent component : type.getRecordComponents()) {
                values.add(component.getType());
                if (component.getGenericType() instanceof ParameterizedType generic) {
                    for (Type argument : generic.getActualTypeArguments()) {
                        if (argument instanceof Class<?> c) {
                            values.add(c);
                        }
                    }
                }
            }
        }
        return records.stream().filter(type -> !values.contains(type) && !NOT_EVENTS.contains(type)).toList();
    }

    @Test
    void theScanFindsTheEventsOfEveryDomain() {
        Set<String> packages = new TreeSet<>();
        eventTypes().forEach(type -> packages.add(type.getPackageName()));
        assertThat(packages).contains("org.oversight.events.childcase", "org.oversight.events.protection",
                "org.oversight.events.lookedafter", "org.oversight.events.escalation", "org.oversight.events.policy",
                "org.oversight.events.people");
        assertThat(eventTypes()).hasSizeGreaterThanOrEqualTo(37).doesNotContain(ChildsView.class,
                org.oversight.events.policy.PolicySettings.class);
    }

    @Test
    void everyEventTypeHasPlainWords() {
        List<String> without = eventTypes().stream().filter(type -> !words.describedTypes().contains(type))
                .map(Class::getName).toList();
        assertThat(without).as("event types without plain words in PlainWords").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeReadsAsASentence() {
        return eventTypes().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Object event = sample(type);
            Description description = words.reading(CHILD).describe(event);
            assertThat(description.headline()).as(type.getSimpleName()).isNotBlank()
                    .doesNotContain("null").doesNotContain("without plain words");
            description.details().forEach(line -> assertThat(line).as(type.getSimpleName()).doesNotContain("null"));
        }));
    }

    @Test
    void aPlanStartedAtAnInitialConferenceReadsAsTheAuditorWouldSayIt() {
        PlainWords.Reading reading = words.reading(CHILD);
        reading.describe(conference());
        RecordedEvent stored = recorded(new ChildProtectionPlanStarted(CHILD, "plan-1", LocalDate.of(2026, 3, 3),
                "conf-1", CategoryOfAbuse.NEG, 0), "2026-03-04T09:12:00Z");

        HistoryEntry entry = HistoryEntry.of(stored, reading.describe(stored), List.of());

        assertThat(entry.sentence()).isEqualTo("Plan started under Neglect at the initial child protection "
                + "conference on 3 March 2026 \u2014 recorded by J. Smith on 4 March 2026 at 09:12");
        assertThat(entry.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(entry.recordedLate()).isTrue();
    }

    @Test
    void aCorrectionIsShownBesideTheConferenceItCorrectsAndMovesItsDate() {
        List<RecordedEvent> events = List.of(
                recorded(conference(), 0, "2026-03-03T15:00:00Z"),
                recorded(new ParticipationCorrected(CHILD, "review-x", ParticipationCode.PN1, ParticipationCode.PN2,
                        "wrong code"), 1, "2026-03-05T10:00:00Z"),
                recorded(new ConferenceDateCorrected(CHILD, "conf-1", LocalDate.of(2026, 3, 3),
                        LocalDate.of(2026, 3, 2), "typed the wrong day"), 2, "2026-03-06T10:00:00Z"));

        ChildHistory history = ChildHistory.of(CHILD, events, words);

        HistoryEntry conference = history.entries().stream().filter(e -> e.type().equals("InitialConferenceHeld"))
                .findFirst().orElseThrow();
        assertThat(conference.corrections()).singleElement().satisfies(c -> {
            assertThat(c.headline()).isEqualTo("Conference date corrected from 3 March 2026 to 2 March 2026");
            assertThat(c.details()).containsExactly("Reason: typed the wrong day");
        });
        assertThat(conference.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(conference.originallyEffectiveOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        // a correction of something not in this history stands on its own rather than vanishing
        assertThat(history.entries()).extracting(HistoryEntry::type)
                .containsExactly("InitialConferenceHeld", "ParticipationCorrected");
        assertThat(history.events()).isEqualTo(3);
    }

    @Test
    void anEventOfATypeThisVersionCannotReadIsStillListed() {
        RecordedEvent unknown = new RecordedEvent(CHILD, 0, 1, "e-1", "org.oversight.events.future.SomethingNew",
                null, "chair.brown", "Ben Brown", Instant.parse("2026-03-04T09:12:00Z"), "c-1");

        ChildHistory history = ChildHistory.of(CHILD, List.of(unknown), words);

        assertThat(history.entries()).singleElement()
                .satisfies(e -> assertThat(e.headline()).contains("cannot read (SomethingNew)"));
    }

    private static InitialConferenceHeld conference() {
        return new InitialConferenceHeld(CHILD, "conf-1", ConferenceType.INITIAL, LocalDate.of(2026, 3, 3), "enq-1",
                List.of("Police", "Health"), true, ConferenceOutcome.PLAN,
                new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF), "chair.brown", "Ben Brown", List.of());
    }

    private static RecordedEvent recorded(Object event, String at) {
        return recorded(event, 0, at);
    }

    private static RecordedEvent recorded(Object event, long index, String at) {
        String stream = "protection-" + CHILD;
        return new RecordedEvent(stream, index, index + 1, "e-" + index, event.getClass().getName(), event,
                "j.smith", "J. Smith", Instant.parse(at), "c-" + index);
    }

    /** A record with every component filled in: text, dates, the first constant of an enum, nested records. */
    static Object sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getGenericType() instanceof ParameterizedType list && types[i] == List.class
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element != String.class
                    ? List.of(value(components[i].getName(), element))
                    : value(components[i].getName(), types[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object value(String name, Class<?> type) throws ReflectiveOperationException {
        if (type == String.class) {
            return name.endsWith("Id") ? name + "-1" : "Some " + name;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 3);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-03-03T10:00:00Z");
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == java.math.BigDecimal.class) {
            return new java.math.BigDecimal("22.5");
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of("TEAM_MANAGER", 5);
        }
        if (type == List.class) {
            return List.of("Some " + name);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new AssertionError("No sample value for a " + type.getName() + " (" + name + "): teach the test one");
    }
}
