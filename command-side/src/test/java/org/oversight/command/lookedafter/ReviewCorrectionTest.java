package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.agreed;
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
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewRecordDistributed;

/**
 * Corrections name the review they correct, what was recorded and why; the original stays. A corrected review
 * must still satisfy every rule the review met when it was recorded.
 */
class ReviewCorrectionTest {

    private static final LocalDate HELD = LocalDate.of(2026, 1, 28);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    private static CorrectReviewDate correctDate(LocalDate to) {
        return new CorrectReviewDate(CHILD, REVIEW, to, "Typed the wrong day");
    }

    @Nested
    class ReviewDate {

        @Test
        void aCorrectionNamesTheDateItReplacesAndWhy() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(new CorrectReviewDate(CHILD, REVIEW, HELD.minusDays(1), " Typed the wrong day "))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.minusDays(1), "Typed the wrong day"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aSecondCorrectionReplacesTheFirstCorrectedDate() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.minusDays(1), "Wrong day"))
                    .when(correctDate(HELD.minusDays(2)))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD.minusDays(1), HELD.minusDays(2),
                            "Typed the wrong day"));
        }

        @Test
        void laterReviewsFollowTheCorrectedDate() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.minusDays(10), "Wrong month end"))
                    .when(review("review-2", HELD.minusDays(9), ParticipationCode.PN1))
                    .expectEvents(reviewed("review-2", HELD.minusDays(9), ParticipationCode.PN1));
        }

        @Test
        void aCorrectionWithoutAReasonIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(new CorrectReviewDate(CHILD, REVIEW, HELD.minusDays(1), " "))
                    .expectException(breaks(LookedAfterRule.CORRECTION_NEEDS_REASON))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionOfAnUnknownReviewIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(new CorrectReviewDate(CHILD, "review-9", HELD.minusDays(1), "Wrong day"))
                    .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionToTheDateAlreadyRecordedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctDate(HELD))
                    .expectException(breaks(LookedAfterRule.CORRECTION_CHANGES_RECORD))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionIntoTheFutureIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctDate(TODAY.plusDays(1)))
                    .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionToBeforeThePeriodStartedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctDate(STARTED.minusDays(1)))
                    .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionToAfterThePeriodEndedIsRefusedButItsLastDayIsAccepted() {
            LocalDate end = HELD.plusDays(5);
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1), ended(end))
                    .when(correctDate(end.plusDays(1)))
                    .expectException(breaks(LookedAfterRule.NOT_AFTER_PERIOD_END))
                    .expectExceptionMessage(containsString("ended on 2 February 2026"));
            setUp();
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1), ended(end))
                    .when(correctDate(end))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD, end, "Typed the wrong day"));
        }

        @Test
        void aCorrectionOntoThePreviousReviewsDayIsRefused() {
            care.fixture.given(started(), reviewed("review-0", HELD.minusDays(10), ParticipationCode.PN1),
                            reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctDate(HELD.minusDays(10)))
                    .expectException(breaks(LookedAfterRule.REVIEWS_IN_ORDER))
                    .expectExceptionMessage(containsString("review before this one was held on 18 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionOntoTheNextReviewsDayIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            reviewed("review-2", HELD.plusDays(10), ParticipationCode.PN1))
                    .when(correctDate(HELD.plusDays(10)))
                    .expectException(breaks(LookedAfterRule.REVIEWS_IN_ORDER))
                    .expectExceptionMessage(containsString("review after this one was held on 7 February 2026"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionBetweenItsNeighboursIsAccepted() {
            care.fixture.given(started(), reviewed("review-0", HELD.minusDays(10), ParticipationCode.PN1),
                            reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            reviewed("review-2", HELD.plusDays(10), ParticipationCode.PN1))
                    .when(correctDate(HELD.plusDays(9)))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.plusDays(9),
                            "Typed the wrong day"));
        }

        @Test
        void aCorrectionIntoTheTimeThePeriodWasOnlyShortBreaksIsAccepted() {
            care.fixture.given(started(STARTED, LegalStatus.V3),
                            new LegalStatusChanged(CHILD, PERIOD, HELD.minusDays(8), LegalStatus.V3, LegalStatus.C2),
                            reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctDate(HELD.minusDays(9)))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.minusDays(9), "Typed the wrong day"));
        }

        @Test
        void aCorrectionAfterTheDueDateOfAnActionAgreedAtTheReviewIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            agreed("action-1", HELD, HELD.plusDays(3)))
                    .when(correctDate(HELD.plusDays(4)))
                    .expectException(breaks(LookedAfterRule.ACTION_DUE_NOT_BEFORE_REVIEW))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionAfterAnActionAgreedAtTheReviewWasCompletedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            agreed("action-1", HELD, HELD.plusDays(30)),
                            new CarePlanActionCompleted(CHILD, "action-1", HELD.plusDays(2)))
                    .when(correctDate(HELD.plusDays(3)))
                    .expectException(breaks(LookedAfterRule.ACTION_NOT_BEFORE_AGREEMENT))
                    .expectExceptionMessage(containsString("was completed on 30 January 2026"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionAfterTheRecordWasDistributedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            new ReviewRecordDistributed(CHILD, REVIEW, HELD.plusDays(2), true))
                    .when(correctDate(HELD.plusDays(3)))
                    .expectException(breaks(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionMovingAPn0ReviewPastTheFourthBirthdayIsRefused() {
            LocalDate fourthBirthday = LocalDate.of(2026, 2, 1);
            care.registered("toddler", fourthBirthday.minusYears(4));
            care.fixture.given(new PeriodOfCareStarted("toddler", PERIOD, STARTED, LegalStatus.C1, "U4"),
                            new LookedAfterReviewHeld("toddler", PERIOD, REVIEW, fourthBirthday, ParticipationCode.PN0,
                                    false, List.of(), List.of(), Iros.IRO.username(), Iros.IRO.displayName()))
                    .when(new CorrectReviewDate("toddler", REVIEW, fourthBirthday.plusDays(1), "Wrong day"))
                    .expectException(breaks(LookedAfterRule.PARTICIPATION_MATCHES_AGE))
                    .expectNoEvents();
        }

        @Test
        void aReviewOfAnEndedPeriodCanStillBeCorrected() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1), ended(HELD.plusDays(5)))
                    .when(correctDate(HELD.minusDays(1)))
                    .expectEvents(new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.minusDays(1),
                            "Typed the wrong day"));
        }
    }

    @Nested
    class Participation {

        private static CorrectParticipation correctTo(ParticipationCode code) {
            return new CorrectParticipation(CHILD, REVIEW, code, "The advocate spoke for the child");
        }

        @Test
        void aCorrectionNamesTheCodeItReplacesAndWhy() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctTo(ParticipationCode.PN2))
                    .expectEvents(new ParticipationCorrected(CHILD, REVIEW, ParticipationCode.PN1,
                            ParticipationCode.PN2, "The advocate spoke for the child"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aSecondCorrectionReplacesTheFirstCorrectedCode() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                            new ParticipationCorrected(CHILD, REVIEW, ParticipationCode.PN1, ParticipationCode.PN2, "x"))
                    .when(correctTo(ParticipationCode.PN5))
                    .expectEvents(new ParticipationCorrected(CHILD, REVIEW, ParticipationCode.PN2,
                            ParticipationCode.PN5, "The advocate spoke for the child"));
        }

        @Test
        void correctingToPn0ForAChildOfFourOrOverIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctTo(ParticipationCode.PN0))
                    .expectException(breaks(LookedAfterRule.PARTICIPATION_MATCHES_AGE))
                    .expectNoEvents();
        }

        @Test
        void correctingToTheCodeAlreadyRecordedIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(correctTo(ParticipationCode.PN1))
                    .expectException(breaks(LookedAfterRule.CORRECTION_CHANGES_RECORD))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionWithoutAReasonIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(new CorrectParticipation(CHILD, REVIEW, ParticipationCode.PN2, ""))
                    .expectException(breaks(LookedAfterRule.CORRECTION_NEEDS_REASON))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionOfAnUnknownReviewIsRefused() {
            care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                    .when(new CorrectParticipation(CHILD, "review-9", ParticipationCode.PN2, "Wrong code"))
                    .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST))
                    .expectNoEvents();
        }

        @Test
        void theAgeGuardUsesTheCorrectedReviewDate() {
            LocalDate fourthBirthday = LocalDate.of(2026, 2, 1);
            care.registered("toddler", fourthBirthday.minusYears(4));
            care.fixture.given(new PeriodOfCareStarted("toddler", PERIOD, STARTED, LegalStatus.C1, "U4"),
                            new LookedAfterReviewHeld("toddler", PERIOD, REVIEW, fourthBirthday.plusDays(3),
                                    ParticipationCode.PN1, true, List.of(), List.of(), Iros.IRO.username(),
                                    Iros.IRO.displayName()),
                            new ReviewDateCorrected("toddler", REVIEW, fourthBirthday.plusDays(3),
                                    fourthBirthday.minusDays(1), "Wrong day"))
                    .when(new CorrectParticipation("toddler", REVIEW, ParticipationCode.PN0, "Under 4 on the day"))
                    .expectEvents(new ParticipationCorrected("toddler", REVIEW, ParticipationCode.PN1,
                            ParticipationCode.PN0, "Under 4 on the day"));
        }
    }
}
