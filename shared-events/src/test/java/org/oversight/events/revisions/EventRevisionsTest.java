package org.oversight.events.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oversight.events.escalation.EscalationProtocols;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.retention.LocalRetention;

/**
 * Every event has a revision: an event added without one could not be told apart, decades later, from a
 * reshaped successor. The events are the records of the published language's decision packages; the few records
 * there that are parts of events or settings, never stored on their own, are named here.
 */
class EventRevisionsTest {

    private static final List<String> EVENT_PACKAGES = List.of("childcase", "protection", "lookedafter",
            "escalation", "people", "policy", "subjectaccess", "retention");
    private static final Set<Class<?>> NOT_EVENTS = Set.of(ChildsView.class, PolicySettings.class,
            EscalationProtocols.class, ReviewedItem.class, LocalRetention.class);

    @Test
    void everyEventOfThePublishedLanguageHasARevision() throws Exception {
        List<Class<?>> events = eventRecords();
        assertThat(events).hasSizeGreaterThanOrEqualTo(48);
        assertThat(events).allSatisfy(event -> assertThat(EventRevisions.of(event))
                .as("the revision of %s (add it to EventRevisions)", event.getSimpleName()).isPresent());
        assertThat(EventRevisions.all().keySet()).as("only events have revisions")
                .containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void revisionsAreWholeNumbersFromTheFirst() {
        assertThat(EventRevisions.all().values()).allSatisfy(revision ->
                assertThat(Integer.parseInt(revision)).isGreaterThanOrEqualTo(Integer.parseInt(EventRevisions.FIRST)));
    }

    @Test
    void aRowStoredBeforeRevisionsIsInTheFirstShape() {
        assertThat(EventRevisions.stored(null)).isEqualTo(EventRevisions.FIRST);
        assertThat(EventRevisions.stored("3")).isEqualTo("3");
    }

    private static List<Class<?>> eventRecords() throws IOException, URISyntaxException {
        Path classes = Path.of(EventRevisions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path events = classes.resolve("org/oversight/events");
        try (Stream<Path> files = EVENT_PACKAGES.stream().map(events::resolve).flatMap(EventRevisionsTest::list)) {
            return files.map(file -> "org.oversight.events." + file.getParent().getFileName() + "."
                            + file.getFileName().toString().replace(".class", ""))
                    .filter(name -> !name.contains("$"))
                    .<Class<?>>map(EventRevisionsTest::load)
                    .filter(Class::isRecord)
                    .filter(type -> !NOT_EVENTS.contains(type))
                    .toList();
        }
    }

    private static Stream<Path> list(Path directory) {
        try {
            return Files.list(directory).filter(file -> file.toString().endsWith(".class")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventRevisionsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
