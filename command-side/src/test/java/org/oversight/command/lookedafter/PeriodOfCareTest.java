package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReasonPeriodEnded;

/** Periods of care: when one may start, what may change inside it, and when it may end. */
class PeriodOfCareTest {

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    private static StartPeriodOfCare start(String periodId, LocalDate on) {
        return new StartPeriodOfCare(CHILD, periodId, on, LegalStatus.V2, null);
    }

    @Nested
    class Starting {

        @Test
        void aChildStartsTheirFirstPeriodOfCareUnderALegalStatusInAPlacement() {
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare(CHILD, PERIOD, STARTED, LegalStatus.C1, "u6"))
                    .expectEvents(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C1, "U6"))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void aPeriodMayStartWithoutAPlacementRecorded() {
            care.fixture.givenNoPriorActivity()
                    .when(start(PERIOD, STARTED))
                    .expectEvents(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.V2, null));
        }

        @Test
        void anUnbornChildCannotStartAPeriodOfCare() {
            care.registeredUnborn("unborn-1", TODAY.plusWeeks(8));
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("unborn-1", PERIOD, TODAY, LegalStatus.L2, null))
                    .expectException(breaks(LookedAfterRule.CHILD_MUST_BE_BORN))
                    .expectExceptionMessage(containsString("not yet born"))
                    .expectNoEvents();
        }

        @Test
        void aChildWithNoCaseCannotStartAPeriodOfCareTheCaseIsNotFound() {
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("nobody", PERIOD, TODAY, LegalStatus.L2, null))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aPeriodStartingTheDayBeforeTheChildWasBornIsRefused() {
            care.registered("newborn", TODAY.minusDays(5));
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("newborn", PERIOD, TODAY.minusDays(6), LegalStatus.L1, null))
                    .expectException(breaks(LookedAfterRule.PERIOD_NOT_BEFORE_BIRTH))
                    .expectExceptionMessage(containsString("before the child was born, on 26 February 2026"))
                    .expectNoEvents();
        }

        @Test
        void aPeriodMayStartOnTheDayTheChildWasBorn() {
            care.registered("newborn", TODAY.minusDays(5));
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("newborn", PERIOD, TODAY.minusDays(5), LegalStatus.L2, null))
                    .expectEvents(new PeriodOfCareStarted("newborn", PERIOD, TODAY.minusDays(5), LegalStatus.L2, null));
        }

        @Test
        void aPeriodStartingTomorrowIsRefused() {
            care.fixture.givenNoPriorActivity()
                    .when(start(PERIOD, TODAY.plusDays(1)))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aPeriodStartingTodayIsAccepted() {
            care.fixture.givenNoPriorActivity()
                    .when(start(PERIOD, TODAY))
                    .expectEvents(new PeriodOfCareStarted(CHILD, PERIOD, TODAY, LegalStatus.V2, null));
        }

        @Test
        void aPeriodCannotStartOnTheEighteenthBirthdayButMayStartTheDayBefore() {
            care.registered("nearly-adult", TODAY.minusYears(18));
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("nearly-adult", PERIOD, TODAY, LegalStatus.V2, null))
                    .expectException(breaks(LookedAfterRule.PERIOD_STARTS_BEFORE_EIGHTEEN))
                    .expectExceptionMessage(containsString("turned 18 on 3 March 2026"));
            setUp();
            care.registered("nearly-adult", TODAY.minusYears(18));
            care.fixture.givenNoPriorActivity()
                    .when(new StartPeriodOfCare("nearly-adult", PERIOD, TODAY.minusDays(1), LegalStatus.V2, null))
                    .expectEvents(new PeriodOfCareStarted("nearly-adult", PERIOD, TODAY.minusDays(1), LegalStatus.V2,
                            null));
        }

        @Test
        void aSecondPeriodWhileOneIsOpenIsRefused() {
            care.fixture.given(started())
                    .when(start("period-2", TODAY))
                    .expectException(breaks(LookedAfterRule.ONE_OPEN_PERIOD))
                    .expectExceptionMessage(containsString("started on 2 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aNewPeriodOnTheDayThePreviousEndedIsRefused() {
            care.fixture.given(started(), ended(LocalDate.of(2026, 2, 10)))
                    .when(start("period-2", LocalDate.of(2026, 2, 10)))
                    .expectException(breaks(LookedAfterRule.NEW_PERIOD_AFTER_PREVIOUS_ENDED))
                    .expectExceptionMessage(containsString("ended on 10 February 2026"))
                    .expectNoEvents();
        }

        @Test
        void aNewPeriodBeforeThePreviousEndedIsRefused() {
            care.fixture.given(started(), ended(LocalDate.of(2026, 2, 10)))
                    .when(start("period-2", LocalDate.of(2026, 1, 20)))
                    .expectException(breaks(LookedAfterRule.NEW_PERIOD_AFTER_PREVIOUS_ENDED))
                    .expectNoEvents();
        }

        @Test
        void aNewPeriodTheDayAfterThePreviousEndedStartsTheJourneysNextPeriod() {
            care.fixture.given(started(), ended(LocalDate.of(2026, 2, 10)))
                    .when(start("period-2", LocalDate.of(2026, 2, 11)))
                    .expectEvents(new PeriodOfCareStarted(CHILD, "period-2", LocalDate.of(2026, 2, 11),
                            LegalStatus.V2, null))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aPeriodIdentifierAlreadyUsedIsRefused() {
            care.fixture.given(started(), ended(LocalDate.of(2026, 2, 10)))
                    .when(start(PERIOD, LocalDate.of(2026, 2, 11)))
                    .expectException(breaks(LookedAfterRule.IDENTIFIER_NOT_REUSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingLegalStatus {

        @Test
        void aChangeOfLegalStatusNamesTheStatusItReplaces() {
            care.fixture.given(started(STARTED, LegalStatus.C1))
                    .when(new ChangeLegalStatus(CHILD, TODAY, LegalStatus.C2))
                    .expectEvents(new LegalStatusChanged(CHILD, PERIOD, TODAY, LegalStatus.C1, LegalStatus.C2))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aChangeToTheStatusAlreadyHeldIsRefused() {
            care.fixture.given(started(STARTED, LegalStatus.C1),
                            new LegalStatusChanged(CHILD, PERIOD, STARTED.plusDays(5), LegalStatus.C1, LegalStatus.C2))
                    .when(new ChangeLegalStatus(CHILD, TODAY, LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                    .expectExceptionMessage(containsString("already looked after under C2 (Full care order)"))
                    .expectNoEvents();
        }

        @Test
        void aChangeDatedBeforeThePeriodStartedIsRefused() {
            care.fixture.given(started(STARTED, LegalStatus.C1))
                    .when(new ChangeLegalStatus(CHILD, STARTED.minusDays(1), LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                    .expectExceptionMessage(containsString("started, on 2 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aChangeOnTheDayThePeriodStartedIsAccepted() {
            care.fixture.given(started(STARTED, LegalStatus.L2))
                    .when(new ChangeLegalStatus(CHILD, STARTED, LegalStatus.C1))
                    .expectEvents(new LegalStatusChanged(CHILD, PERIOD, STARTED, LegalStatus.L2, LegalStatus.C1));
        }

        @Test
        void aChangeDatedTomorrowIsRefused() {
            care.fixture.given(started(STARTED, LegalStatus.C1))
                    .when(new ChangeLegalStatus(CHILD, TODAY.plusDays(1), LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aChangeDatedBeforeTheLatestChangeIsRefusedButTheSameDayIsAccepted() {
            LocalDate moved = LocalDate.of(2026, 2, 1);
            care.fixture.given(started(STARTED, LegalStatus.C1),
                            new PlacementChanged(CHILD, PERIOD, moved, "U6", "K2"))
                    .when(new ChangeLegalStatus(CHILD, moved.minusDays(1), LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.CHANGES_IN_ORDER))
                    .expectExceptionMessage(containsString("recorded on 1 February 2026"));
            setUp();
            care.fixture.given(started(STARTED, LegalStatus.C1),
                            new PlacementChanged(CHILD, PERIOD, moved, "U6", "K2"))
                    .when(new ChangeLegalStatus(CHILD, moved, LegalStatus.C2))
                    .expectEvents(new LegalStatusChanged(CHILD, PERIOD, moved, LegalStatus.C1, LegalStatus.C2));
        }

        @Test
        void aChangeAfterThePeriodEndedIsRefused() {
            care.fixture.given(started(STARTED, LegalStatus.C1), ended(LocalDate.of(2026, 2, 1)))
                    .when(new ChangeLegalStatus(CHILD, TODAY, LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectExceptionMessage(containsString("ended on 1 February 2026"))
                    .expectNoEvents();
        }

        @Test
        void aChangeForAChildNeverLookedAfterIsRefused() {
            care.fixture.givenNoPriorActivity()
                    .when(new ChangeLegalStatus(CHILD, TODAY, LegalStatus.C2))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingPlacement {

        @Test
        void aMoveNamesThePlacementItReplaces() {
            care.fixture.given(started())
                    .when(ChangePlacement.of(CHILD, TODAY, " k2 "))
                    .expectEvents(new PlacementChanged(CHILD, PERIOD, TODAY, "U6", "K2"));
        }

        @Test
        void aFirstPlacementInAPeriodStartedWithoutOneNamesNoneBefore() {
            care.fixture.given(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.L1, null))
                    .when(ChangePlacement.of(CHILD, STARTED, "U6"))
                    .expectEvents(new PlacementChanged(CHILD, PERIOD, STARTED, null, "U6"));
        }

        @Test
        void aMoveToThePlacementAlreadyHeldIsRefusedWhateverTheCase() {
            care.fixture.given(started())
                    .when(new ChangePlacement(CHILD, TODAY, "u6"))
                    .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                    .expectExceptionMessage(containsString("already recorded in a U6 placement"))
                    .expectNoEvents();
        }

        @Test
        void aMoveDatedBeforeThePeriodStartedIsRefused() {
            care.fixture.given(started())
                    .when(ChangePlacement.of(CHILD, STARTED.minusDays(1), "K2"))
                    .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                    .expectNoEvents();
        }

        @Test
        void aMoveDatedBeforeTheLatestChangeIsRefused() {
            care.fixture.given(started(),
                            new LegalStatusChanged(CHILD, PERIOD, TODAY.minusDays(1), LegalStatus.C2, LegalStatus.E1))
                    .when(ChangePlacement.of(CHILD, TODAY.minusDays(2), "A6"))
                    .expectException(breaks(LookedAfterRule.CHANGES_IN_ORDER))
                    .expectNoEvents();
        }

        @Test
        void aMoveDatedTomorrowIsRefused() {
            care.fixture.given(started())
                    .when(ChangePlacement.of(CHILD, TODAY.plusDays(1), "K2"))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aMoveAfterThePeriodEndedIsRefused() {
            care.fixture.given(started(), ended(TODAY.minusDays(1)))
                    .when(ChangePlacement.of(CHILD, TODAY, "K2"))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ending {

        @Test
        void aPeriodEndsWithTheReasonTheChildStoppedBeingLookedAfter() {
            care.fixture.given(started())
                    .when(new EndPeriodOfCare(CHILD, TODAY, ReasonPeriodEnded.E45))
                    .expectEvents(new PeriodOfCareEnded(CHILD, PERIOD, TODAY, ReasonPeriodEnded.E45))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aPeriodMayEndOnTheDayItStarted() {
            care.fixture.given(started(TODAY, LegalStatus.L1))
                    .when(new EndPeriodOfCare(CHILD, TODAY, ReasonPeriodEnded.E4B))
                    .expectEvents(new PeriodOfCareEnded(CHILD, PERIOD, TODAY, ReasonPeriodEnded.E4B));
        }

        @Test
        void aPeriodEndingBeforeItStartedIsRefused() {
            care.fixture.given(started())
                    .when(new EndPeriodOfCare(CHILD, STARTED.minusDays(1), ReasonPeriodEnded.E4A))
                    .expectException(breaks(LookedAfterRule.END_NOT_BEFORE_START))
                    .expectExceptionMessage(containsString("started on 2 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aPeriodEndingTomorrowIsRefused() {
            care.fixture.given(started())
                    .when(new EndPeriodOfCare(CHILD, TODAY.plusDays(1), ReasonPeriodEnded.E4A))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aPeriodCannotEndBeforeItsLatestChangeButMayEndOnThatDay() {
            LocalDate moved = LocalDate.of(2026, 2, 1);
            care.fixture.given(started(), new PlacementChanged(CHILD, PERIOD, moved, "U6", "K2"))
                    .when(new EndPeriodOfCare(CHILD, moved.minusDays(1), ReasonPeriodEnded.E4A))
                    .expectException(breaks(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD))
                    .expectExceptionMessage(containsString("recorded on 1 February 2026"));
            setUp();
            care.fixture.given(started(), new PlacementChanged(CHILD, PERIOD, moved, "U6", "K2"))
                    .when(new EndPeriodOfCare(CHILD, moved, ReasonPeriodEnded.E4A))
                    .expectEvents(new PeriodOfCareEnded(CHILD, PERIOD, moved, ReasonPeriodEnded.E4A));
        }

        @Test
        void aPeriodCannotEndBeforeItsLatestReview() {
            care.fixture.given(started(), reviewed(REVIEW, LocalDate.of(2026, 1, 28), ParticipationCode.PN1))
                    .when(new EndPeriodOfCare(CHILD, LocalDate.of(2026, 1, 27), ReasonPeriodEnded.E4A))
                    .expectException(breaks(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD))
                    .expectExceptionMessage(containsString("review is recorded on 28 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aPeriodAlreadyEndedCannotEndAgain() {
            care.fixture.given(started(), ended(TODAY.minusDays(1)))
                    .when(new EndPeriodOfCare(CHILD, TODAY, ReasonPeriodEnded.E8))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectNoEvents();
        }
    }
}
