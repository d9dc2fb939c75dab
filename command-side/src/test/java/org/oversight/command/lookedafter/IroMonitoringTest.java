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
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.PrivateConversation;

/**
 * The IRO's work between reviews: consulting the child, visits, midway checks and early review requests. Each
 * belongs to an open period, is recorded after it happens, and is made by a registered IRO.
 */
class IroMonitoringTest {

    private static final LocalDate ON = LocalDate.of(2026, 2, 16);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    /**
     * Each monitoring command, made by the given IRO on the given date, with the event it records then (tests
     * that only see it refused leave the event unused).
     */
    static Stream<Arguments> monitoring() {
        return Stream.of(
                Arguments.of("consultation", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordConsultation(CHILD, on, ConsultationMethod.IN_PERSON, true, iro,
                                PrivateConversation.SPOKE_IN_PRIVATE),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                new ChildConsultedBeforeReview(CHILD, PERIOD, on, ConsultationMethod.IN_PERSON, true,
                                        iro, PrivateConversation.SPOKE_IN_PRIVATE)),
                Arguments.of("visit", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordIroVisit(CHILD, on, true, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                new IroVisitRecorded(CHILD, PERIOD, on, true, iro)),
                Arguments.of("midway check", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RecordMidwayCheck(CHILD, on, MidwayFinding.PLAN_ON_TRACK, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                new MidwayCheckRecorded(CHILD, PERIOD, on, MidwayFinding.PLAN_ON_TRACK, iro)),
                Arguments.of("early review request", (BiFunction<LocalDate, String, Object>) (on, iro) ->
                        new RequestEarlyReview(CHILD, on, EarlyReviewReason.IRO_REQUEST, iro),
                        (BiFunction<LocalDate, String, Object>) (on, iro) ->
                                new EarlyReviewRequested(CHILD, PERIOD, on, EarlyReviewReason.IRO_REQUEST, iro)));
    }

    @Test
    void aConsultationRecordsHowTheChildWasHeardAndWhetherAlone() {
        care.fixture.given(started())
                .when(new RecordConsultation(CHILD, ON, ConsultationMethod.VIDEO_CALL, false, Iros.IRO.username(),
                        PrivateConversation.CHILD_REFUSED))
                .expectEvents(new ChildConsultedBeforeReview(CHILD, PERIOD, ON, ConsultationMethod.VIDEO_CALL, false,
                        Iros.IRO.username(), PrivateConversation.CHILD_REFUSED))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aVisitRecordsWhetherTheIroSawTheChildInPerson() {
        care.fixture.given(started())
                .when(new RecordIroVisit(CHILD, ON, true, Iros.IRO.username()))
                .expectEvents(new IroVisitRecorded(CHILD, PERIOD, ON, true, Iros.IRO.username()));
    }

    @Test
    void aMidwayCheckRecordsWhatTheIroFound() {
        care.fixture.given(started())
                .when(new RecordMidwayCheck(CHILD, ON, MidwayFinding.CONCERNS_NOTED, Iros.IRO.username()))
                .expectEvents(new MidwayCheckRecorded(CHILD, PERIOD, ON, MidwayFinding.CONCERNS_NOTED,
                        Iros.IRO.username()));
    }

    @Test
    void anEarlyReviewRequestRecordsWhyTheReviewIsBroughtForward() {
        care.fixture.given(started())
                .when(new RequestEarlyReview(CHILD, ON, EarlyReviewReason.PLACEMENT_CHANGE, Iros.IRO.username()))
                .expectEvents(new EarlyReviewRequested(CHILD, PERIOD, ON, EarlyReviewReason.PLACEMENT_CHANGE,
                        Iros.IRO.username()));
    }

    @ParameterizedTest(name = "a {0} on the day the period started is accepted")
    @MethodSource("monitoring")
    void monitoringOnTheDayThePeriodStartedIsAccepted(String what, BiFunction<LocalDate, String, Object> command,
            BiFunction<LocalDate, String, Object> recorded) {
        care.fixture.given(started())
                .when(command.apply(STARTED, Iros.IRO.username()))
                .expectEvents(recorded.apply(STARTED, Iros.IRO.username()));
    }

    @ParameterizedTest(name = "a {0} before the period started is refused")
    @MethodSource("monitoring")
    void monitoringBeforeThePeriodStartedIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(STARTED.minusDays(1), Iros.IRO.username()))
                .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} dated tomorrow is refused")
    @MethodSource("monitoring")
    void monitoringInTheFutureIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(TODAY.plusDays(1), Iros.IRO.username()))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} after the period ended is refused")
    @MethodSource("monitoring")
    void monitoringAfterThePeriodEndedIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started(), ended(ON.minusDays(1)))
                .when(command.apply(ON, Iros.IRO.username()))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} for a child never looked after is refused")
    @MethodSource("monitoring")
    void monitoringWithoutAnyPeriodIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.givenNoPriorActivity()
                .when(command.apply(ON, Iros.IRO.username()))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} by someone who cannot act as an IRO is refused")
    @MethodSource("monitoring")
    void monitoringBySomeoneWhoIsNotAnIroIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(ON, Iros.CP_CHAIR.username()))
                .expectException(breaks(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0} by someone unknown is refused")
    @MethodSource("monitoring")
    void monitoringBySomeoneUnknownIsRefused(String what, BiFunction<LocalDate, String, Object> command) {
        care.fixture.given(started())
                .when(command.apply(ON, "nobody"))
                .expectException(breaks(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO))
                .expectNoEvents();
    }
}
