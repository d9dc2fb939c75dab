package org.oversight.query.reviewrecord;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.lookedafter.ChildVoiceRecord;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.socialwork.SocialWorkRecord;

/**
 * What one looked-after review recorded, gathered from the child's records as they stand, for the two documents
 * made from it: the full record and the version written for the child. Both read these same facts, so the two
 * can never tell different stories. What stood around the review (the permanence plan, the social worker, the
 * health checks and PEP, the child's consultation and advocacy) is taken as it stood on the day of the review.
 *
 * @param privateConversation how the latest consultation before the review went, if one is recorded in the
 *                            period since the previous review
 * @param nextReviewDue       the last day the next review is in time, as the review clocks give it; {@code null}
 *                            when the period of care ended without one being due
 * @param nextReviewStandard  the timescale and its source, as the clocks say it
 * @param childFriendlySent   whether the child-friendly version went out with the record; {@code null} until the
 *                            record is distributed
 */
public record ReviewRecord(String childGivenName, String childName, String authorityName, LocalDate heldOn,
        String iroName, ParticipationCode participation, boolean consultedBefore,
        PrivateConversation privateConversation, ChildChairing chairing, List<String> decisions,
        List<String> recommendations, List<AgreedAction> actions, PermanencePlan permanencePlan,
        LocalDate nextReviewDue, String nextReviewStandard, String socialWorker, String socialWorkerTeam,
        LocalDate lastHealthAssessment, LocalDate lastDentalCheck, LocalDate lastEducationPlan,
        AdvocacyStep advocacy, LocalDate advocacyOn, LocalDate distributedOn, Boolean childFriendlySent) {

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A care plan action agreed at the review, as it now stands. */
    public record AgreedAction(String action, String owner, LocalDate dueOn, String status) {

        public String dueText() {
            return spoken(dueOn);
        }
    }

    public ReviewRecord {
        decisions = List.copyOf(decisions);
        recommendations = List.copyOf(recommendations);
        actions = List.copyOf(actions);
    }

    /**
     * The review {@code reviewId} of the child's looked-after record, or empty when the record holds no such
     * review.
     *
     * @param clocks the child's clocks as derived today; the next review's due date is the one the clock started
     *               by this review gives
     */
    public static Optional<ReviewRecord> of(String reviewId, String givenName, String familyName,
            String authorityName, LookedAfterRecord care, ChildVoiceRecord voice, SocialWorkRecord socialWork,
            HealthAndEducationRecord health, List<StatutoryClock> clocks) {
        return care.review(reviewId).map(review -> {
            LocalDate held = review.heldOn();
            LocalDate previousReview = care.reviews().stream()
                    .filter(r -> r.periodId().equals(review.periodId()) && r.heldOn().isBefore(held))
                    .map(LookedAfterRecord.Review::heldOn).max(Comparator.naturalOrder()).orElse(null);
            LocalDate periodStart = care.periods().stream().filter(p -> p.periodId().equals(review.periodId()))
                    .map(LookedAfterRecord.Period::startedOn).findFirst().orElse(held);
            PrivateConversation conversation = care.consultations().stream()
                    .filter(c -> !c.consultedOn().isAfter(held) && !c.consultedOn().isBefore(periodStart)
                            && (previousReview == null || c.consultedOn().isAfter(previousReview)))
                    .max(Comparator.comparing(LookedAfterRecord.Consultation::consultedOn))
                    .map(LookedAfterRecord.Consultation::privateConversation)
                    .filter(p -> p != PrivateConversation.NOT_ASKED_WHEN_RECORDED).orElse(null);
            List<AgreedAction> actions = care.actions().stream().filter(a -> reviewId.equals(a.reviewId()))
                    .sorted(Comparator.comparing(LookedAfterRecord.Action::dueOn))
                    .map(a -> new AgreedAction(a.action(), a.owner(), a.dueOn(), a.status().title())).toList();
            PermanencePlan plan = care.permanencePlans().stream()
                    .filter(p -> p.periodId().equals(review.periodId()) && !p.recordedOn().isAfter(held))
                    .max(Comparator.comparing(LookedAfterRecord.PermanencePlanEntry::recordedOn))
                    .map(LookedAfterRecord.PermanencePlanEntry::plan).orElse(null);
            // a period that ended has no review after its last one: the clocks of a later period are not its own
            LocalDate periodEnd = care.periods().stream().filter(p -> p.periodId().equals(review.periodId()))
                    .map(LookedAfterRecord.Period::endedOn).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(LocalDate.MAX);
            Optional<StatutoryClock> next = clocks.stream()
                    .filter(c -> "lac-review".equals(c.kind()) && !c.startedOn().isBefore(held)
                            && c.startedOn().isBefore(periodEnd) && c.due().date().isAfter(held))
                    .min(Comparator.comparing(StatutoryClock::startedOn));
            Optional<SocialWorkRecord.Allocation> worker = socialWork.allocatedOn(held);
            Optional<ChildVoiceRecord.Advocacy> advocacy = voice.advocacy().stream()
                    .filter(a -> !a.on().isAfter(held)).findFirst();
            return new ReviewRecord(givenName, name(givenName, familyName), authorityName, held,
                    review.iroName(), review.participation(), review.consultedBefore(), conversation,
                    voice.chairingOf(reviewId).orElse(null), review.decisions(), review.recommendations(), actions,
                    plan, next.map(c -> c.due().date()).orElse(null), next.map(StatutoryClock::standard).orElse(null),
                    worker.map(SocialWorkRecord.Allocation::worker).orElse(null),
                    worker.map(SocialWorkRecord.Allocation::team).orElse(null),
                    latest(health, review.periodId(), held, HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                            HealthCheck.REVIEW_HEALTH_ASSESSMENT),
                    latest(health, review.periodId(), held, HealthCheck.DENTAL_CHECK),
                    health.educationPlansOf(review.periodId(), held).stream().reduce((a, b) -> b).orElse(null),
                    advocacy.map(ChildVoiceRecord.Advocacy::step).orElse(null),
                    advocacy.map(ChildVoiceRecord.Advocacy::on).orElse(null), review.distributedOn(),
                    review.childFriendlyVersion());
        });
    }

    private static String name(String givenName, String familyName) {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return name.isEmpty() ? "the child" : name;
    }

    private static LocalDate latest(HealthAndEducationRecord health, String periodId, LocalDate asAt,
            HealthCheck... kinds) {
        LocalDate latest = null;
        for (HealthCheck kind : kinds) {
            for (LocalDate day : health.checksOf(periodId, kind, asAt)) {
                if (latest == null || day.isAfter(latest)) {
                    latest = day;
                }
            }
        }
        return latest;
    }

    /** A date as the documents say it: "3 March 2026"; blank for none. */
    public static String spoken(LocalDate date) {
        return date == null ? "" : date.format(SPOKEN);
    }

    /** {@link #spoken(LocalDate)}, for the templates. */
    public String day(LocalDate date) {
        return spoken(date);
    }

    public String heldOnText() {
        return spoken(heldOn);
    }

    public String nextReviewDueText() {
        return spoken(nextReviewDue);
    }

    public boolean distributed() {
        return distributedOn != null;
    }

    /** Whether the full record was sent, and when, in words. */
    public String fullRecordSentText() {
        return distributedOn == null ? "Not yet sent" : "Sent on " + spoken(distributedOn);
    }

    /** Whether the child-friendly version was sent, and when, in words. */
    public String childFriendlySentText() {
        if (distributedOn == null) {
            return "Not yet sent";
        }
        return Boolean.TRUE.equals(childFriendlySent) ? "Sent on " + spoken(distributedOn) : "Not sent";
    }
}
