package org.oversight.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.query.protection.ReportedConferences;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionRecord;

/**
 * Builds a child's {@link ProtectionRecord} and {@link LookedAfterRecord} in memory by folding events read from the
 * event store, with the same meaning the projections give them (corrections applied, a plan starting on the date
 * of the conference that made it, actions agreed on their review's day). Fold only the events recorded by a
 * moment and the records are what the platform knew then; the existing clock derivation then works on them
 * unchanged.
 *
 * <p>Public so that the agreement test can hold these records against the projections' own, child by child.
 */
public final class RecordFold {

    private RecordFold() {
    }

    public static ProtectionRecord protection(List<RecordedEvent> events) {
        Map<String, Enquiry> enquiries = new LinkedHashMap<>();
        Map<String, Conference> conferences = new LinkedHashMap<>();
        Map<String, Plan> plans = new LinkedHashMap<>();
        List<ProtectionRecord.Correction> corrections = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            Object event = recorded.payload();
            if (event instanceof Section47EnquiryStarted e) {
                enquiries.computeIfAbsent(e.enquiryId(), id -> new Enquiry(id)).strategyOn = e.strategyDiscussionOn();
            } else if (event instanceof InitialConferenceNotRequired e) {
                Enquiry enquiry = enquiries.get(e.enquiryId());
                if (enquiry != null) {
                    enquiry.notRequiredOn = e.decidedOn();
                    enquiry.notRequiredReason = e.reason();
                }
            } else if (event instanceof InitialConferenceHeld e) {
                conferences.putIfAbsent(e.conferenceId(), new Conference(e.conferenceId(), e.type().name(),
                        e.heldOn(), null, e.quorate(), e.outcome().name(), null, e.attendingAgencies(),
                        e.childsView(), e.chairName(), e.siblingGroup()));
                if (e.enquiryId() != null && enquiries.containsKey(e.enquiryId())) {
                    enquiries.get(e.enquiryId()).initialConferenceId = e.conferenceId();
                }
            } else if (event instanceof ChildProtectionPlanStarted e) {
                Plan plan = plans.computeIfAbsent(e.planId(), Plan::new);
                plan.start = e.startDate();
                plan.startConference = e.conferenceId();
                plan.initialCategory = e.initialCategory();
                plan.previousPlans = e.previousPlans();
                Conference conference = conferences.get(e.conferenceId());
                if (conference != null) {
                    conference.planId = e.planId();
                    conference.category = e.initialCategory();
                }
            } else if (event instanceof ReviewConferenceHeld e) {
                conferences.putIfAbsent(e.conferenceId(), new Conference(e.conferenceId(), "REVIEW", e.heldOn(),
                        e.planId(), e.quorate(), e.planContinues() ? "CONTINUE" : "END", e.latestCategory(),
                        e.attendingAgencies(), e.childsView(), e.chairName(), e.siblingGroup()));
            } else if (event instanceof ChildProtectionPlanEnded e) {
                Plan plan = plans.get(e.planId());
                if (plan != null) {
                    plan.end = e.endDate();
                    plan.endReason = e.reason().name();
                }
            } else if (event instanceof ConferenceDateCorrected e) {
                Conference conference = conferences.get(e.conferenceId());
                if (conference != null) {
                    conference.heldOn = e.correctedTo();
                    for (Plan plan : plans.values()) {
                        if (e.conferenceId().equals(plan.startConference)) {
                            plan.start = e.correctedTo();
                        }
                        if ("REVIEW".equals(conference.type) && "END".equals(conference.decision)
                                && plan.planId.equals(conference.planId) && plan.end != null) {
                            plan.end = e.correctedTo();
                        }
                    }
                }
                corrections.add(new ProtectionRecord.Correction("conference date", e.recordedAs().toString(),
                        e.correctedTo().toString(), e.reason()));
            } else if (event instanceof InitialCategoryCorrected e) {
                Plan plan = plans.get(e.planId());
                if (plan != null) {
                    plan.initialCategory = e.correctedTo();
                }
                conferences.values().stream().filter(c -> e.planId().equals(c.planId) && !"REVIEW".equals(c.type))
                        .forEach(c -> c.category = e.correctedTo());
                corrections.add(new ProtectionRecord.Correction("initial category", e.recordedAs().name(),
                        e.correctedTo().name(), e.reason()));
            } else if (event instanceof ConferenceReportedInReturn e) {
                Conference reported = new Conference(e.conferenceId(), e.review() ? "REVIEW" : "INITIAL", e.heldOn(),
                        e.review() ? e.planId() : null, false, e.review() ? "CONTINUE"
                                : e.planId() != null ? "PLAN" : "NO_PLAN", e.latestCategory(), List.of(), null,
                        ReportedConferences.CHAIR_NOT_RECORDED, List.of());
                reported.reportedIn = e.reportedIn();
                conferences.putIfAbsent(e.conferenceId(), reported);
                if (e.enquiryId() != null && enquiries.containsKey(e.enquiryId())) {
                    enquiries.get(e.enquiryId()).initialConferenceId = e.conferenceId();
                }
            }
        }
        List<ProtectionRecord.Conference> conferenceRows = conferences.values().stream()
                .sorted(Comparator.comparing((Conference c) -> c.heldOn).reversed())
                .map(Conference::row).toList();
        List<ProtectionRecord.Plan> planRows = plans.values().stream().filter(p -> p.start != null)
                .sorted(Comparator.comparing((Plan p) -> p.start).reversed())
                .map(p -> p.row(conferenceRows)).toList();
        List<ProtectionRecord.Enquiry> enquiryRows = enquiries.values().stream().filter(e -> e.strategyOn != null)
                .sorted(Comparator.comparing((Enquiry e) -> e.strategyOn).reversed())
                .map(e -> new ProtectionRecord.Enquiry(e.enquiryId, e.strategyOn, e.initialConferenceId,
                        e.notRequiredOn, e.notRequiredReason))
                .toList();
        return new ProtectionRecord(enquiryRows, conferenceRows, planRows, corrections);
    }

    public static LookedAfterRecord lookedAfter(List<RecordedEvent> events, LocalDate asAt, Function<String, String> names) {
        Map<String, Period> periods = new LinkedHashMap<>();
        Map<String, Review> reviews = new LinkedHashMap<>();
        Map<String, Action> actions = new LinkedHashMap<>();
        List<ChildConsultedBeforeReview> consultations = new ArrayList<>();
        List<LookedAfterRecord.Visit> visits = new ArrayList<>();
        List<LookedAfterRecord.MidwayCheck> checks = new ArrayList<>();
        List<LookedAfterRecord.EarlyReviewRequest> requests = new ArrayList<>();
        List<LookedAfterRecord.PermanencePlanEntry> permanence = new ArrayList<>();
        List<LookedAfterRecord.Correction> corrections = new ArrayList<>();
        List<LocalDate> iroChanges = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            Object event = recorded.payload();
            if (event instanceof PeriodOfCareStarted e) {
                periods.putIfAbsent(e.periodId(), new Period(e));
            } else if (event instanceof LegalStatusChanged e && periods.containsKey(e.periodId())) {
                periods.get(e.periodId()).changes.add(0, new LookedAfterRecord.Change("LEGAL_STATUS", e.changedOn(),
                        e.from() == null ? null : e.from().name(), e.to().name()));
            } else if (event instanceof PlacementChanged e && periods.containsKey(e.periodId())) {
                periods.get(e.periodId()).changes.add(0, new LookedAfterRecord.Change("PLACEMENT", e.changedOn(),
                        e.from(), e.to()));
            } else if (event instanceof PeriodOfCareEnded e && periods.containsKey(e.periodId())) {
                periods.get(e.periodId()).endedOn = e.endedOn();
                periods.get(e.periodId()).endReason = e.reason();
            } else if (event instanceof ChildConsultedBeforeReview e) {
                consultations.add(e);
            } else if (event instanceof IroVisitRecorded e) {
                visits.add(new LookedAfterRecord.Visit(e.visitedOn(), e.faceToFace(), names.apply(e.iroId())));
            } else if (event instanceof MidwayCheckRecorded e) {
                checks.add(new LookedAfterRecord.MidwayCheck(e.checkedOn(), e.finding(), names.apply(e.iroId())));
            } else if (event instanceof EarlyReviewRequested e) {
                requests.add(new LookedAfterRecord.EarlyReviewRequest(e.requestedOn(), e.reason(),
                        names.apply(e.iroId())));
            } else if (event instanceof LookedAfterReviewHeld e) {
                reviews.putIfAbsent(e.reviewId(), new Review(e));
            } else if (event instanceof CarePlanActionAgreed e) {
                actions.putIfAbsent(e.actionId(), new Action(e));
            } else if (event instanceof CarePlanActionChanged e && actions.containsKey(e.actionId())) {
                Action action = actions.get(e.actionId());
                action.text = e.action();
                action.owner = e.owner();
                action.dueOn = e.dueOn();
                action.changes++;
            } else if (event instanceof CarePlanActionCompleted e && actions.containsKey(e.actionId())) {
                actions.get(e.actionId()).close(LookedAfterRecord.ActionStatus.COMPLETED, e.completedOn(), null);
            } else if (event instanceof CarePlanActionCancelled e && actions.containsKey(e.actionId())) {
                actions.get(e.actionId()).close(LookedAfterRecord.ActionStatus.CANCELLED, e.cancelledOn(), e.reason());
            } else if (event instanceof PermanencePlanRecorded e) {
                permanence.add(new LookedAfterRecord.PermanencePlanEntry(e.periodId(), e.recordedOn(), e.plan(),
                        e.previous()));
            } else if (event instanceof ReviewRecordDistributed e && reviews.containsKey(e.reviewId())) {
                reviews.get(e.reviewId()).distributedOn = e.distributedOn();
                reviews.get(e.reviewId()).childFriendly = e.childFriendlyVersion();
            } else if (event instanceof ReviewDecisionsSent e && reviews.containsKey(e.reviewId())) {
                reviews.get(e.reviewId()).decisionsSentOn = e.sentOn();
            } else if (event instanceof ReviewDateCorrected e) {
                if (reviews.containsKey(e.reviewId())) {
                    reviews.get(e.reviewId()).heldOn = e.correctedTo();
                }
                actions.values().stream().filter(a -> e.reviewId().equals(a.reviewId))
                        .forEach(a -> a.agreedOn = e.correctedTo());
                corrections.add(new LookedAfterRecord.Correction(e.reviewId(), "REVIEW_DATE",
                        e.recordedAs().toString(), e.correctedTo().toString(), e.reason()));
            } else if (event instanceof ParticipationCorrected e) {
                if (reviews.containsKey(e.reviewId())) {
                    reviews.get(e.reviewId()).participation = e.correctedTo();
                }
                corrections.add(new LookedAfterRecord.Correction(e.reviewId(), "PARTICIPATION",
                        e.recordedAs().name(), e.correctedTo().name(), e.reason()));
            } else if (event instanceof ChairAllocated e && e.role() == ChairRole.IRO && e.reallocation()) {
                iroChanges.add(e.allocatedFrom());
            }
        }
        List<LookedAfterRecord.Period> periodRows = periods.values().stream()
                .sorted(Comparator.comparing((Period p) -> p.startedOn).reversed()).map(Period::row).toList();
        List<LookedAfterRecord.Review> reviewRows = reviews.values().stream()
                .sorted(Comparator.comparing((Review r) -> r.heldOn).reversed())
                .map(r -> r.row(consultedBefore(r, reviews.values(), consultations))).toList();
        List<LookedAfterRecord.Action> actionRows = actions.values().stream().map(a -> a.row(asAt))
                .sorted(Comparator.comparing((LookedAfterRecord.Action a) -> !a.open())
                        .thenComparing(LookedAfterRecord.Action::dueOn))
                .toList();
        List<LookedAfterRecord.Consultation> consultationRows = newestFirst(consultations,
                ChildConsultedBeforeReview::consultedOn).stream()
                .map(c -> new LookedAfterRecord.Consultation(c.consultedOn(), c.method(), c.seenAlone(),
                        names.apply(c.iroId()), c.privateConversation()))
                .toList();
        int changesInCurrentPeriod = periodRows.stream().filter(LookedAfterRecord.Period::open).findFirst()
                .map(p -> (int) iroChanges.stream().filter(from -> !from.isBefore(p.startedOn())).count()).orElse(0);
        return new LookedAfterRecord(asAt, periodRows, reviewRows, actionRows, consultationRows,
                newestFirst(visits, LookedAfterRecord.Visit::visitedOn),
                newestFirst(checks, LookedAfterRecord.MidwayCheck::checkedOn),
                newestFirst(requests, LookedAfterRecord.EarlyReviewRequest::requestedOn),
                // by the day each plan was made, so that one written up late does not displace a later one
                newestFirst(permanence, LookedAfterRecord.PermanencePlanEntry::recordedOn), corrections,
                changesInCurrentPeriod);
    }

    /**
     * As the projection's query has it: said so at the review, or consulted in the period since the last review in
     * a way that meets reg 36.
     */
    private static boolean consultedBefore(Review review, Iterable<Review> all,
            List<ChildConsultedBeforeReview> consultations) {
        if (review.spokeBeforehand) {
            return true;
        }
        for (ChildConsultedBeforeReview consultation : consultations) {
            if (!consultation.periodId().equals(review.periodId) || consultation.consultedOn().isAfter(review.heldOn)
                    || !consultation.privateConversation().meetsConsultationClock()) {
                continue;
            }
            boolean earlierReviewInBetween = false;
            for (Review other : all) {
                if (other.periodId.equals(review.periodId) && other.heldOn.isBefore(review.heldOn)
                        && !other.heldOn.isBefore(consultation.consultedOn())) {
                    earlierReviewInBetween = true;
                }
            }
            if (!earlierReviewInBetween) {
                return true;
            }
        }
        return false;
    }

    /**
     * By day, newest first, and of two on the same day the one recorded later first, as the projection's queries
     * order them; {@code items} are in the order they were recorded.
     */
    private static <T> List<T> newestFirst(List<T> items, Function<T, LocalDate> day) {
        List<T> sorted = new ArrayList<>(items);
        Collections.reverse(sorted);
        sorted.sort(Comparator.comparing(day).reversed());
        return sorted;
    }

    private static final class Enquiry {
        final String enquiryId;
        LocalDate strategyOn;
        String initialConferenceId;
        LocalDate notRequiredOn;
        String notRequiredReason;

        Enquiry(String enquiryId) {
            this.enquiryId = enquiryId;
        }
    }

    private static final class Conference {
        final String conferenceId;
        final String type;
        LocalDate heldOn;
        String planId;
        final boolean quorate;
        final String decision;
        CategoryOfAbuse category;
        final List<String> agencies;
        final ChildsView view;
        final String chairName;
        final List<String> siblings;
        String reportedIn;

        Conference(String conferenceId, String type, LocalDate heldOn, String planId, boolean quorate, String decision,
                CategoryOfAbuse category, List<String> agencies, ChildsView view, String chairName,
                List<String> siblings) {
            this.conferenceId = conferenceId;
            this.type = type;
            this.heldOn = heldOn;
            this.planId = planId;
            this.quorate = quorate;
            this.decision = decision;
            this.category = category;
            this.agencies = agencies;
            this.view = view;
            this.chairName = chairName;
            this.siblings = siblings;
        }

        ProtectionRecord.Conference row() {
            return new ProtectionRecord.Conference(conferenceId, type, heldOn, planId, quorate, decision, category,
                    agencies, view != null && view.attended(),
                    view == null || view.conveyed() == null ? "NOT_RECORDED" : view.conveyed().name(), chairName,
                    siblings, reportedIn);
        }
    }

    private static final class Plan {
        final String planId;
        LocalDate start;
        String startConference;
        CategoryOfAbuse initialCategory;
        int previousPlans;
        LocalDate end;
        String endReason;

        Plan(String planId) {
            this.planId = planId;
        }

        ProtectionRecord.Plan row(List<ProtectionRecord.Conference> conferences) {
            List<ProtectionRecord.Conference> reviews = conferences.stream()
                    .filter(c -> planId.equals(c.planId()) && "REVIEW".equals(c.type()))
                    .sorted(Comparator.comparing(ProtectionRecord.Conference::heldOn).reversed()).toList();
            CategoryOfAbuse latest = reviews.stream().map(ProtectionRecord.Conference::category)
                    .filter(c -> c != null).findFirst().orElse(initialCategory);
            return new ProtectionRecord.Plan(planId, start, initialCategory, latest, previousPlans,
                    reviews.isEmpty() ? null : reviews.get(0).heldOn(), reviews.size(), end, endReason);
        }
    }

    private static final class Period {
        final String periodId;
        final LocalDate startedOn;
        final LegalStatus startStatus;
        final String startPlacement;
        LocalDate endedOn;
        ReasonPeriodEnded endReason;
        final List<LookedAfterRecord.Change> changes = new ArrayList<>();

        Period(PeriodOfCareStarted e) {
            periodId = e.periodId();
            startedOn = e.startedOn();
            startStatus = e.legalStatus();
            startPlacement = e.placement();
        }

        LookedAfterRecord.Period row() {
            List<LookedAfterRecord.Change> newestFirst = changes.stream()
                    .sorted(Comparator.comparing(LookedAfterRecord.Change::changedOn).reversed()).toList();
            LegalStatus status = newestFirst.stream().filter(LookedAfterRecord.Change::legalStatus).findFirst()
                    .map(c -> LegalStatus.valueOf(c.to())).orElse(startStatus);
            String placement = newestFirst.stream().filter(c -> !c.legalStatus()).findFirst()
                    .map(LookedAfterRecord.Change::to).orElse(startPlacement);
            return new LookedAfterRecord.Period(periodId, startedOn, startStatus, status, placement, endedOn,
                    endReason, newestFirst);
        }
    }

    private static final class Review {
        final String reviewId;
        final String periodId;
        LocalDate heldOn;
        ParticipationCode participation;
        final boolean spokeBeforehand;
        final List<String> decisions;
        final List<String> recommendations;
        final String iroName;
        LocalDate distributedOn;
        Boolean childFriendly;
        LocalDate decisionsSentOn;

        Review(LookedAfterReviewHeld e) {
            reviewId = e.reviewId();
            periodId = e.periodId();
            heldOn = e.heldOn();
            participation = e.participation();
            spokeBeforehand = e.spokeToChildBeforehand();
            decisions = e.decisions();
            recommendations = e.recommendations();
            iroName = e.iroName();
        }

        LookedAfterRecord.Review row(boolean consulted) {
            return new LookedAfterRecord.Review(reviewId, periodId, heldOn, participation, spokeBeforehand, consulted,
                    decisions, recommendations, iroName, distributedOn, childFriendly, decisionsSentOn);
        }
    }

    private static final class Action {
        final String actionId;
        final String reviewId;
        String text;
        String owner;
        LocalDate dueOn;
        LocalDate agreedOn;
        LookedAfterRecord.ActionStatus status = LookedAfterRecord.ActionStatus.OPEN;
        LocalDate closedOn;
        String cancelReason;
        int changes;

        Action(CarePlanActionAgreed e) {
            actionId = e.actionId();
            reviewId = e.reviewId();
            text = e.action();
            owner = e.owner();
            dueOn = e.dueOn();
            agreedOn = e.agreedOn();
        }

        void close(LookedAfterRecord.ActionStatus closedAs, LocalDate on, String reason) {
            status = closedAs;
            closedOn = on;
            cancelReason = reason;
        }

        LookedAfterRecord.Action row(LocalDate asAt) {
            LookedAfterRecord.ActionStatus shown = status == LookedAfterRecord.ActionStatus.OPEN
                    && dueOn.isBefore(asAt) ? LookedAfterRecord.ActionStatus.OVERDUE : status;
            return new LookedAfterRecord.Action(actionId, reviewId, text, owner, dueOn, agreedOn, shown, closedOn,
                    cancelReason, changes);
        }
    }
}
