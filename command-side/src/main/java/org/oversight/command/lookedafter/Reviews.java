package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.lookedafter.PeriodsOfCare.notBeforeStart;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.directory.Chair;
import org.oversight.command.lookedafter.PeriodsOfCare.Period;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;

/**
 * The IRO's reviews of the child's periods of care: held one after another inside a period, their record
 * distributed and decisions sent once each, and their date or participation code corrected with a reason. A
 * member of the {@link LookedAfterJourney}; the care plan actions agreed at a review are {@link CarePlanActions}.
 */
final class Reviews {

    private final Map<String, Review> reviews = new HashMap<>();

    /** Holds the review in the open period, with the actions agreed at it: all of them recorded, or none. */
    void hold(HoldLookedAfterReview command, Chair iro, LocalDate dateOfBirth, LocalDate today,
            PeriodsOfCare periods, CarePlanActions actions) {
        if (reviews.containsKey(command.reviewId())) {
            throw new RuleViolation(LookedAfterRule.IDENTIFIER_NOT_REUSED, "reviewId",
                    "This review is already recorded; reload the page to see it");
        }
        Period period = periods.open("heldOn", "a review");
        LocalDate heldOn = command.heldOn();
        notInFuture(heldOn, today, "heldOn", "A review");
        notBeforeStart(period, heldOn, "heldOn", "A review");
        Optional<Review> previous = latestIn(period);
        if (previous.isPresent() && !heldOn.isAfter(previous.get().heldOn())) {
            throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "heldOn",
                    "The previous review in this period was held on " + spoken(previous.get().heldOn())
                            + "; a later review is held after that day");
        }
        participationMatchesAge(command.participation(), dateOfBirth, heldOn, "participation");
        actions.mayBeAgreed(command.actions(), heldOn);
        apply(new LookedAfterReviewHeld(command.childId(), period.id(), command.reviewId(), heldOn,
                command.participation(), command.spokeToChildBeforehand(), stripped(command.decisions()),
                stripped(command.recommendations()), iro.username(), iro.displayName()));
        actions.agree(command);
    }

    /** A period does not end before its latest review: reviews happen while the child is looked after. */
    void periodMayEndOn(Period period, LocalDate endedOn) {
        Optional<Review> latestReview = latestIn(period);
        if (latestReview.isPresent() && endedOn.isBefore(latestReview.get().heldOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD, "endedOn",
                    "A review is recorded on " + spoken(latestReview.get().heldOn())
                            + "; the period cannot end before it");
        }
    }

    /** How the child took part in a review, refusing one the journey has not recorded. */
    ParticipationCode participationIn(String reviewId) {
        return existing(reviewId).participation();
    }

    /** The day a recorded review was held (as corrected), which its agreed actions are dated against. */
    LocalDate heldOn(String reviewId) {
        return reviews.get(reviewId).heldOn();
    }

    void recordDistribution(RecordReviewDistribution command, LocalDate today) {
        Review review = existing(command.reviewId());
        if (review.distributedOn() != null) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTED_ONCE, "reviewId",
                    "The record of this review was already distributed, on " + spoken(review.distributedOn()));
        }
        notInFuture(command.distributedOn(), today, "distributedOn", "Distributing a review record");
        if (command.distributedOn().isBefore(review.heldOn())) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW, "distributedOn",
                    "The review was held on " + spoken(review.heldOn()) + "; its record cannot be sent before that");
        }
        apply(new ReviewRecordDistributed(command.childId(), review.id(), command.distributedOn(),
                command.childFriendlyVersion()));
    }

    void recordDecisionsSent(RecordDecisionsSent command, LocalDate today) {
        Review review = existing(command.reviewId());
        if (review.decisionsSentOn() != null) {
            throw new RuleViolation(LookedAfterRule.DECISIONS_SENT_ONCE, "reviewId",
                    "The decisions of this review were already sent, on " + spoken(review.decisionsSentOn()));
        }
        notInFuture(command.sentOn(), today, "sentOn", "Sending a review's decisions");
        if (command.sentOn().isBefore(review.heldOn())) {
            throw new RuleViolation(LookedAfterRule.DECISIONS_NOT_BEFORE_REVIEW, "sentOn",
                    "The review was held on " + spoken(review.heldOn()) + "; its decisions cannot be sent before that");
        }
        apply(new ReviewDecisionsSent(command.childId(), review.id(), command.sentOn()));
    }

    /**
     * A corrected date keeps the review inside its period and in its place among the period's reviews, fits the
     * child's age at the review, and stays on or before everything dated after the review: its actions' due
     * dates and steps, and its distribution.
     */
    void correctDate(CorrectReviewDate command, LocalDate dateOfBirth, LocalDate today, PeriodsOfCare periods,
            CarePlanActions actions) {
        correctionReasonGiven(command.reason());
        Review review = existing(command.reviewId());
        LocalDate correctedTo = command.correctedTo();
        if (review.heldOn().equals(correctedTo)) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The review is already recorded as held on " + spoken(correctedTo));
        }
        Period period = periods.period(review.periodId());
        notInFuture(correctedTo, today, "correctedTo", "A review");
        notBeforeStart(period, correctedTo, "correctedTo", "A review");
        if (period.endedOn() != null && correctedTo.isAfter(period.endedOn())) {
            throw new RuleViolation(LookedAfterRule.NOT_AFTER_PERIOD_END, "correctedTo",
                    "The review's period of care ended on " + spoken(period.endedOn())
                            + "; the review cannot be held after that");
        }
        staysBetweenNeighbours(period, review, correctedTo);
        participationMatchesAge(review.participation(), dateOfBirth, correctedTo, "correctedTo");
        actions.stillFitReviewOn(review.id(), correctedTo);
        if (review.distributedOn() != null && review.distributedOn().isBefore(correctedTo)) {
            throw new RuleViolation(LookedAfterRule.DISTRIBUTION_NOT_BEFORE_REVIEW, "correctedTo",
                    "The record of this review was distributed on " + spoken(review.distributedOn())
                            + ", before " + spoken(correctedTo));
        }
        apply(new ReviewDateCorrected(command.childId(), review.id(), review.heldOn(), correctedTo,
                command.reason().strip()));
    }

    /** A corrected review keeps its place among the period's reviews: after the one before, before the one after. */
    private void staysBetweenNeighbours(Period period, Review review, LocalDate correctedTo) {
        for (Review other : reviewsOf(period)) {
            if (other.id().equals(review.id())) {
                continue;
            }
            boolean before = other.heldOn().isBefore(review.heldOn());
            if (before && !correctedTo.isAfter(other.heldOn())) {
                throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "correctedTo",
                        "The review before this one was held on " + spoken(other.heldOn())
                                + "; this review is held after that day");
            }
            if (!before && !correctedTo.isBefore(other.heldOn())) {
                throw new RuleViolation(LookedAfterRule.REVIEWS_IN_ORDER, "correctedTo",
                        "The review after this one was held on " + spoken(other.heldOn())
                                + "; this review is held before that day");
            }
        }
    }

    void correctParticipation(CorrectParticipation command, LocalDate dateOfBirth) {
        correctionReasonGiven(command.reason());
        Review review = existing(command.reviewId());
        if (review.participation() == command.correctedTo()) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_CHANGES_RECORD, "correctedTo",
                    "The review is already recorded with " + command.correctedTo());
        }
        participationMatchesAge(command.correctedTo(), dateOfBirth, review.heldOn(), "correctedTo");
        apply(new ParticipationCorrected(command.childId(), review.id(), review.participation(),
                command.correctedTo(), command.reason().strip()));
    }

    /** 903 rules 440 and 441; on the 4th birthday itself either kind of code is accepted (see the rule). */
    private static void participationMatchesAge(ParticipationCode code, LocalDate dateOfBirth, LocalDate reviewOn,
            String field) {
        LocalDate fourthBirthday = dateOfBirth.plusYears(4);
        if (code.forChildUnderFour() && reviewOn.isAfter(fourthBirthday)) {
            throw new RuleViolation(LookedAfterRule.PARTICIPATION_MATCHES_AGE, field,
                    "PN0 is for a child under 4; the child turned 4 on " + spoken(fourthBirthday)
                            + ", before the review on " + spoken(reviewOn)
                            + ", so choose how they took part (PN1 to PN7)");
        }
        if (!code.forChildUnderFour() && reviewOn.isBefore(fourthBirthday)) {
            throw new RuleViolation(LookedAfterRule.PARTICIPATION_MATCHES_AGE, field,
                    "The child was under 4 at the review on " + spoken(reviewOn) + " (their 4th birthday is "
                            + spoken(fourthBirthday) + "), so their participation is recorded as PN0");
        }
    }

    private static void correctionReasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(LookedAfterRule.CORRECTION_NEEDS_REASON, "reason",
                    "Say why the record was wrong");
        }
    }

    private Review existing(String reviewId) {
        Review review = reviews.get(reviewId);
        if (review == null) {
            throw new RuleViolation(LookedAfterRule.REVIEW_MUST_EXIST, "reviewId",
                    "No review is recorded under this reference for this child");
        }
        return review;
    }

    private List<Review> reviewsOf(Period period) {
        return reviews.values().stream().filter(review -> review.periodId().equals(period.id())).toList();
    }

    private Optional<Review> latestIn(Period period) {
        return reviewsOf(period).stream().max(Comparator.comparing(Review::heldOn));
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    @EventSourcingHandler
    void on(LookedAfterReviewHeld event) {
        reviews.put(event.reviewId(), new Review(event.reviewId(), event.periodId(), event.heldOn(),
                event.participation(), null, null));
    }

    @EventSourcingHandler
    void on(ReviewRecordDistributed event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.distributed(event.distributedOn()));
    }

    @EventSourcingHandler
    void on(ReviewDecisionsSent event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.decisionsSent(event.sentOn()));
    }

    @EventSourcingHandler
    void on(ReviewDateCorrected event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.correctedTo(event.correctedTo()));
    }

    @EventSourcingHandler
    void on(ParticipationCorrected event) {
        reviews.computeIfPresent(event.reviewId(), (id, review) -> review.withParticipation(event.correctedTo()));
    }

    /** A review as it stands; replaced, never changed, as events arrive. */
    private record Review(String id, String periodId, LocalDate heldOn, ParticipationCode participation,
            LocalDate distributedOn, LocalDate decisionsSentOn) {

        private Review correctedTo(LocalDate on) {
            return new Review(id, periodId, on, participation, distributedOn, decisionsSentOn);
        }

        private Review withParticipation(ParticipationCode code) {
            return new Review(id, periodId, heldOn, code, distributedOn, decisionsSentOn);
        }

        private Review decisionsSent(LocalDate on) {
            return new Review(id, periodId, heldOn, participation, distributedOn, on);
        }

        private Review distributed(LocalDate on) {
            return new Review(id, periodId, heldOn, participation, on, decisionsSentOn);
        }
    }
}
