package org.oversight.query.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.subjectaccess.Whose;
import org.oversight.query.history.PlainWords;

/**
 * Every event type is classified by whose information it holds. Plain words cover every event type of the
 * published language (their own test scans the events packages), so a type with words but no classification
 * fails here: no event reaches a copy without someone having decided whose it is.
 */
class WhoseInformationTest {

    private final Staff staff = new Staff();
    private final WhoseInformation whose = new WhoseInformation(staff);

    @Test
    void everyEventTypeWithPlainWordsIsClassified() {
        PlainWords words = new PlainWords(staff, new DefaultEscalationPolicy());
        assertThat(whose.classifiedTypes()).containsExactlyInAnyOrderElementsOf(words.describedTypes());
    }

    @Test
    void anUnclassifiedTypeIsRefusedRatherThanReleased() {
        assertThatThrownBy(() -> whose.of("not an event")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActionsOwnerIsANamedPersonAndItsWordsAreToBeRead() {
        List<Mention> mentions = whose.of(new CarePlanActionAgreed("c", "a", "r", "Weekly contact with dad",
                "Sam Jones (father)", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1)));
        assertThat(mentions).extracting(Mention::whose, Mention::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Whose.WRITTEN_WORDS, "Weekly contact with dad"),
                org.assertj.core.groups.Tuple.tuple(Whose.NAMED_PERSON, "Sam Jones (father)"));
    }

    @Test
    void aPlanStartedHoldsOnlyTheChildsOwnInformation() {
        assertThat(whose.of(new ChildProtectionPlanStarted("c", "p", LocalDate.of(2026, 3, 1), "conf",
                CategoryOfAbuse.NEG, 0))).isEmpty();
    }
}
