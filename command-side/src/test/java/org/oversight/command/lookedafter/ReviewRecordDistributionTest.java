package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReviewRecordDistributed;

/** Sending out a review's record: once, for a review that exists, not before it was held. */
class ReviewRecordDistributionTest {

    private static final LocalDate HELD = LocalDate.of(2026, 1, 28);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void aRecordSentOnTheDayOfTheReviewIsAccepted() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordReviewDistribution(CHILD, REVIEW, HELD, true))
                .expectEvents(new ReviewRecordDistributed(CHILD, REVIEW, HELD, true))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aRecordMayBeSentAfterThePeriodEnded() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1), ended(HELD.plusDays(1)))
                .when(new RecordReviewDistribution(CHILD, REVIEW, TODAY, false))
                .expectEvents(new ReviewRecordDistributed(CHILD, REVIEW, TODAY, false));
    }

    @Test
    void aRecordSentBeforeTheReviewWasHeldIsRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordReviewDistribution(CHILD, REVIEW, HELD.minusDays(1), false))
                .expectException(breaks(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW))
                .expectExceptionMessage(containsString("held on 28 January 2026"))
                .expectNoEvents();
    }

    @Test
    void aRecordSentTomorrowIsRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordReviewDistribution(CHILD, REVIEW, TODAY.plusDays(1), false))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void aSecondDistributionOfTheSameRecordIsRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                        new ReviewRecordDistributed(CHILD, REVIEW, HELD.plusDays(5), false))
                .when(new RecordReviewDistribution(CHILD, REVIEW, TODAY, true))
                .expectException(breaks(LookedAfterRule.DISTRIBUTED_ONCE))
                .expectExceptionMessage(containsString("already distributed, on 2 February 2026"))
                .expectNoEvents();
    }

    @Test
    void aRecordOfAnUnknownReviewIsRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordReviewDistribution(CHILD, "review-9", TODAY, true))
                .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST))
                .expectNoEvents();
    }

    @Test
    void noReviewExistsForAChildNeverLookedAfter() {
        care.fixture.givenNoPriorActivity()
                .when(new RecordReviewDistribution(CHILD, REVIEW, TODAY, true))
                .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST))
                .expectNoEvents();
    }
}
