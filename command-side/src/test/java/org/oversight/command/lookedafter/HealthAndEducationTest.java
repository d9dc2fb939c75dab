package org.oversight.command.lookedafter;

import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/**
 * The child's health checks and personal education plan: each belongs to the open period, is recorded after it
 * happens and by a registered IRO; the initial health assessment is once per period, may be the one made in the
 * three months before the placement (reg 7(2) of SI 2010/959), and comes before the review assessments.
 */
class HealthAndEducationTest {

    private static final LocalDate ON = LocalDate.of(2026, 2, 16);
    private static final String IRO = Iros.IRO.username();

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("review health assessment", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordHealthCheck(CHILD, HealthCheck.REVIEW_HEALTH_ASSESSMENT, on, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                check(HealthCheck.REVIEW_HEALTH_ASSESSMENT, on, iro)),
                Arguments.of("dental check", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordHealthCheck(CHILD, HealthCheck.DENTAL_CHECK, on, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) -> check(HealthCheck.DENTAL_CHECK, on, iro)),
                Arguments.of("PEP", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordEducationPlan(CHILD, on, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                new EducationPlanRecorded(CHILD, PERIOD, on, iro)));
    }

    private static HealthCheckRecorded check(HealthCheck check, LocalDate on, String iro) {
        return new HealthCheckRecorded(CHILD, PERIOD, check, on, iro);
    }

    @Test
    void anInitialHealthAssessmentIsRecordedInTheOpenPeriod() {
        care.fixture.given(started())
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, IRO))
                .expectEvents(check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, IRO))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aPepMeetingIsRecordedInTheOpenPeriod() {
        care.fixture.given(started())
                .when(new RecordEducationPlan(CHILD, ON, IRO))
                .expectEvents(new EducationPlanRecorded(CHILD, PERIOD, ON, IRO));
    }

    @Test
    void aSecondInitialHealthAssessmentInThePeriodIsRefused() {
        care.fixture.given(started(), check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, STARTED, IRO))
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, IRO))
                .expectException(breaks(HealthAndEducationRule.INITIAL_ASSESSMENT_ONCE))
                .expectNoEvents();
    }

    @Test
    void aNewPeriodHasItsOwnInitialHealthAssessment() {
        LocalDate restarted = ON.plusDays(1);
        care.fixture.given(started(STARTED, LegalStatus.V2), check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, STARTED, IRO),
                        ended(ON), new PeriodOfCareStarted(CHILD, "period-2",
                                restarted, LegalStatus.C2, "U6"))
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, TODAY, IRO))
                .expectEvents(new HealthCheckRecorded(CHILD, "period-2", HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                        TODAY, IRO));
    }

    @Test
    void anInitialAssessmentMayBeTheOneMadeUpToThreeMonthsBeforeThePeriodStarted() {
        // started Fri 2 Jan 2026: three months back is Thu 2 Oct 2025, accepted; Wed 1 Oct is one day too early
        care.fixture.given(started())
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2025, 10, 2),
                        IRO))
                .expectEvents(check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2025, 10, 2), IRO));
        new JourneyFixture().fixture.given(started())
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2025, 10, 1),
                        IRO))
                .expectException(breaks(HealthAndEducationRule.INITIAL_ASSESSMENT_WITHIN_THREE_MONTHS))
                .expectNoEvents();
    }

    @Test
    void threeMonthsBeforeTheLastDayOfAMonthIsTheLastDayOfTheShorterMonth() {
        // a period started Sun 31 May 2026 looks back to Sat 28 Feb 2026 (2026 has no 29 February)
        LocalDate may31 = LocalDate.of(2026, 5, 31);
        new JourneyFixture(LocalDate.of(2026, 6, 10)).fixture.given(started(may31, LegalStatus.C2))
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 2, 28),
                        IRO))
                .expectEvents(check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 2, 28), IRO));
        new JourneyFixture(LocalDate.of(2026, 6, 10)).fixture.given(started(may31, LegalStatus.C2))
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 2, 27),
                        IRO))
                .expectException(breaks(HealthAndEducationRule.INITIAL_ASSESSMENT_WITHIN_THREE_MONTHS));
    }

    @Test
    void aReviewAssessmentBeforeTheInitialOneIsRefusedAndOnTheSameDayAccepted() {
        care.fixture.given(started(), check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, IRO))
                .when(new RecordHealthCheck(CHILD, HealthCheck.REVIEW_HEALTH_ASSESSMENT, ON.minusDays(1), IRO))
                .expectException(breaks(HealthAndEducationRule.ASSESSMENTS_IN_ORDER))
                .expectNoEvents();
        new JourneyFixture().fixture.given(started(), check(HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON, IRO))
                .when(new RecordHealthCheck(CHILD, HealthCheck.REVIEW_HEALTH_ASSESSMENT, ON, IRO))
                .expectEvents(check(HealthCheck.REVIEW_HEALTH_ASSESSMENT, ON, IRO));
    }

    @Test
    void anInitialAssessmentAfterAReviewAssessmentIsRefused() {
        care.fixture.given(started(), check(HealthCheck.REVIEW_HEALTH_ASSESSMENT, ON, IRO))
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, ON.plusDays(1), IRO))
                .expectException(breaks(HealthAndEducationRule.ASSESSMENTS_IN_ORDER))
                .expectNoEvents();
    }

    @Test
    void aDentalCheckNeedsNoInitialAssessment() {
        care.fixture.given(started())
                .when(new RecordHealthCheck(CHILD, HealthCheck.DENTAL_CHECK, ON, IRO))
                .expectEvents(check(HealthCheck.DENTAL_CHECK, ON, IRO));
    }

    @ParameterizedTest(name = "a {0} before the period started is refused")
    @MethodSource("records")
    void beforeThePeriodStartedIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(STARTED.minusDays(1), IRO))
                .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} on the day the period started is accepted")
    @MethodSource("records")
    void onTheDayThePeriodStartedIsAccepted(String what, BiFunction<LocalDate, String, Object> command,
            BiFunction<LocalDate, String, Object> recorded) {
        care.fixture.given(started())
                .when(command.apply(STARTED, IRO))
                .expectEvents(recorded.apply(STARTED, IRO));
    }

    @ParameterizedTest(name = "a {0} dated tomorrow is refused")
    @MethodSource("records")
    void inTheFutureIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(TODAY.plusDays(1), IRO))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} after the period ended is refused")
    @MethodSource("records")
    void afterThePeriodEndedIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started(), ended(ON.minusDays(1)))
                .when(command.apply(ON, IRO))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} by someone who cannot act as an IRO is refused")
    @MethodSource("records")
    void bySomeoneWhoIsNotAnIroIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(ON, Iros.CP_CHAIR.username()))
                .expectException(breaks(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO))
                .expectNoEvents();
    }

    @Test
    void anInitialAssessmentDatedTomorrowIsRefused() {
        care.fixture.given(started())
                .when(new RecordHealthCheck(CHILD, HealthCheck.INITIAL_HEALTH_ASSESSMENT, TODAY.plusDays(1), IRO))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }
}
