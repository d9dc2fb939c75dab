package org.oversight.query.lookedafter;

import org.oversight.events.StreamIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;

/**
 * A child's looked-after journey as the IRO reads it on the child's page, newest first, as it stood on
 * {@code asAt} (the query's today, from the injected clock): whether an action is overdue depends on it.
 *
 * @param iroChangesInCurrentPeriod changes of IRO taking effect on or after the current period's start; 0 when
 *                                  the child is not looked after now
 */
public record LookedAfterRecord(LocalDate asAt, List<Period> periods, List<Review> reviews, List<Action> actions,
        List<Consultation> consultations, List<Visit> visits, List<MidwayCheck> midwayChecks,
        List<EarlyReviewRequest> earlyReviewRequests, List<PermanencePlanEntry> permanencePlans,
        List<Correction> corrections, int iroChangesInCurrentPeriod) {

    /**
     * A period of care with its current legal status and placement: those of its latest change, else those it
     * started with.
     */
    public record Period(String periodId, LocalDate startedOn, LegalStatus startLegalStatus, LegalStatus legalStatus,
            String placement, LocalDate endedOn, ReasonPeriodEnded endReason, List<Change> changes) {

        public boolean open() {
            return endedOn == null;
        }
    }

    /** A change of legal status ({@code LEGAL_STATUS}) or placement ({@code PLACEMENT}) inside a period. */
    public record Change(String kind, LocalDate changedOn, String from, String to) {

        public boolean legalStatus() {
            return "LEGAL_STATUS".equals(kind);
        }
    }

    /**
     * A review as it stands after any correction.
     *
     * @param consultedBefore whether the child's voice was sought before the review: the IRO said at the review
     *                        that they spoke to the child beforehand, or a consultation is recorded in the period on
     *                        or before the review's day and after the period's previous review
     */
    public record Review(String reviewId, String periodId, LocalDate heldOn, ParticipationCode participation,
            boolean spokeToChildBeforehand, boolean consultedBefore, List<String> decisions,
            List<String> recommendations, String iroName, LocalDate distributedOn, Boolean childFriendlyVersion,
            LocalDate decisionsSentOn) {

        public boolean distributed() {
            return distributedOn != null;
        }

        public boolean decisionsSent() {
            return decisionsSentOn != null;
        }
    }

    public enum ActionStatus {
        OPEN("Open"), OVERDUE("Overdue"), COMPLETED("Completed"), CANCELLED("Cancelled");

        private final String title;

        ActionStatus(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A care plan action as it stands. {@code status} is {@link ActionStatus#OVERDUE} for an open action whose due
     * date is before {@code asAt}: an action due today is not yet overdue.
     *
     * @param closedOn the day it was completed or cancelled
     * @param changes  how many times it was changed after it was agreed
     */
    public record Action(String actionId, String reviewId, String action, String owner, LocalDate dueOn,
            LocalDate agreedOn, ActionStatus status, LocalDate closedOn, String cancelReason, int changes) {

        public boolean open() {
            return status == ActionStatus.OPEN || status == ActionStatus.OVERDUE;
        }

        public boolean overdue() {
            return status == ActionStatus.OVERDUE;
        }
    }

    /** @param privateConversation whether the IRO spoke to the child in private, or why not (reg 36) */
    public record Consultation(LocalDate consultedOn, ConsultationMethod method, boolean seenAlone, String iroName,
            PrivateConversation privateConversation) {

        /** Whether it meets the consultation clock before a review. */
        public boolean meetsConsultationClock() {
            return privateConversation.meetsConsultationClock();
        }
    }

    public record Visit(LocalDate visitedOn, boolean faceToFace, String iroName) {
    }

    public record MidwayCheck(LocalDate checkedOn, MidwayFinding finding, String iroName) {
    }

    public record EarlyReviewRequest(LocalDate requestedOn, EarlyReviewReason reason, String iroName) {
    }

    public record PermanencePlanEntry(String periodId, LocalDate recordedOn, PermanencePlan plan,
            PermanencePlan previous) {
    }

    /**
     * One of the IRO's contacts or checks between reviews, for a single list on the child's page.
     *
     * @param kind   "Consultation", "Visit or contact", "Midway check" or "Early review requested"
     * @param detail how it went, in words
     */
    public record Monitoring(LocalDate on, String kind, String detail, String iroName) {
    }

    /** @param what {@code REVIEW_DATE} or {@code PARTICIPATION} */
    public record Correction(String reviewId, String what, String recordedAs, String correctedTo, String reason) {

        public String title() {
            return "REVIEW_DATE".equals(what) ? "Review date" : "Participation code";
        }
    }

    /** The identifier of the looked-after journey whose events this record shows. */
    public static String aggregateOf(String childId) {
        return StreamIds.careOf(childId);
    }

    /** The period the child is looked after in now, if any. */
    public Optional<Period> currentPeriod() {
        return periods.stream().filter(Period::open).findFirst();
    }

    /** The permanence plan of the current period, if one is recorded. */
    public Optional<PermanencePlanEntry> currentPermanencePlan() {
        return currentPeriod().flatMap(period -> permanencePlans.stream()
                .filter(plan -> plan.periodId().equals(period.periodId())).findFirst());
    }

    public Optional<Review> latestReview() {
        return reviews.stream().findFirst();
    }

    public Optional<Action> action(String actionId) {
        return actions.stream().filter(action -> action.actionId().equals(actionId)).findFirst();
    }

    public Optional<Review> review(String reviewId) {
        return reviews.stream().filter(review -> review.reviewId().equals(reviewId)).findFirst();
    }

    public List<Action> openActions() {
        return actions.stream().filter(Action::open).toList();
    }

    public long overdueActions() {
        return actions.stream().filter(Action::overdue).count();
    }

    /** Consultations, visits, midway checks and early review requests together, newest first. */
    public List<Monitoring> monitoring() {
        List<Monitoring> all = new ArrayList<>();
        consultations.forEach(c -> all.add(new Monitoring(c.consultedOn(), "Consultation",
                c.method().title() + (c.seenAlone() ? "; seen alone" : "; not seen alone")
                        + (c.privateConversation() == PrivateConversation.NOT_ASKED_WHEN_RECORDED ? ""
                                : "; " + c.privateConversation().title().toLowerCase(java.util.Locale.UK)),
                c.iroName())));
        visits.forEach(v -> all.add(new Monitoring(v.visitedOn(), "Visit or contact",
                v.faceToFace() ? "Face to face" : "Not face to face", v.iroName())));
        midwayChecks.forEach(m -> all.add(new Monitoring(m.checkedOn(), "Midway check", m.finding().title(),
                m.iroName())));
        earlyReviewRequests.forEach(r -> all.add(new Monitoring(r.requestedOn(), "Early review requested",
                r.reason().title(), r.iroName())));
        all.sort(Comparator.comparing(Monitoring::on).reversed());
        return all;
    }

    public boolean empty() {
        return periods.isEmpty();
    }

    /** The current period's review steps, for the task list on the child's page. */
    public Optional<ReviewSteps> reviewSteps() {
        return ReviewSteps.of(this);
    }
}
