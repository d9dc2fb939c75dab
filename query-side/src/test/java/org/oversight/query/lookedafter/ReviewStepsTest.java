package org.oversight.query.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.query.lookedafter.LookedAfterRecord.Consultation;
import org.oversight.query.lookedafter.LookedAfterRecord.MidwayCheck;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;
import org.oversight.query.lookedafter.ReviewSteps.Status;
import org.oversight.query.lookedafter.ReviewSteps.Step;

class ReviewStepsTest {

    private static final LocalDate STARTED = LocalDate.of(2026, 3, 2);
    private static final LocalDate FIRST_REVIEW = LocalDate.of(2026, 3, 27);

    private static Period open() {
        return new Period("p1", STARTED, LegalStatus.C2, LegalStatus.C2, "U6", null, null, List.of());
    }

    private static Review review(LocalDate on, LocalDate decisionsSent, LocalDate distributed) {
        return new Review("r1", "p1", on, ParticipationCode.PN1, true, true, List.of(), List.of(), "Ben Brown",
                distributed, distributed == null ? null : true, decisionsSent);
    }

    private static Consultation spokenTo(LocalDate on) {
        return new Consultation(on, ConsultationMethod.IN_PERSON, true, "Ben Brown", PrivateConversation.SPOKE_IN_PRIVATE);
    }

    private static LookedAfterRecord record(List<Period> periods, List<Review> reviews, List<Consultation> spoken,
            List<MidwayCheck> midway) {
        return new LookedAfterRecord(LocalDate.of(2026, 6, 1), periods, reviews, List.of(), spoken, List.of(), midway,
                List.of(), List.of(), List.of(), 0);
    }

    private static Status status(List<Step> steps, String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().status();
    }

    @Test
    void noPeriodOpenMeansNoSteps() {
        Period ended = new Period("p1", STARTED, LegalStatus.C2, LegalStatus.C2, "U6", FIRST_REVIEW,
                ReasonPeriodEnded.E4A, List.of());
        assertThat(ReviewSteps.of(record(List.of(ended), List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void beforeTheFirstReviewTheMidwayCheckCannotStartAndASpeakingOnTheFirstDayCounts() {
        ReviewSteps steps = ReviewSteps.of(record(List.of(open()), List.of(), List.of(spokenTo(STARTED)), List.of()))
                .orElseThrow();

        assertThat(steps.latest()).isNull();
        assertThat(steps.afterLatest()).isEmpty();
        assertThat(status(steps.beforeNext(), "consultation")).isEqualTo(Status.COMPLETED);
        assertThat(status(steps.beforeNext(), "midway")).isEqualTo(Status.CANNOT_START_YET);
        assertThat(steps.beforeNext().get(1).linked()).isFalse();
        assertThat(steps.beforeNext().get(2).name()).isEqualTo("Hold the first review");
    }

    @Test
    void afterAReviewItsPapersAreIncompleteUntilSentAndOnlyLaterConsultationsAndChecksCount() {
        ReviewSteps steps = ReviewSteps.of(record(List.of(open()), List.of(review(FIRST_REVIEW, null, null)),
                List.of(spokenTo(FIRST_REVIEW), spokenTo(STARTED)),
                List.of(new MidwayCheck(FIRST_REVIEW, MidwayFinding.PLAN_ON_TRACK, "Ben Brown")))).orElseThrow();

        assertThat(status(steps.afterLatest(), "decisions")).isEqualTo(Status.INCOMPLETE);
        assertThat(status(steps.afterLatest(), "record")).isEqualTo(Status.INCOMPLETE);
        assertThat(steps.afterLatest().get(0).href("c1")).isEqualTo("/children/c1/looked-after/decisions-sent?review=r1");
        // spoken to on the review's own day belongs to that review, not the next
        assertThat(status(steps.beforeNext(), "consultation")).isEqualTo(Status.NOT_YET_STARTED);
        assertThat(status(steps.beforeNext(), "midway")).isEqualTo(Status.NOT_YET_STARTED);
        assertThat(steps.beforeNext().get(0).href("c1")).isEqualTo("/children/c1/looked-after/consultation");
    }

    @Test
    void sentPapersAndLaterStepsAreCompletedWithTheirDays() {
        LocalDate sent = FIRST_REVIEW.plusDays(3);
        LocalDate midway = LocalDate.of(2026, 5, 11);
        ReviewSteps steps = ReviewSteps.of(record(List.of(open()), List.of(review(FIRST_REVIEW, sent, sent)),
                List.of(spokenTo(midway)), List.of(new MidwayCheck(midway, MidwayFinding.CONCERNS_NOTED,
                        "Ben Brown")))).orElseThrow();

        assertThat(steps.afterLatest()).extracting(Step::status).containsOnly(Status.COMPLETED);
        assertThat(steps.afterLatest()).extracting(Step::doneOn).containsOnly(sent);
        assertThat(status(steps.beforeNext(), "consultation")).isEqualTo(Status.COMPLETED);
        assertThat(status(steps.beforeNext(), "midway")).isEqualTo(Status.COMPLETED);
        assertThat(steps.beforeNext().get(2).name()).isEqualTo("Hold the next review");
    }
}
