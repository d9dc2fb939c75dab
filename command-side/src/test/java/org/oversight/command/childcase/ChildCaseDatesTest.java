package org.oversight.command.childcase;

import static org.oversight.command.childcase.DemoDirectory.IRO;
import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.oversight.command.rules.DateRule;
import org.oversight.command.rules.DecisionDates;
import org.oversight.command.rules.Rule;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;

/**
 * The dates a child's case is registered and allocated with stay within what is plausible: a date of birth
 * under 18 years ago (the leap-day birthday pinned), an expected date of delivery from four weeks ago to 42
 * weeks ahead, an allocation no earlier than the child's life in the service.
 */
class ChildCaseDatesTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final String CHILD = "0c7e9a52-3b1d-4f86-a0e4-6d2b9c5f8a13";

    private static FixtureConfiguration<ChildCase> fixtureOn(LocalDate today) {
        FixtureConfiguration<ChildCase> fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(today.atStartOfDay(ENGLAND).toInstant(), ENGLAND));
        fixture.registerInjectableResource(new DemoDirectory());
        fixture.registerInjectableResource(new HeldIdentifiers());
        return fixture;
    }

    private static Matcher<RuleViolation> violates(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }

    private static RegisterChild register(LocalDate dateOfBirth, LocalDate expected) {
        return RegisterChild.of(LA, "A123", "Sam", "Jones", dateOfBirth, expected).withChildId(CHILD);
    }

    @Test
    void aChildBornOnALeapDayMayBeRegisteredUntilTheDayBeforeTheirEighteenthBirthday() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        fixtureOn(LocalDate.of(2026, 2, 27)).givenNoPriorActivity().when(register(born, null))
                .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", born, null,
                        LocalDate.of(2026, 2, 27)));
        // in a year without 29 February the eighteenth birthday is the 28th
        fixtureOn(LocalDate.of(2026, 2, 28)).givenNoPriorActivity().when(register(born, null))
                .expectException(violates(ChildCaseRule.MUST_BE_A_CHILD)).expectNoEvents();
    }

    @Test
    void anUnbornChildExpected42WeeksAheadCanHaveAChairFromTheDayOfRegistration() {
        LocalDate today = LocalDate.of(2026, 3, 3);
        LocalDate expected = today.plusWeeks(42);
        fixtureOn(today).given(new ChildRegistered(CHILD, LA, "A123", "Baby", "Jones", null, expected, today))
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), today))
                .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), today, null));
    }

    @Test
    void anExpectedDeliveryInNineteenHundredIsRefused() {
        fixtureOn(LocalDate.of(2026, 3, 3)).givenNoPriorActivity().when(register(null, LocalDate.of(1900, 1, 1)))
                .expectException(violates(ChildCaseRule.EXPECTED_DELIVERY_NOT_LONG_PAST)).expectNoEvents();
    }

    @Test
    void anExpectedDeliveryExactlyFourWeeksAgoIsAcceptedAndTheDayBeforeIsNot() {
        LocalDate today = LocalDate.of(2026, 3, 3);
        LocalDate fourWeeksAgo = today.minusWeeks(4);
        fixtureOn(today).givenNoPriorActivity().when(register(null, fourWeeksAgo))
                .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", null, fourWeeksAgo, today));
        fixtureOn(today).givenNoPriorActivity().when(register(null, fourWeeksAgo.minusDays(1)))
                .expectException(violates(ChildCaseRule.EXPECTED_DELIVERY_NOT_LONG_PAST)).expectNoEvents();
    }

    @Test
    void anExpectedDeliveryExactly42WeeksAheadIsAcceptedAndTheDayAfterIsNot() {
        LocalDate today = LocalDate.of(2026, 3, 3);
        fixtureOn(today).givenNoPriorActivity().when(register(null, today.plusWeeks(42)))
                .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", null, today.plusWeeks(42), today));
        fixtureOn(today).givenNoPriorActivity().when(register(null, today.plusWeeks(42).plusDays(1)))
                .expectException(violates(ChildCaseRule.EXPECTED_DELIVERY_WITHIN_42_WEEKS)).expectNoEvents();
    }

    @Test
    void anAllocationFromTheDayOfBirthIsRecordedAndFromTheDayBeforeIsRefused() {
        LocalDate born = LocalDate.of(2024, 2, 29);
        ChildRegistered registered = new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", born, null, born);
        fixtureOn(LocalDate.of(2026, 3, 3)).given(registered)
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), born))
                .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), born, null));
        fixtureOn(LocalDate.of(2026, 3, 3)).given(registered)
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), born.minusDays(1)))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD)).expectNoEvents();
    }

    @Test
    void anUnbornChildsAllocationMayStart42WeeksBeforeTheExpectedDeliveryAndNoEarlier() {
        LocalDate expected = LocalDate.of(2026, 9, 1);
        LocalDate earliest = expected.minusDays(DecisionDates.PRE_BIRTH_DAYS);
        ChildRegistered registered = new ChildRegistered(CHILD, LA, "A123", "Baby", "Jones", null, expected,
                LocalDate.of(2026, 3, 1));
        fixtureOn(LocalDate.of(2026, 3, 3)).given(registered)
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), earliest))
                .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), earliest,
                        null));
        fixtureOn(LocalDate.of(2026, 3, 3)).given(registered)
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), earliest.minusDays(1)))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD)).expectNoEvents();
    }
}
