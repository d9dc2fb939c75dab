package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/**
 * 903 rules 440 and 441 at the edges: PN0 under 4, PN1 to PN7 from 4, and either on the 4th birthday itself,
 * as the DfE's validator has it (see {@link LookedAfterRule#PARTICIPATION_MATCHES_AGE}).
 */
class ParticipationAgeTest {

    private static final String TODDLER = "toddler";

    /** A journey whose clock reads {@code today}, for a child born on {@code dateOfBirth}. */
    private static JourneyFixture careFor(LocalDate dateOfBirth, LocalDate today) {
        return new JourneyFixture(today).registered(TODDLER, dateOfBirth);
    }

    private static void accepted(JourneyFixture care, LocalDate reviewOn, ParticipationCode code) {
        care.fixture.given(startedBefore(reviewOn))
                .when(review(reviewOn, code))
                .expectEvents(new LookedAfterReviewHeld(TODDLER, PERIOD, "review-" + reviewOn, reviewOn, code, true,
                        List.of(), List.of(), Iros.IRO.username(), Iros.IRO.displayName()));
    }

    private static void refused(JourneyFixture care, LocalDate reviewOn, ParticipationCode code, String saying) {
        care.fixture.given(startedBefore(reviewOn))
                .when(review(reviewOn, code))
                .expectException(breaks(LookedAfterRule.PARTICIPATION_MATCHES_AGE))
                .expectExceptionMessage(containsString(saying))
                .expectNoEvents();
    }

    private static PeriodOfCareStarted startedBefore(LocalDate reviewOn) {
        return new PeriodOfCareStarted(TODDLER, PERIOD, reviewOn.minusMonths(2), LegalStatus.C1, "U4");
    }

    private static HoldLookedAfterReview review(LocalDate on, ParticipationCode code) {
        return new HoldLookedAfterReview(TODDLER, "review-" + on, on, code, true, List.of(), List.of(),
                Iros.IRO.username(), List.of());
    }

    @Nested
    class AroundAnOrdinaryFourthBirthday {

        private static final LocalDate BORN = LocalDate.of(2022, 3, 1);
        private static final LocalDate FOURTH_BIRTHDAY = LocalDate.of(2026, 3, 1);
        private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

        @Test
        void theDayBeforeTheFourthBirthdayTheChildIsRecordedAsPn0() {
            accepted(careFor(BORN, TODAY), FOURTH_BIRTHDAY.minusDays(1), ParticipationCode.PN0);
        }

        @Test
        void theDayBeforeTheFourthBirthdayPn1IsRefused() {
            refused(careFor(BORN, TODAY), FOURTH_BIRTHDAY.minusDays(1), ParticipationCode.PN1,
                    "under 4 at the review on 28 February 2026 (their 4th birthday is 1 March 2026)");
        }

        @Test
        void reviewOnTheFourthBirthdayMayUsePn0() {
            accepted(careFor(BORN, TODAY), FOURTH_BIRTHDAY, ParticipationCode.PN0);
        }

        @Test
        void reviewOnTheFourthBirthdayMayUsePn1() {
            accepted(careFor(BORN, TODAY), FOURTH_BIRTHDAY, ParticipationCode.PN1);
        }

        @Test
        void theDayAfterTheFourthBirthdayPn0IsRefused() {
            refused(careFor(BORN, TODAY), FOURTH_BIRTHDAY.plusDays(1), ParticipationCode.PN0,
                    "turned 4 on 1 March 2026, before the review on 2 March 2026");
        }

        @Test
        void theDayAfterTheFourthBirthdayAnyOfPn1ToPn7IsAccepted() {
            accepted(careFor(BORN, TODAY), FOURTH_BIRTHDAY.plusDays(1), ParticipationCode.PN7);
        }
    }

    @Nested
    class BornOnALeapDay {

        private static final LocalDate BORN = LocalDate.of(2020, 2, 29);
        private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

        @Test
        void on28February2024TheChildIsStillUnderFour() {
            accepted(careFor(BORN, TODAY), LocalDate.of(2024, 2, 28), ParticipationCode.PN0);
            refused(careFor(BORN, TODAY), LocalDate.of(2024, 2, 28), ParticipationCode.PN2, "under 4");
        }

        @Test
        void on29February2024TheFourthBirthdayEitherCodeIsAccepted() {
            accepted(careFor(BORN, TODAY), LocalDate.of(2024, 2, 29), ParticipationCode.PN0);
            accepted(careFor(BORN, TODAY), LocalDate.of(2024, 2, 29), ParticipationCode.PN2);
        }

        @Test
        void on1March2024Pn0IsRefused() {
            refused(careFor(BORN, TODAY), LocalDate.of(2024, 3, 1), ParticipationCode.PN0,
                    "turned 4 on 29 February 2024");
        }
    }

    /**
     * Four years after 29 February is another 29 February, except across a century year that is not a leap
     * year: a child born on 29 February 2096 turns 4 in 2100, which has no 29 February. Both the DfE's validator
     * (pandas {@code DateOffset}) and {@code LocalDate.plusYears} then fall back to 28 February. No child on
     * today's records can be in this position; the case pins the calendar arithmetic the rule relies on.
     */
    @Nested
    class BornOnALeapDayWhoseFourthBirthdayYearHasNone {

        private static final LocalDate BORN = LocalDate.of(2096, 2, 29);
        private static final LocalDate TODAY = LocalDate.of(2100, 3, 10);

        @Test
        void on27February2100TheChildIsStillUnderFour() {
            refused(careFor(BORN, TODAY), LocalDate.of(2100, 2, 27), ParticipationCode.PN1,
                    "their 4th birthday is 28 February 2100");
        }

        @Test
        void on28February2100TheFourthBirthdayEitherCodeIsAccepted() {
            accepted(careFor(BORN, TODAY), LocalDate.of(2100, 2, 28), ParticipationCode.PN0);
            accepted(careFor(BORN, TODAY), LocalDate.of(2100, 2, 28), ParticipationCode.PN1);
        }

        @Test
        void on1March2100Pn0IsRefused() {
            refused(careFor(BORN, TODAY), LocalDate.of(2100, 3, 1), ParticipationCode.PN0,
                    "turned 4 on 28 February 2100");
        }
    }

    @Test
    void theAgeGuardReadsTheDateOfBirthFromTheChildsOwnCase() {
        // the default child, born 1 May 2019, is 6 at a 2026 review: PN0 is refused for them
        JourneyFixture care = new JourneyFixture();
        care.fixture.given(JourneyFixture.started())
                .when(new HoldLookedAfterReview(CHILD, "r", LocalDate.of(2026, 2, 2), ParticipationCode.PN0, true,
                        List.of(), List.of(), Iros.IRO.username(), List.of()))
                .expectException(breaks(LookedAfterRule.PARTICIPATION_MATCHES_AGE))
                .expectExceptionMessage(containsString("turned 4 on 1 May 2023"));
    }
}
