package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;

/** Sending out a review's decisions (the decision letter): once, for a review that exists, not before it. */
class ReviewDecisionsSentTest {

    private static final LocalDate HELD = LocalDate.of(2026, 1, 28);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void decisionsSentTheDayOfTheReviewAreAccepted() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordDecisionsSent(CHILD, REVIEW, HELD))
                .expectEvents(new ReviewDecisionsSent(CHILD, REVIEW, HELD))
                .expectResultMessagePayload(2L);
    }

    @Test
    void decisionsAreSentIndependentlyOfTheFullRecord() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                        new ReviewRecordDistributed(CHILD, REVIEW, HELD.plusDays(3), false))
                .when(new RecordDecisionsSent(CHILD, REVIEW, HELD.plusDays(1)))
                .expectEvents(new ReviewDecisionsSent(CHILD, REVIEW, HELD.plusDays(1)));
    }

    @Test
    void decisionsSentBeforeTheReviewAreRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordDecisionsSent(CHILD, REVIEW, HELD.minusDays(1)))
                .expectException(breaks(LookedAfterRule.DECISIONS_NOT_BEFORE_REVIEW))
                .expectExceptionMessage(containsString("held on 28 January 2026"))
                .expectNoEvents();
    }

    @Test
    void theCorrectedReviewDateIsTheOneThatCounts() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                        new ReviewDateCorrected(CHILD, REVIEW, HELD, HELD.plusDays(2), "Typed wrongly"))
                .when(new RecordDecisionsSent(CHILD, REVIEW, HELD.plusDays(1)))
                .expectException(breaks(LookedAfterRule.DECISIONS_NOT_BEFORE_REVIEW))
                .expectNoEvents();
    }

    @Test
    void decisionsSentTomorrowAreRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordDecisionsSent(CHILD, REVIEW, TODAY.plusDays(1)))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void decisionsAreSentOnce() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1),
                        new ReviewDecisionsSent(CHILD, REVIEW, HELD.plusDays(1)))
                .when(new RecordDecisionsSent(CHILD, REVIEW, TODAY))
                .expectException(breaks(LookedAfterRule.DECISIONS_SENT_ONCE))
                .expectExceptionMessage(containsString("already sent, on 29 January 2026"))
                .expectNoEvents();
    }

    @Test
    void decisionsOfAnUnknownReviewAreRefused() {
        care.fixture.given(started(), reviewed(REVIEW, HELD, ParticipationCode.PN1))
                .when(new RecordDecisionsSent(CHILD, "review-9", TODAY))
                .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST))
                .expectNoEvents();
    }
}
