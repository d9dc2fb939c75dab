package org.oversight.command.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.DECISION;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.RECOMMENDATION;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.review;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.lookedafter.HoldLookedAfterReview.AgreedAction;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/** Statutory looked-after reviews (reg 33): when one may be held, who chairs it, and the actions agreed at it. */
class LookedAfterReviewTest {

    private static final LocalDate HELD = LocalDate.of(2026, 1, 28);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Nested
    class Holding {

        @Test
        void aReviewIsRecordedWithTheActionsAgreedAtItInOneGo() {
            care.fixture.given(started())
                    .when(review(REVIEW, HELD, ParticipationCode.PN1,
                            new AgreedAction(" Book a dental check ", "Social worker", HELD.plusWeeks(4)),
                            new AgreedAction("Refer to CAMHS", " IRO ", HELD)))
                    .expectEvents(
                            new LookedAfterReviewHeld(CHILD, PERIOD, REVIEW, HELD, ParticipationCode.PN1, true,
                                    List.of(DECISION), List.of(RECOMMENDATION), Iros.IRO.username(),
                                    Iros.IRO.displayName()),
                            new CarePlanActionAgreed(CHILD, LookedAfterIds.actionOf(REVIEW, 0), REVIEW,
                                    "Book a dental check", "Social worker", HELD.plusWeeks(4), HELD),
                            new CarePlanActionAgreed(CHILD, LookedAfterIds.actionOf(REVIEW, 1), REVIEW,
                                    "Refer to CAMHS", "IRO", HELD, HELD))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void anActionsIdentifierIsFixedByItsReviewAndPlace() {
            assertThat(LookedAfterIds.actionOf(REVIEW, 0))
                    .isEqualTo(LookedAfterIds.actionOf(REVIEW, 0))
                    .isNotEqualTo(LookedAfterIds.actionOf(REVIEW, 1))
                    .isNotEqualTo(LookedAfterIds.actionOf("review-2", 0));
        }

        @Test
        void aReviewOnTheDayThePeriodStartedIsAccepted() {
            care.fixture.given(started())
                    .when(review(REVIEW, STARTED, ParticipationCode.PN1))
                    .expectEvents(reviewed(REVIEW, STARTED, ParticipationCode.PN1));
        }

        @Test
        void aReviewBeforeThePeriodStartedIsRefused() {
            care.fixture.given(started())
                    .when(review(REVIEW, STARTED.minusDays(1), ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                    .expectNoEvents();
        }

        @Test
        void aReviewTomorrowIsRefusedButTodayIsAccepted() {
            care.fixture.given(started())
                    .when(review(REVIEW, TODAY.plusDays(1), ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
            setUp();
            care.fixture.given(started())
                    .when(review(REVIEW, TODAY, ParticipationCode.PN1))
                    .expectEvents(reviewed(REVIEW, TODAY, ParticipationCode.PN1));
        }

        @Test
        void aSecondReviewOnTheDayOfThePreviousIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(review("review-2", HELD, ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.REVIEWS_IN_ORDER))
                    .expectExceptionMessage(containsString("held on 28 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aReviewBeforeThePreviousIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(review("review-2", HELD.minusDays(3), ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.REVIEWS_IN_ORDER))
                    .expectNoEvents();
        }

        @Test
        void aReviewTheDayAfterThePreviousIsAccepted() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(review("review-2", HELD.plusDays(1), ParticipationCode.PN1))
                    .expectEvents(reviewed("review-2", HELD.plusDays(1), ParticipationCode.PN1));
        }

        @Test
        void reviewsOfAnEarlierPeriodDoNotHoldBackTheNextPeriodsFirstReview() {
            LocalDate secondStart = LocalDate.of(2026, 2, 2);
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1), ended(HELD.plusDays(2)),
                            new PeriodOfCareStarted(CHILD, "period-2", secondStart,
                                    LegalStatus.V2, null))
                    .when(review("review-2", secondStart, ParticipationCode.PN1))
                    .expectEvents(new LookedAfterReviewHeld(CHILD, "period-2", "review-2", secondStart,
                            ParticipationCode.PN1, true, List.of(DECISION), List.of(RECOMMENDATION),
                            Iros.IRO.username(), Iros.IRO.displayName()));
        }

        @Test
        void aReviewAfterThePeriodEndedIsRefused() {
            care.fixture.given(started(), ended(HELD))
                    .when(review(REVIEW, HELD, ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectNoEvents();
        }

        @Test
        void aReviewForAChildNeverLookedAfterIsRefused() {
            care.fixture.givenNoPriorActivity()
                    .when(review(REVIEW, HELD, ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                    .expectNoEvents();
        }

        @Test
        void aReviewIdentifierAlreadyUsedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(review(REVIEW, HELD.plusDays(7), ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.IDENTIFIER_NOT_REUSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChairedByAnIro {

        @Test
        void aReviewChairedBySomeoneUnknownIsRefused() {
            care.fixture.given(started())
                    .when(new HoldLookedAfterReview(CHILD, REVIEW, HELD, ParticipationCode.PN1, true, List.of(),
                            List.of(), "nobody", List.of()))
                    .expectException(breaks(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO))
                    .expectExceptionMessage(containsString("registered with the service"))
                    .expectNoEvents();
        }

        @Test
        void aReviewChairedByAChildProtectionChairWhoIsNotAnIroIsRefused() {
            care.fixture.given(started())
                    .when(new HoldLookedAfterReview(CHILD, REVIEW, HELD, ParticipationCode.PN1, true, List.of(),
                            List.of(), Iros.CP_CHAIR.username(), List.of()))
                    .expectException(breaks(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO))
                    .expectExceptionMessage(containsString("cannot act as an Independent Reviewing Officer"))
                    .expectNoEvents();
        }
    }

    /**
     * Short breaks are reviewed (reg 48(3) of SI 2010/959 modifies reg 33's schedule, it does not remove it). 903
     * rule 399 only keeps such reviews out of the SSDA903 return, so it never refuses a review being recorded.
     */
    @Nested
    class ShortBreaks {

        private LookedAfterReviewHeld held(LocalDate on) {
            return new LookedAfterReviewHeld(CHILD, PERIOD, REVIEW, on, ParticipationCode.PN1, true,
                    List.of(DECISION), List.of(RECOMMENDATION), Iros.IRO.username(), Iros.IRO.displayName());
        }

        @Test
        void aPeriodOfShortBreaksOnlyIsReviewed() {
            care.fixture.given(started(STARTED, LegalStatus.V3))
                    .when(review(REVIEW, HELD, ParticipationCode.PN1))
                    .expectEvents(held(HELD));
        }

        @Test
        void aPeriodThatMovedBetweenTheTwoShortBreakStatusesIsReviewed() {
            care.fixture.given(started(STARTED, LegalStatus.V3),
                            new LegalStatusChanged(CHILD, PERIOD, STARTED.plusDays(7), LegalStatus.V3, LegalStatus.V4))
                    .when(review(REVIEW, HELD, ParticipationCode.PN1))
                    .expectEvents(held(HELD));
        }

        @Test
        void aReviewBeforeAShortBreaksPeriodLeftShortBreaksIsAccepted() {
            care.fixture.given(started(STARTED, LegalStatus.V4),
                            new LegalStatusChanged(CHILD, PERIOD, HELD, LegalStatus.V4, LegalStatus.C2))
                    .when(review(REVIEW, HELD.minusDays(1), ParticipationCode.PN1))
                    .expectEvents(held(HELD.minusDays(1)));
        }

        @Test
        void aShortBreakReviewStillCannotPrecedeThePeriod() {
            care.fixture.given(started(STARTED, LegalStatus.V3))
                    .when(review(REVIEW, STARTED.minusDays(1), ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                    .expectNoEvents();
        }
    }

    @Nested
    class AgreedActions {

        @Test
        void anActionDueBeforeTheReviewIsRefusedAndNothingIsRecorded() {
            care.fixture.given(started())
                    .when(review(REVIEW, HELD, ParticipationCode.PN1,
                            new AgreedAction("Book a dental check", "Social worker", HELD.plusDays(10)),
                            new AgreedAction("Refer to CAMHS", "IRO", HELD.minusDays(1))))
                    .expectException(breaks(LookedAfterRule.ACTION_DUE_NOT_BEFORE_REVIEW))
                    .expectExceptionMessage(containsString("before the review that agreed it, on 28 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void anActionDueOnTheDayOfTheReviewIsAccepted() {
            care.fixture.given(started())
                    .when(review(REVIEW, HELD, ParticipationCode.PN1,
                            new AgreedAction("Tell the school about the move", "Social worker", HELD)))
                    .expectEvents(reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            new CarePlanActionAgreed(CHILD, LookedAfterIds.actionOf(REVIEW, 0), REVIEW,
                                    "Tell the school about the move", "Social worker", HELD, HELD));
        }

        @Test
        void anActionWithoutWordsIsRefused() {
            care.fixture.given(started())
                    .when(review(REVIEW, HELD, ParticipationCode.PN1, new AgreedAction("  ", "Social worker", HELD)))
                    .expectException(breaks(LookedAfterRule.ACTION_NEEDS_TEXT_AND_OWNER))
                    .expectExceptionMessage(containsString("what is to be done"))
                    .expectNoEvents();
        }

        @Test
        void anActionWithoutAnOwnerIsRefused() {
            care.fixture.given(started())
                    .when(review(REVIEW, HELD, ParticipationCode.PN1, new AgreedAction("Book a dental check", "", HELD)))
                    .expectException(breaks(LookedAfterRule.ACTION_NEEDS_TEXT_AND_OWNER))
                    .expectExceptionMessage(containsString("who is responsible"))
                    .expectNoEvents();
        }
    }
}
