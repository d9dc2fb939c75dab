package org.oversight.query.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.events.subjectaccess.Whose;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.history.PlainWords;
import org.oversight.query.history.RecordedEvent;

/** A copy withholds other people's information until the person preparing it releases it. */
class SubjectAccessCopyTest {

    private static final String CHILD = "c-1";
    private static final String FATHER = "Sam Jones (father)";

    private final Staff staff = new Staff();
    private final PlainWords words = new PlainWords(staff, new DefaultEscalationPolicy());
    private final WhoseInformation whose = new WhoseInformation(staff);

    private final List<RecordedEvent> events = new ArrayList<>();

    private void stored(String stream, Object event) {
        events.add(new RecordedEvent(stream, events.size(), events.size() + 1, "e-" + events.size(),
                event.getClass().getName(), event, "iro.ahmed", "Aisha Ahmed", Instant.parse("2026-03-04T10:00:00Z"),
                "corr"));
    }

    private SubjectAccessCopy copy(Map<String, ReviewedItem> decisions) {
        stored(CHILD, new ChildRegistered(CHILD, "DEMO-N", "N1", "Robin", "Jones", LocalDate.of(2015, 2, 2), null,
                LocalDate.of(2026, 1, 5)));
        stored("protection-" + CHILD, new InitialConferenceHeld(CHILD, "conf-1", ConferenceType.INITIAL,
                LocalDate.of(2026, 1, 20), "enq-1", List.of("Police", "Health"), true, ConferenceOutcome.PLAN,
                new ChildsView(true, ViewsConveyed.values()[0]), "chair.brown", "Ben Brown", List.of("c-2")));
        stored("care-" + CHILD, new CarePlanActionAgreed(CHILD, "a-1", "r-1", "Arrange contact", FATHER,
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1)));
        stored(CHILD, new SubjectAccessRequested(CHILD, "req-1", "Alex Jones", RequesterRelationship.PARENT,
                LocalDate.of(2026, 3, 2)));
        RequestView request = RequestView.of(events, new WorkingDayCalendar(List.of(), 2026)).get(0);
        return SubjectAccessCopy.of(CHILD, events, request, true, events.size(), decisions, words, whose);
    }

    private static String text(SubjectAccessCopy copy) {
        return String.join("\n", copy.facts().stream().flatMap(f -> f.lines().stream()).toList());
    }

    @Test
    void aNamedThirdPartyIsWithheldByDefault() {
        SubjectAccessCopy copy = copy(Map.of());

        assertThat(text(copy)).doesNotContain(FATHER).doesNotContain("Arrange contact")
                .contains("owned by [withheld]");
        assertThat(copy.items()).filteredOn(item -> item.value().equals(FATHER)).singleElement()
                .satisfies(item -> {
                    assertThat(item.whose()).isEqualTo(Whose.NAMED_PERSON);
                    assertThat(item.released()).isFalse();
                    assertThat(item.reviewed()).isFalse();
                });
    }

    @Test
    void aNamedThirdPartyReleasedOnReviewIsInTheCopy() {
        String key = SubjectAccessCopy.key(Whose.NAMED_PERSON, FATHER);

        SubjectAccessCopy copy = copy(Map.of(key, new ReviewedItem(key, Whose.NAMED_PERSON, true, "Consented")));

        assertThat(text(copy)).contains("owned by " + FATHER);
    }

    @Test
    void eachFactSaysWhoseInformationItHolds() {
        SubjectAccessCopy copy = copy(Map.of());

        assertThat(copy.facts()).filteredOn(f -> f.lines().get(0).startsWith("Care plan action")).singleElement()
                .satisfies(f -> assertThat(f.whose()).contains(Whose.CHILD, Whose.NAMED_PERSON,
                        Whose.WRITTEN_WORDS, Whose.PROFESSIONAL));
        assertThat(copy.facts()).filteredOn(f -> f.lines().get(0).startsWith("Registered")).singleElement()
                .satisfies(f -> assertThat(f.whose()).contains(Whose.CHILD));
    }

    @Test
    void anotherChildOfTheSameConferenceIsWithheldAndAProfessionalIsNot() {
        String text = text(copy(Map.of()));

        assertThat(text).doesNotContain("Decided together with").contains("[Withheld: another child]")
                .contains("chaired by Ben Brown");
    }

    @Test
    void theRequestersOwnNameIsTheirsAndGoesBackToThem() {
        SubjectAccessCopy copy = copy(Map.of());

        assertThat(text(copy)).contains("from Alex Jones");
        assertThat(copy.items()).filteredOn(item -> item.value().equals("Alex Jones")).singleElement()
                .satisfies(item -> assertThat(item.whose()).isEqualTo(Whose.REQUESTER));
    }

    @Test
    void aCopyHoldsTheHistoryOnlyUpToItsPosition() {
        copy(Map.of());
        RequestView request = RequestView.of(events, new WorkingDayCalendar(List.of(), 2026)).get(0);

        SubjectAccessCopy early = SubjectAccessCopy.of(CHILD, events, request, true, 2, Map.of(), words, whose);

        assertThat(early.facts()).hasSize(2);
    }
}
