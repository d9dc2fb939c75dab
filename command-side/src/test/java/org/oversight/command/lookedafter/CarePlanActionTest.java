package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.agreed;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ParticipationCode;

/** SMART care plan actions after the review that agreed them: completed, changed or cancelled while open. */
class CarePlanActionTest {

    private static final LocalDate HELD = LocalDate.of(2026, 1, 28);
    private static final LocalDate DUE = LocalDate.of(2026, 2, 28);
    private static final String ACTION = "action-1";

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    private TestExecutor<LookedAfterJourney> givenAnOpenAction(Object... more) {
        Object[] given = new Object[3 + more.length];
        given[0] = started();
        given[1] = reviewed(REVIEW, HELD, ParticipationCode.PN1);
        given[2] = agreed(ACTION, HELD, DUE);
        System.arraycopy(more, 0, given, 3, more.length);
        return care.fixture.given(given);
    }

    @Nested
    class Completing {

        @Test
        void anOpenActionIsCompletedOnTheDayItWasDone() {
            givenAnOpenAction()
                    .when(new CompleteAction(CHILD, ACTION, TODAY))
                    .expectEvents(new CarePlanActionCompleted(CHILD, ACTION, TODAY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void anActionCompletedOnTheDayOfTheReviewIsAccepted() {
            givenAnOpenAction()
                    .when(new CompleteAction(CHILD, ACTION, HELD))
                    .expectEvents(new CarePlanActionCompleted(CHILD, ACTION, HELD));
        }

        @Test
        void anActionCannotBeCompletedBeforeTheReviewAgreedIt() {
            givenAnOpenAction()
                    .when(new CompleteAction(CHILD, ACTION, HELD.minusDays(1)))
                    .expectException(breaks(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT))
                    .expectExceptionMessage(containsString("agreed at the review on 28 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void anActionCannotBeCompletedTomorrow() {
            givenAnOpenAction()
                    .when(new CompleteAction(CHILD, ACTION, TODAY.plusDays(1)))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void anActionAlreadyCompletedCannotBeCompletedAgain() {
            givenAnOpenAction(new CarePlanActionCompleted(CHILD, ACTION, HELD.plusDays(3)))
                    .when(new CompleteAction(CHILD, ACTION, TODAY))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_BE_OPEN))
                    .expectExceptionMessage(containsString("completed on 31 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aCancelledActionCannotBeCompleted() {
            givenAnOpenAction(new CarePlanActionCancelled(CHILD, ACTION, HELD.plusDays(3), "No longer needed"))
                    .when(new CompleteAction(CHILD, ACTION, TODAY))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_BE_OPEN))
                    .expectExceptionMessage(containsString("cancelled on 31 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownActionCannotBeCompleted() {
            givenAnOpenAction()
                    .when(new CompleteAction(CHILD, "action-9", TODAY))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_EXIST))
                    .expectNoEvents();
        }

        @Test
        void noActionExistsForAChildNeverLookedAfter() {
            care.fixture.givenNoPriorActivity()
                    .when(new CompleteAction(CHILD, ACTION, TODAY))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_EXIST))
                    .expectNoEvents();
        }
    }

    @Nested
    class Changing {

        private ChangeAction change(String reason, LocalDate dueOn) {
            return new ChangeAction(CHILD, ACTION, "Book a dental check", "Foster carer", dueOn, reason, TODAY);
        }

        @Test
        void aChangeRecordsTheActionAsItNowStandsAndWhy() {
            givenAnOpenAction()
                    .when(new ChangeAction(CHILD, ACTION, " Book a dental check ", " Foster carer ", DUE.plusDays(14),
                            " The carer now books appointments ", TODAY))
                    .expectEvents(new CarePlanActionChanged(CHILD, ACTION, "Book a dental check", "Foster carer",
                            DUE.plusDays(14), "The carer now books appointments", TODAY));
        }

        @Test
        void aChangedActionStaysOpenAndCanBeChangedAgain() {
            givenAnOpenAction(new CarePlanActionChanged(CHILD, ACTION, "Book a dental check", "Foster carer",
                            DUE.plusDays(14), "Carer books", HELD.plusDays(2)))
                    .when(change("Appointment moved", DUE.plusDays(21)))
                    .expectEvents(new CarePlanActionChanged(CHILD, ACTION, "Book a dental check", "Foster carer",
                            DUE.plusDays(21), "Appointment moved", TODAY));
        }

        @Test
        void aChangeWithoutAReasonIsRefused() {
            givenAnOpenAction()
                    .when(change("  ", DUE))
                    .expectException(breaks(LookedAfterRule.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aChangeThatLeavesTheActionAsItWasIsRefused() {
            givenAnOpenAction()
                    .when(new ChangeAction(CHILD, ACTION, "Book a dental check", "Social worker", DUE, "Checked", TODAY))
                    .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                    .expectNoEvents();
        }

        @Test
        void aChangeMakingTheActionDueBeforeItsReviewIsRefused() {
            givenAnOpenAction()
                    .when(change("Wrong date", HELD.minusDays(1)))
                    .expectException(breaks(LookedAfterRule.ACTION_DUE_NOT_BEFORE_REVIEW))
                    .expectNoEvents();
        }

        @Test
        void aChangeLeavingNoOwnerIsRefused() {
            givenAnOpenAction()
                    .when(new ChangeAction(CHILD, ACTION, "Book a dental check", " ", DUE, "Owner left", TODAY))
                    .expectException(breaks(LookedAfterRule.ACTION_NEEDS_TEXT_AND_OWNER))
                    .expectNoEvents();
        }

        @Test
        void aChangeDatedBeforeTheReviewIsRefused() {
            givenAnOpenAction()
                    .when(new ChangeAction(CHILD, ACTION, "Book a dental check", "Foster carer", DUE, "Carer books",
                            HELD.minusDays(1)))
                    .expectException(breaks(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT))
                    .expectNoEvents();
        }

        @Test
        void aChangeDatedTomorrowIsRefused() {
            givenAnOpenAction()
                    .when(new ChangeAction(CHILD, ACTION, "Book a dental check", "Foster carer", DUE, "Carer books",
                            TODAY.plusDays(1)))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aCompletedActionCannotBeChanged() {
            givenAnOpenAction(new CarePlanActionCompleted(CHILD, ACTION, HELD.plusDays(3)))
                    .when(change("Too late", DUE))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_BE_OPEN))
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void anOpenActionIsCancelledWithAReason() {
            givenAnOpenAction()
                    .when(new CancelAction(CHILD, ACTION, TODAY, " Child moved out of area "))
                    .expectEvents(new CarePlanActionCancelled(CHILD, ACTION, TODAY, "Child moved out of area"));
        }

        @Test
        void aCancellationWithoutAReasonIsRefused() {
            givenAnOpenAction()
                    .when(new CancelAction(CHILD, ACTION, TODAY, ""))
                    .expectException(breaks(LookedAfterRule.REASON_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void aCancellationBeforeTheReviewIsRefused() {
            givenAnOpenAction()
                    .when(new CancelAction(CHILD, ACTION, HELD.minusDays(1), "Not needed"))
                    .expectException(breaks(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT))
                    .expectNoEvents();
        }

        @Test
        void aCancellationDatedTomorrowIsRefused() {
            givenAnOpenAction()
                    .when(new CancelAction(CHILD, ACTION, TODAY.plusDays(1), "Not needed"))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aCancelledActionCannotBeCancelledAgain() {
            givenAnOpenAction(new CarePlanActionCancelled(CHILD, ACTION, HELD.plusDays(3), "Not needed"))
                    .when(new CancelAction(CHILD, ACTION, TODAY, "Still not needed"))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_BE_OPEN))
                    .expectNoEvents();
        }

        @Test
        void aCompletedActionCannotBeCancelled() {
            givenAnOpenAction(new CarePlanActionCompleted(CHILD, ACTION, HELD.plusDays(3)))
                    .when(new CancelAction(CHILD, ACTION, TODAY, "Not needed"))
                    .expectException(breaks(LookedAfterRule.ACTION_MUST_BE_OPEN))
                    .expectNoEvents();
        }
    }
}
