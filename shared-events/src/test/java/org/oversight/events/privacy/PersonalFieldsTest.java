package org.oversight.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.privacy.PersonalFields.Classification;
import org.oversight.events.privacy.PersonalFields.Kind;
import org.oversight.events.revisions.EventRevisions;

/** Every field of every event is classified, once, and each personal field's kind matches how it is written. */
class PersonalFieldsTest {

    @Test
    void everyEventIsClassified() {
        assertThat(PersonalFields.all().keySet()).containsExactlyInAnyOrderElementsOf(EventRevisions.all().keySet());
    }

    @Test
    void everyFieldOfEveryEventIsEitherPersonalOrNotAndNeverBoth() {
        for (Class<?> event : EventRevisions.all().keySet()) {
            Classification classification = PersonalFields.of(event).orElseThrow();
            Set<String> fields = new HashSet<>();
            Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
            Set<String> classified = new HashSet<>(classification.personal().keySet());
            classified.addAll(classification.notPersonal());
            assertThat(classified).as("the fields of %s classified in PersonalFields", event.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(fields);
            assertThat(classification.personal().keySet()).as("%s: a field is personal or not, never both",
                    event.getSimpleName()).doesNotContainAnyElementsOf(classification.notPersonal());
        }
    }

    @Test
    void theKeyOfAnEventWithPersonalContentIsOneOfItsOwnFieldsThatIsNotPersonal() {
        PersonalFields.all().values().stream().filter(Classification::hasPersonalContent).forEach(c ->
                assertThat(c.notPersonal()).as("whose key encrypts %s", c.event().getSimpleName())
                        .contains(c.keyField()));
    }

    @Test
    void eachPersonalFieldIsWrittenAsItsKindSays() {
        for (Classification classification : PersonalFields.all().values()) {
            for (RecordComponent component : classification.event().getRecordComponents()) {
                Kind kind = classification.personal().get(component.getName());
                if (kind != null) {
                    Class<?> expected = switch (kind) {
                        case TEXT -> String.class;
                        case DATE -> LocalDate.class;
                        case TEXT_LIST, RECORD_LIST -> List.class;
                    };
                    assertThat(component.getType()).as("%s.%s", classification.event().getSimpleName(),
                            component.getName()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aChildsNamesDateOfBirthAndIdentifierArePersonal() {
        assertThat(PersonalFields.of(ChildRegistered.class).orElseThrow().personal()).containsKeys(
                "givenName", "familyName", "dateOfBirth", "expectedDateOfDelivery", "localIdentifier");
        assertThat(PersonalFields.of(ChildRegistered.class.getName())).isPresent();
    }
}
