package org.oversight.command.protection;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.oversight.command.protection.Violations.violates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.rules.DateRule;
import org.oversight.command.rules.DecisionDates;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;

/**
 * No protection decision is dated before the child's life in the service: the date of birth, or 42 weeks before
 * the expected date of delivery for a child registered before birth. Each bound is pinned on its own day and
 * the day before it.
 */
class DecisionsWithinTheChildsLifeTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);

    /** Born on a leap day, a Thursday. */
    private static final String LEAP_DAY_CHILD = "child-leap-day";
    private static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);
    private static final String UNBORN = "child-unborn";
    private static final LocalDate EXPECTED = LocalDate.of(2026, 9, 14);
    /** Registered before birth, expected 25 April 2026, born early on 20 April. */
    private static final String BORN_EARLY = "child-born-early";
    private static final LocalDate BORN_EARLY_EXPECTED = LocalDate.of(2026, 4, 25);
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "Health");
    private static final ChildsView TOO_YOUNG = new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN);

    private FixtureConfiguration<ChildProtection> fixture;
    private InMemoryEvents cases;

    @BeforeEach
    void setUp() {
        DemoDirectory directory = new DemoDirectory();
        DefaultQuoracyPolicy quoracy = new DefaultQuoracyPolicy();
        cases = new InMemoryEvents(CLOCK, directory, quoracy);
        cases.given("ChildCase", LEAP_DAY_CHILD, new ChildRegistered(LEAP_DAY_CHILD, LA, "L1", "Sam", "Jones",
                LEAP_DAY, null, TODAY));
        cases.given("ChildCase", UNBORN, new ChildRegistered(UNBORN, LA, "L2", "Baby", "Jones", null, EXPECTED,
                TODAY));
        cases.given("ChildCase", BORN_EARLY,
                new ChildRegistered(BORN_EARLY, LA, "L3", "Baby", "Smith", null, BORN_EARLY_EXPECTED, TODAY),
                new BirthRecorded(BORN_EARLY, LocalDate.of(2026, 4, 20)));
        fixture = new AggregateTestFixture<>(ChildProtection.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(quoracy);
        fixture.registerInjectableResource(cases.registeredChildren());
        fixture.registerAnnotatedCommandHandler(
                new ProtectionCommandHandler(fixture.getRepository(), cases.registeredChildren()));
    }

    @AfterEach
    void tearDown() {
        cases.close();
    }

    @Test
    void aStrategyDiscussionOnTheDayOfBirthItselfIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(LEAP_DAY_CHILD, "e-1", LEAP_DAY))
                .expectEvents(new Section47EnquiryStarted(LEAP_DAY_CHILD, "e-1", LEAP_DAY));
    }

    @Test
    void aStrategyDiscussionTheDayBeforeABornChildsBirthIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(LEAP_DAY_CHILD, "e-1", LEAP_DAY.minusDays(1)))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD))
                .expectExceptionMessage(containsString("29 February 2024"))
                .expectNoEvents();
    }

    @Test
    void aStrategyDiscussionInTheFirstYearOfTheCalendarIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(LEAP_DAY_CHILD, "e-1", LocalDate.of(1, 1, 1)))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD))
                .expectNoEvents();
    }

    @Test
    void preBirthWorkMayStartExactly42WeeksBeforeTheExpectedDelivery() {
        LocalDate earliest = EXPECTED.minusDays(DecisionDates.PRE_BIRTH_DAYS);
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(UNBORN, "e-1", earliest))
                .expectEvents(new Section47EnquiryStarted(UNBORN, "e-1", earliest));
    }

    @Test
    void preBirthWorkTheDayBeforeThatIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(UNBORN, "e-1",
                        EXPECTED.minusDays(DecisionDates.PRE_BIRTH_DAYS + 1)))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD))
                .expectExceptionMessage(containsString("294 days before the expected date of delivery"))
                .expectNoEvents();
    }

    @Test
    void aChildBornSinceRegistrationKeepsThePreBirthWindow() {
        LocalDate earliest = BORN_EARLY_EXPECTED.minusDays(DecisionDates.PRE_BIRTH_DAYS);
        fixture.givenNoPriorActivity()
                .when(new RecordStrategyDiscussion(BORN_EARLY, "e-1", earliest))
                .expectEvents(new Section47EnquiryStarted(BORN_EARLY, "e-1", earliest));
    }

    @Test
    void aTransferInConferenceBeforeTheChildWasBornIsRefused() {
        // Wednesday 28 February 2024, the day before the leap-day birth
        fixture.givenNoPriorActivity()
                .when(new HoldInitialConference("c-1", ConferenceType.TRANSFER_IN, LEAP_DAY.minusDays(1), QUORATE,
                        DUAL.username(), List.of(new ChildDecision(LEAP_DAY_CHILD, null, ConferenceOutcome.NO_PLAN,
                                null, 0, TOO_YOUNG))))
                .expectException(violates(DateRule.NOT_BEFORE_CHILD))
                .expectNoEvents();
    }
}
