package org.oversight.query.history;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheckRecorded;
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
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.people.ExistingPersonRecorded;
import org.oversight.events.people.PersonAdded;
import org.oversight.events.people.PersonAuthoritiesChanged;
import org.oversight.events.people.PersonDisabled;
import org.oversight.events.people.PersonEnabled;
import org.oversight.events.people.PersonRolesChanged;
import org.oversight.events.people.PersonTeamsChanged;
import org.oversight.events.people.PersonWorkingHoursSet;
import org.oversight.events.people.TeamAdded;
import org.oversight.events.policy.AdvocacyAndComplaintsContactsChanged;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.ConferenceRole;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.TransferInNotificationReceived;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.events.escalation.EscalationPolicy;
import org.springframework.stereotype.Component;

/**
 * Every event of the published language in plain words, as an auditor reads a child's history: what was decided,
 * on which day it took effect, and the facts it rests on. Every event type has its words here; a test scans the
 * events packages and fails for any type without them, so a new event can never show as nothing.
 *
 * <p>Some words depend on earlier events (a completed action is named by the words it was agreed in); a
 * {@link Reading} carries them while a child's events are read in the order they were stored.
 */
@Component
public class PlainWords {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Map<Class<?>, BiFunction<Object, Reading, Description>> words = new LinkedHashMap<>();
    private final StaffDirectory directory;
    private final EscalationPolicy vocabulary;

    public PlainWords(StaffDirectory directory, EscalationPolicy vocabulary) {
        this.directory = directory;
        this.vocabulary = vocabulary;
        childCase();
        protection();
        lookedAfter();
        socialWork();
        escalations();
        policy();
        people();
        subjectAccess();
        retention();
        planBetweenConferences();
        conferencePapers();
        conferenceAsItHappened();
        characteristics();
        coreGroupSettings();
        reportedInReturns();
    }

    /** Every event type these words describe. */
    public Set<Class<?>> describedTypes() {
        return Collections.unmodifiableSet(words.keySet());
    }

    /** A fresh reading of one child's events, to be described in the order they were stored. */
    public Reading reading(String childId) {
        return new Reading(childId);
    }

    /** What the reading has learned so far from earlier events, for the words of later ones. */
    public final class Reading {

        private final String childId;
        private final Map<String, ConferenceType> conferenceTypes = new HashMap<>();
        private final Map<String, String> actions = new HashMap<>();
        private final Map<String, LocalDate> reviews = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();

        private Reading(String childId) {
            this.childId = childId;
        }

        /** The event in plain words; an event of a type this version does not know is said to be one. */
        public Description describe(RecordedEvent event) {
            if (event.payload() == null) {
                return Description.of(null, "An event of a type this version of Oversight cannot read ("
                        + event.type() + ")", "Its stored content is unchanged; the integrity check covers it.");
            }
            return describe(event.payload());
        }

        public Description describe(Object payload) {
            BiFunction<Object, Reading, Description> described = words.get(payload.getClass());
            if (described == null) {
                return Description.of(null, "An event of a type without plain words yet ("
                        + payload.getClass().getSimpleName() + ")");
            }
            return described.apply(payload, this);
        }

        String name(String username) {
            if (username == null) {
                return "someone not recorded";
            }
            return names.computeIfAbsent(username, u -> directory.displayName(u).orElse(u));
        }
    }

    private <E> void on(Class<E> type, BiFunction<E, Reading, Description> described) {
        words.put(type, (event, reading) -> described.apply(type.cast(event), reading));
    }

    private void childCase() {
        on(ChildRegistered.class, (e, r) -> Description.of(e.registeredOn(),
                "Registered with " + localAuthority(e.localAuthority()) + " as " + e.givenName() + " "
                        + e.familyName() + (e.unborn() ? ", an unborn child expected on " + day(e.expectedDateOfDelivery())
                        : ", born on " + day(e.dateOfBirth())),
                "Local authority's identifier: " + e.localIdentifier()));
        on(BirthRecorded.class, (e, r) -> Description.of(e.dateOfBirth(), "Born on " + day(e.dateOfBirth())));
        on(ChairAllocated.class, (e, r) -> Description.of(e.allocatedFrom(), e.reallocation()
                ? role(e.role()) + " changed from " + r.name(e.previousChairId()) + " to " + e.chairName() + " from "
                        + day(e.allocatedFrom())
                : e.chairName() + " allocated as " + role(e.role()).toLowerCase(Locale.UK) + " from "
                        + day(e.allocatedFrom())));
        on(ChildRecordRestricted.class, (e, r) -> Description.of(null, "Record restricted to "
                + String.join(", ", e.namedPeople().stream().map(r::name).toList()), "Why: " + e.reason()));
        on(ChildRecordRestrictionLifted.class, (e, r) -> Description.of(null, "Restriction on the record lifted",
                "Why: " + e.reason()));
        on(ChildTransferred.class, (e, r) -> Description.of(e.transferredOn(), "Transferred from "
                + localAuthority(e.fromLocalAuthority()) + " to " + localAuthority(e.toLocalAuthority()) + " on "
                + day(e.transferredOn()), "The receiving authority's identifier: " + e.toLocalIdentifier(),
                "Why: " + e.reason()));
        on(ChildRecordDestroyed.class, (e, r) -> Description.of(null, "Record destroyed by " + r.name(e.destroyedBy())
                + " at the end of its retention, under the rule " + e.retentionRule(), "The personal content of "
                + e.eventsAffected() + " recorded events can no longer be read; the facts above are what remains"));
    }

    private void protection() {
        on(Section47EnquiryStarted.class, (e, r) -> Description.of(e.strategyDiscussionOn(),
                "Section 47 enquiry started at a strategy discussion on " + day(e.strategyDiscussionOn())));
        on(InitialConferenceNotRequired.class, (e, r) -> Description.of(e.decidedOn(),
                "Decided on " + day(e.decidedOn()) + " that no initial child protection conference was needed",
                reason(e.reason())));
        on(InitialConferenceHeld.class, (e, r) -> {
            r.conferenceTypes.put(e.conferenceId(), e.type());
            return Description.of(e.heldOn(), e.type().title() + " held on " + day(e.heldOn()) + ", chaired by "
                            + e.chairName() + ": " + (e.outcome() == ConferenceOutcome.PLAN
                            ? "the child needs a child protection plan" : "no child protection plan"),
                    quoracy(e.quorate(), e.attendingAgencies()), view(e.childsView()), siblings(e.siblingGroup()))
                    .about("conference:" + e.conferenceId());
        });
        on(ChildProtectionPlanStarted.class, (e, r) -> {
            ConferenceType type = r.conferenceTypes.get(e.conferenceId());
            String at = type == null ? "a conference" : "the " + type.title().toLowerCase(Locale.UK);
            return Description.of(e.startDate(), "Plan started under " + category(e.initialCategory()) + " at " + at
                            + " on " + day(e.startDate()),
                    e.previousPlans() == 0 ? "No previous child protection plans"
                            : "Previous child protection plans: " + e.previousPlans())
                    .about("plan:" + e.planId()).datedBy("conference:" + e.conferenceId());
        });
        on(ReviewConferenceHeld.class, (e, r) -> {
            r.conferenceTypes.put(e.conferenceId(), ConferenceType.REVIEW);
            String decision = e.planContinues()
                    ? "the plan continues under " + category(e.latestCategory())
                            + (e.categoryChanged() && e.previousLatestCategory() != null
                            ? " (was " + category(e.previousLatestCategory()) + ")" : "")
                    : "the plan ends";
            return Description.of(e.heldOn(), "Review conference held on " + day(e.heldOn()) + ", chaired by "
                            + e.chairName() + ": " + decision,
                    quoracy(e.quorate(), e.attendingAgencies()), view(e.childsView()), siblings(e.siblingGroup()))
                    .about("conference:" + e.conferenceId());
        });
        on(ChildProtectionPlanEnded.class, (e, r) -> {
            Description ended = Description.of(e.endDate(), "Plan ended on " + day(e.endDate())
                    + (e.endedAtConference() ? " at a review conference" : "") + ": "
                    + e.reason().title().toLowerCase(Locale.UK));
            return e.endedAtConference() ? ended.datedBy("conference:" + e.conferenceId()) : ended;
        });
        on(ConferenceDateCorrected.class, (e, r) -> Description.of(e.correctedTo(),
                        "Conference date corrected from " + day(e.recordedAs()) + " to " + day(e.correctedTo()),
                        reason(e.reason()))
                .correcting("conference:" + e.conferenceId(), e.correctedTo()));
        on(InitialCategoryCorrected.class, (e, r) -> Description.of(null,
                        "Initial category corrected from " + category(e.recordedAs()) + " to "
                                + category(e.correctedTo()), reason(e.reason()))
                .correcting("plan:" + e.planId(), null));
    }

    private void lookedAfter() {
        on(PeriodOfCareStarted.class, (e, r) -> Description.of(e.startedOn(),
                "Started to be looked after on " + day(e.startedOn()) + ", " + legalStatus(e.legalStatus()),
                "Placement: " + (e.placement() == null ? "not recorded" : e.placement()))
                .about("period:" + e.periodId()));
        on(LegalStatusChanged.class, (e, r) -> Description.of(e.changedOn(), "Legal status changed on "
                + day(e.changedOn()) + (e.from() == null ? "" : " from " + legalStatus(e.from())) + " to "
                + legalStatus(e.to())));
        on(PlacementChanged.class, (e, r) -> Description.of(e.changedOn(), "Placement changed on " + day(e.changedOn())
                + (e.from() == null ? "" : " from " + e.from()) + " to " + e.to()));
        on(PeriodOfCareEnded.class, (e, r) -> Description.of(e.endedOn(), "Stopped being looked after on "
                + day(e.endedOn()) + ": " + e.reason().title().toLowerCase(Locale.UK) + " (" + e.reason().name() + ")"));
        on(ChildConsultedBeforeReview.class, (e, r) -> Description.of(e.consultedOn(), "Consulted before the review by "
                + r.name(e.iroId()) + " on " + day(e.consultedOn()) + ": " + e.method().title().toLowerCase(Locale.UK)
                + (e.seenAlone() ? ", seen alone" : ", not seen alone") + privately(e.privateConversation())));
        on(IroVisitRecorded.class, (e, r) -> Description.of(e.visitedOn(), "Visited or contacted by the IRO, "
                + r.name(e.iroId()) + ", on " + day(e.visitedOn()) + (e.faceToFace() ? ", face to face"
                : ", not face to face")));
        on(MidwayCheckRecorded.class, (e, r) -> Description.of(e.checkedOn(), "Midway check by " + r.name(e.iroId())
                + " on " + day(e.checkedOn()) + ": " + lower(e.finding().title())));
        on(EarlyReviewRequested.class, (e, r) -> Description.of(e.requestedOn(), "Early review requested by "
                + r.name(e.iroId()) + " on " + day(e.requestedOn()) + ": " + lower(e.reason().title())));
        on(HealthCheckRecorded.class, (e, r) -> Description.of(e.heldOn(), e.check().title() + " on "
                + day(e.heldOn()) + ", recorded by " + r.name(e.iroId())));
        on(EducationPlanRecorded.class, (e, r) -> Description.of(e.heldOn(), "Personal education plan (PEP) made or "
                + "reviewed at a meeting on " + day(e.heldOn()) + ", recorded by " + r.name(e.iroId())));
        on(LookedAfterReviewHeld.class, (e, r) -> {
            r.reviews.put(e.reviewId(), e.heldOn());
            return Description.of(e.heldOn(), "Looked-after review held on " + day(e.heldOn()) + ", chaired by "
                            + (e.iroName() != null ? e.iroName() : r.name(e.iroId())) + "; participation "
                            + participation(e.participation()),
                    e.spokeToChildBeforehand() ? "The IRO spoke to the child beforehand"
                            : "The IRO did not say they spoke to the child beforehand")
                    .withDetails(e.decisions().stream().map(d -> "Decision: " + d).toList())
                    .withDetails(e.recommendations().stream().map(d -> "Recommendation: " + d).toList())
                    .about("review:" + e.reviewId());
        });
        on(CarePlanActionAgreed.class, (e, r) -> {
            r.actions.put(e.actionId(), e.action());
            return Description.of(e.agreedOn(), "Care plan action agreed on " + day(e.agreedOn()) + ": \""
                    + e.action() + "\", owned by " + e.owner() + ", due by " + day(e.dueOn()))
                    .about("action:" + e.actionId());
        });
        on(CarePlanActionChanged.class, (e, r) -> {
            String before = r.actions.put(e.actionId(), e.action());
            return Description.of(e.changedOn(), "Care plan action changed on " + day(e.changedOn()) + ": now \""
                            + e.action() + "\", owned by " + e.owner() + ", due by " + day(e.dueOn()),
                    before == null || before.equals(e.action()) ? null : "Was: \"" + before + "\"", reason(e.reason()));
        });
        on(CarePlanActionCompleted.class, (e, r) -> Description.of(e.completedOn(), "Care plan action completed on "
                + day(e.completedOn()) + ": \"" + r.actions.getOrDefault(e.actionId(), "an action") + "\""));
        on(CarePlanActionCancelled.class, (e, r) -> Description.of(e.cancelledOn(), "Care plan action cancelled on "
                + day(e.cancelledOn()) + ": \"" + r.actions.getOrDefault(e.actionId(), "an action") + "\"",
                reason(e.reason())));
        on(PermanencePlanRecorded.class, (e, r) -> Description.of(e.recordedOn(), "Permanence plan recorded on "
                + day(e.recordedOn()) + ": " + lower(e.plan().title())
                + (e.previous() == null ? "" : " (was " + lower(e.previous().title()) + ")")));
        on(ReviewRecordDistributed.class, (e, r) -> {
            LocalDate review = r.reviews.get(e.reviewId());
            return Description.of(e.distributedOn(), "Record of the review" + (review == null ? "" : " of " + day(review))
                    + " distributed on " + day(e.distributedOn())
                    + (e.childFriendlyVersion() ? ", with a child-friendly version" : ", without a child-friendly version"));
        });
        on(ReviewDecisionsSent.class, (e, r) -> {
            LocalDate review = r.reviews.get(e.reviewId());
            return Description.of(e.sentOn(), "Decisions of the review" + (review == null ? "" : " of " + day(review))
                    + " sent on " + day(e.sentOn()));
        });
        // the child's voice and the people around the child, and the other meetings the IRO chairs
        on(AdvocacyRecorded.class, (e, r) -> Description.of(e.on(), lower(e.step().title()).substring(0, 1)
                .toUpperCase(Locale.UK) + lower(e.step().title()).substring(1) + " on " + day(e.on())
                + ", recorded by " + r.name(e.iroId())));
        on(ParentsWishesSought.class, (e, r) -> Description.of(e.soughtOn(), "Wishes and feelings of "
                + lower(e.whose().title()) + " sought for the review on " + day(e.soughtOn()) + " by "
                + r.name(e.iroId()) + ": " + lower(e.outcome().title())));
        on(ChildChairedReview.class, (e, r) -> {
            LocalDate review = r.reviews.get(e.reviewId());
            boolean alone = e.chairing() == ChildChairing.CHAIRED;
            return Description.of(review, (alone ? "The child chaired the review" : "The child co-chaired the review")
                    + (review == null ? "" : " of " + day(review)) + (alone ? "" : " with the IRO") + ", recorded by "
                    + r.name(e.iroId()));
        });
        on(MeetingChaired.class, (e, r) -> Description.of(e.heldOn(), e.meetingTitle() + " chaired by "
                + r.name(e.iroId()) + " on " + day(e.heldOn()), "Took part: " + String.join(", ", e.attendeeRoles()),
                "Outcome: " + e.outcome()));
        on(ReviewDateCorrected.class, (e, r) -> Description.of(e.correctedTo(), "Review date corrected from "
                        + day(e.recordedAs()) + " to " + day(e.correctedTo()), reason(e.reason()))
                .correcting("review:" + e.reviewId(), e.correctedTo()));
        on(ParticipationCorrected.class, (e, r) -> Description.of(null, "Participation corrected from "
                        + participation(e.recordedAs()) + " to " + participation(e.correctedTo()), reason(e.reason()))
                .correcting("review:" + e.reviewId(), null));
    }

    /** The child's social worker and their statutory visits. */
    private void socialWork() {
        on(SocialWorkerAllocated.class, (e, r) -> Description.of(e.allocatedOn(), "Social worker " + e.worker()
                + (e.team() == null ? "" : " (" + e.team() + ")") + " allocated from " + day(e.allocatedOn())));
        on(SocialWorkerUnallocated.class, (e, r) -> Description.of(e.unallocatedOn(), "No allocated social worker "
                + "from " + day(e.unallocatedOn()) + ": " + e.worker() + "'s allocation ended"));
        on(SocialWorkerVisited.class, (e, r) -> Description.of(e.visitedOn(), "Visited by the social worker on "
                + day(e.visitedOn()) + ", " + lower(e.place().title()) + (e.seenAlone() ? ", seen alone"
                : ", not seen alone")));
        on(PlacementIntentionRecorded.class, (e, r) -> Description.of(e.decidedOn(), "Decided on "
                + day(e.decidedOn()) + " that the placement begun on " + day(e.placementStartedOn())
                + (e.untilEighteen() ? " is" : " is not") + " intended to last until the child is 18"));
    }

    private void escalations() {
        on(EscalationRaised.class, (e, r) -> {
            int others = (int) e.childIds().stream().filter(id -> !id.equals(r.childId)).count();
            return Description.of(e.raisedOn(), (e.formal() ? "Formal escalation raised with the "
                                    + lower(vocabulary.title(e.level())) : "Informal alert raised")
                            + " on " + day(e.raisedOn()) + " by " + (e.raisedByName() != null ? e.raisedByName()
                            : r.name(e.raisedBy())) + ", about " + lower(vocabulary.title(e.concernCategory())),
                    "Asked: " + e.asked(),
                    others == 0 ? null : "Raised for a sibling group: " + others + (others == 1 ? " other child" : " other children"))
                    .about("escalation:" + e.escalationId());
        });
        on(EscalationMovedUp.class, (e, r) -> Description.of(e.movedOn(), (e.madeFormal()
                        ? "Escalation made formal with the " + lower(vocabulary.title(e.toLevel()))
                        : "Escalation moved up from the " + lower(vocabulary.title(e.fromLevel())) + " to the "
                                + lower(vocabulary.title(e.toLevel()))) + " on " + day(e.movedOn()),
                e.skippedLevels().isEmpty() ? null : "Levels passed over: " + String.join(", ",
                        e.skippedLevels().stream().map(vocabulary::title).toList()),
                reason(e.reason())));
        on(EscalationResponseReceived.class, (e, r) -> Description.of(e.receivedOn(), "Response received from the "
                + lower(vocabulary.title(e.level())) + " on " + day(e.receivedOn())
                + (e.respondent() == null ? "" : ", from " + e.respondent()), "Agreed: " + e.agreed()));
        on(EscalationResponseRejected.class, (e, r) -> Description.of(e.rejectedOn(), "Response from the "
                + lower(vocabulary.title(e.level())) + " not accepted on " + day(e.rejectedOn()), reason(e.reason())));
        on(EscalationResolved.class, (e, r) -> Description.of(e.resolvedOn(), "Escalation resolved"
                        + (e.level() == null ? "" : " with the " + lower(vocabulary.title(e.level()))) + " on "
                        + day(e.resolvedOn()) + (e.resolvedInChildsInterest() ? ", in the child's interest"
                        : ", not judged to be in the child's interest"), "Outcome for the child: " + e.outcomeForChild()));
        on(EscalationWithdrawn.class, (e, r) -> Description.of(e.withdrawnOn(), "Escalation withdrawn on "
                + day(e.withdrawnOn()), reason(e.reason())));
        on(EscalationReferredToCafcass.class, (e, r) -> Description.of(e.referredOn(), "Referred to Cafcass on "
                + day(e.referredOn()), reason(e.reason())));
    }

    /** A local authority's timescales are not about one child, but every event of the published language has words. */
    private void policy() {
        on(MeetingTypeAdded.class, (e, r) -> Description.of(null, "Meeting type \"" + e.title()
                + "\" added for " + e.localAuthority(), reason(e.reason())));
        on(PolicySettingsChanged.class, (e, r) -> {
            PolicySettings settings = e.settings();
            List<String> details = new java.util.ArrayList<>(List.of(
                    "IRO allocated within " + settings.iroAllocationWorkingDays() + " working days of becoming looked after",
                    "Pre-birth conference by week " + settings.preBirthConferenceByWeek() + " of pregnancy",
                    "Review decisions sent within " + settings.decisionsWorkingDays() + " working days",
                    "Review record distributed within " + settings.recordWorkingDays() + " working days",
                    "Midway check " + settings.midwayCheckPercent() + "% of the way between reviews",
                    "Early review held within " + settings.earlyReviewWorkingDays()
                            + " working days of the IRO's request",
                    "Dental check of a looked-after child at least every " + settings.dentalCheckMonths()
                            + " months",
                    "Personal education plan reviewed at least every " + settings.pepReviewMonths() + " months"));
            details.add("First review after a pre-birth plan within " + settings.preBirthReviewAfterBirthWorkingDays()
                    + " working days of the birth or " + settings.preBirthReviewAfterConferenceMonths()
                    + " months of the conference, whichever is sooner");
            details.add("Transfer-in conference within " + settings.transferInConferenceWorkingDays()
                    + " working days of the other authority's notification");
            settings.escalationResponseWorkingDays().forEach((level, days) -> details.add("Escalation response from the "
                    + lower(vocabulary.title(level)) + " within " + days + " working days"));
            details.add(reason(e.reason()));
            return Description.of(e.effectiveFrom(), "Local timescales of " + localAuthority(e.localAuthority())
                    + " changed, for clocks starting from " + day(e.effectiveFrom())).withDetails(details);
        });
        on(AdvocacyAndComplaintsContactsChanged.class, (e, r) -> Description.of(null, "Advocacy and complaints "
                + "contacts of " + localAuthority(e.localAuthority()) + " recorded", "Advocacy: " + e.advocacyService(),
                "Complaints: " + e.complaintsTeam(), reason(e.reason())));
    }

    /** Holds keep a child's record beyond its period; a schedule's rows are not about one child. */
    private void retention() {
        on(org.oversight.events.retention.LegalHoldPlaced.class, (e, r) -> Description.of(null,
                "Legal hold placed: " + e.reason().title(), "Note: " + e.note()));
        on(org.oversight.events.retention.LegalHoldLifted.class, (e, r) -> Description.of(null,
                "Legal hold lifted: " + e.reason().title(), "Note: " + e.note()));
        on(org.oversight.events.retention.LocalRetentionChanged.class, (e, r) -> Description.of(null,
                "Retention schedule of " + localAuthority(e.localAuthority()) + " changed: "
                        + e.recordType().title() + " kept " + e.years() + " years from " + e.from().title(),
                reason(e.reason())));
    }

    /** People and teams are not about a child either; their own pages tell their history in more detail. */
    private void people() {
        on(PersonAdded.class, (e, r) -> Description.of(null, e.displayName() + " (" + e.username()
                        + ") added to the service").withDetails(List.of(roles(e.roles(), e.chairRoles()),
                "Local authorities: " + authorities(e.authorities()), "Teams: " + teams(e.teams()),
                reason(e.reason()))));
        on(ExistingPersonRecorded.class, (e, r) -> Description.of(null, "The account of " + e.displayName() + " ("
                        + e.username() + ") recorded as it stood before changes to people were recorded")
                .withDetails(List.of(roles(e.roles(), e.chairRoles()),
                        "Local authorities: " + authorities(e.authorities()), "Teams: " + teams(e.teams()),
                        e.enabled() ? "Could sign in" : "Could not sign in (disabled)")));
        on(PersonRolesChanged.class, (e, r) -> Description.of(null, "Roles of " + r.name(e.username()) + " changed",
                roles(e.roles(), e.chairRoles()), reason(e.reason())));
        on(PersonAuthoritiesChanged.class, (e, r) -> Description.of(null, "Local authorities of "
                + r.name(e.username()) + " changed", "Local authorities: " + authorities(e.authorities()),
                "Teams kept: " + teams(e.teams()), reason(e.reason())));
        on(PersonTeamsChanged.class, (e, r) -> Description.of(null, "Teams of " + r.name(e.username()) + " changed",
                "Teams: " + teams(e.teams()), reason(e.reason())));
        on(PersonDisabled.class, (e, r) -> Description.of(null, r.name(e.username())
                + " disabled: can no longer sign in", reason(e.reason())));
        on(PersonEnabled.class, (e, r) -> Description.of(null, r.name(e.username())
                + " enabled: can sign in again", reason(e.reason())));
        on(TeamAdded.class, (e, r) -> Description.of(null, "Team " + e.name() + " added to "
                + localAuthority(e.localAuthority()), reason(e.reason())));
    }

    /** Requests for a copy of the record, and their answers, are decisions on the child's record too. */
    private void subjectAccess() {
        on(SubjectAccessRequested.class, (e, r) -> Description.of(e.receivedOn(), "Subject access request received on "
                + day(e.receivedOn()) + " from " + e.requesterName() + ", " + lower(e.relationship().title()))
                .about("subject-access:" + e.requestId()));
        on(SubjectAccessDeadlineExtended.class, (e, r) -> Description.of(e.toldOn(), "Time to answer a subject access "
                + "request extended by two months; the requester was told on " + day(e.toldOn()), reason(e.reason())));
        on(SubjectAccessCopyPrepared.class, (e, r) -> {
            long withheld = e.items().stream().filter(item -> !item.released()).count();
            return Description.of(e.preparedOn(), "Copy for a subject access request prepared on " + day(e.preparedOn())
                    + ": " + withheld + (withheld == 1 ? " piece" : " pieces") + " of other people's information "
                    + "withheld, " + (e.items().size() - withheld) + " released after review").withDetails(
                    e.items().stream().filter(item -> !item.released() && item.reason() != null)
                            .map(item -> "Withheld (" + lower(item.whose().title()) + "): " + item.reason()).toList());
        });
        on(SubjectAccessCopyReleased.class, (e, r) -> Description.of(e.releasedOn(), "Copy for a subject access request "
                + "released on " + day(e.releasedOn()) + " to " + e.releasedTo()));
    }

    private static String roles(List<Role> roles, List<ChairRole> chairRoles) {
        return "Roles: " + (roles.isEmpty() ? "none" : String.join(", ", roles.stream().map(Role::title).toList()))
                + (chairRoles.isEmpty() ? "" : "; chairs as " + String.join(" and ",
                        chairRoles.stream().map(PlainWords::role).toList()));
    }

    private String authorities(List<String> codes) {
        return codes.isEmpty() ? "none" : String.join(", ", codes.stream().map(this::localAuthority).toList());
    }

    private String teams(List<Team> teams) {
        return teams.isEmpty() ? "none" : String.join("; ", teams.stream()
                .map(t -> t.name() + ", " + localAuthority(t.localAuthority())).toList());
    }

    static String day(LocalDate date) {
        return date == null ? "a date not recorded" : DAY.format(date);
    }

    private String localAuthority(String code) {
        return directory.localAuthorities().getOrDefault(code, code);
    }

    private static String role(ChairRole role) {
        return role.title();
    }

    private static String category(CategoryOfAbuse category) {
        return category == null ? "no category" : category.title();
    }

    private static String legalStatus(LegalStatus status) {
        return lower(status.title()) + " (" + status.name() + ")";
    }

    private static String participation(ParticipationCode code) {
        return code.name() + " (" + lower(code.title()) + ")";
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? null : "Reason: " + reason;
    }

    private static String quoracy(boolean quorate, List<String> agencies) {
        return (quorate ? "Quorate" : "Not quorate") + (agencies.isEmpty() ? "" : "; agencies attending: "
                + String.join(", ", agencies));
    }

    private static String view(ChildsView view) {
        if (view == null || view.conveyed() == null) {
            return "The child's views: not recorded";
        }
        return "The child's views: " + lower(view.conveyed().title());
    }

    private static String siblings(List<String> siblings) {
        return siblings == null || siblings.isEmpty() ? null
                : "Decided together with " + siblings.size() + (siblings.size() == 1 ? " sibling" : " siblings");
    }

    private static String lower(String title) {
        if (title == null || title.isEmpty()) {
            return "";
        }
        boolean acronym = title.length() > 1 && Character.isUpperCase(title.charAt(1));
        return acronym ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    /**
     * What the consultation said about speaking to the child in private (reg 36); nothing for one recorded before
     * the question was asked, so its words stay as they were.
     */
    private static String privately(org.oversight.events.lookedafter.PrivateConversation answer) {
        return switch (answer) {
            case NOT_ASKED_WHEN_RECORDED -> "";
            case SPOKE_IN_PRIVATE -> "; spoke to the child in private";
            case CHILD_REFUSED -> "; the child refused to speak in private";
            case INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING ->
                    "; speaking in private was not appropriate given the child's age and understanding";
            case NOT_IN_PRIVATE -> "; not a private conversation, so it does not count as the consultation before "
                    + "the review";
        };
    }

    /** A child protection plan between conferences, and strategy meetings; actions named by their words. */
    private void planBetweenConferences() {
        on(StrategyMeetingHeld.class, (e, r) -> Description.of(e.heldOn(), "Strategy meeting held on "
                        + day(e.heldOn()) + ": " + lower(e.decision().title()),
                "Attended by " + String.join(", ", e.attendingAgencies()),
                e.enquiryId() == null ? null : "The section 47 enquiry and its initial conference clock start from "
                        + "this meeting"));
        on(ProtectionPlanAgreed.class, (e, r) -> Description.of(e.agreedOn(), "Child protection plan agreed at the "
                        + "conference on " + day(e.agreedOn()) + ", with " + e.outcomes().size()
                        + (e.outcomes().size() == 1 ? " outcome" : " outcomes"), "Contingency plan: " + e.contingencyPlan())
                .withDetails(e.outcomes().stream().map(o -> "Outcome: " + o).toList()));
        on(ProtectionActionAgreed.class, (e, r) -> {
            r.actions.put(e.actionId(), e.action());
            return Description.of(e.agreedOn(), "Child protection plan action agreed on " + day(e.agreedOn()) + ": \""
                    + e.action() + "\", owned by " + e.owner() + ", due by " + day(e.dueOn()))
                    .about("action:" + e.actionId());
        });
        on(ProtectionActionChanged.class, (e, r) -> {
            String before = r.actions.put(e.actionId(), e.action());
            return Description.of(e.changedOn(), "Child protection plan action changed on " + day(e.changedOn())
                            + ": now \"" + e.action() + "\", owned by " + e.owner() + ", due by " + day(e.dueOn()),
                    before == null || before.equals(e.action()) ? null : "Was: \"" + before + "\"", reason(e.reason()));
        });
        on(ProtectionActionCompleted.class, (e, r) -> Description.of(e.completedOn(), "Child protection plan action "
                + "done on " + day(e.completedOn()) + ": \"" + r.actions.getOrDefault(e.actionId(), "an action") + "\""));
        on(ProtectionActionCancelled.class, (e, r) -> Description.of(e.cancelledOn(), "Child protection plan action "
                + "cancelled on " + day(e.cancelledOn()) + ": \"" + r.actions.getOrDefault(e.actionId(), "an action")
                + "\"", reason(e.reason())));
        on(CoreGroupMeetingHeld.class, (e, r) -> Description.of(e.heldOn(), "Core group met on " + day(e.heldOn()),
                "Attended by " + String.join(", ", e.attendingAgencies()),
                e.progressNote() == null ? null : "Progress: " + e.progressNote())
                .withDetails(e.actionProgress().stream().map(p -> lower(p.progress().title()) + ": \""
                        + r.actions.getOrDefault(p.actionId(), "an action") + "\"").toList()));
        on(ProtectionMidwayCheckRecorded.class, (e, r) -> Description.of(e.checkedOn(), "Midway check of the child "
                        + "protection plan on " + day(e.checkedOn()) + ": " + lower(e.finding().title()),
                e.alertRaisedTo() == null ? null : "Alert raised with " + e.alertRaisedTo()));
    }

    /** A conference's papers: the chair's narrative is named, never quoted (it is kept outside the history). */
    private void conferencePapers() {
        on(ConferencePaperSent.class, (e, r) -> {
            ConferenceType type = r.conferenceTypes.get(e.conferenceId());
            return Description.of(e.sentOn(), e.paper().title() + " of the "
                    + (type == null ? "conference" : lower(type.title())) + " sent on " + day(e.sentOn()));
        });
        on(ConferenceMinutesWritten.class, (e, r) -> Description.of(null, "Summary and analysis of the "
                        + conferenceOf(r, e.conferenceId()) + " written by " + r.name(e.chairId()),
                e.passages() + (e.passages() == 1 ? " passage" : " passages") + " of analysis, " + e.withheldPassages()
                        + " withheld from the parents' minutes"));
        on(ConferencePaperworkTimescalesSet.class, (e, r) -> Description.of(e.effectiveFrom(),
                "Timescales of conference papers in " + localAuthority(e.localAuthority()) + " set, for conferences from "
                        + day(e.effectiveFrom()),
                "Outcome letter and decisions within " + e.decisionsWorkingDays() + " working day"
                        + (e.decisionsWorkingDays() == 1 ? "" : "s") + " of the conference",
                "Minutes within " + e.minutesWorkingDays() + " working days of the conference", reason(e.reason())));
    }

    private static String conferenceOf(Reading r, String conferenceId) {
        ConferenceType type = r.conferenceTypes.get(conferenceId);
        return type == null ? "conference" : lower(type.title());
    }

    /** The conference as it happened: who came, the agencies' recommendations and dissent, quoracy, transfers in. */
    private void conferenceAsItHappened() {
        on(ConferenceAttendanceRecorded.class, (e, r) -> {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("Parents and carers " + e.parentsAttended().words());
            for (ConferenceAttendanceRecorded.ConferenceAttendee a : e.attendees()) {
                String who = a.role() == ConferenceRole.AGENCY ? a.agency() : a.role().title();
                String report = !a.reportBeforeConference() ? "" : Boolean.TRUE.equals(a.reportSharedInTime())
                        ? "; report received and shared with the family in time"
                        : "; report received but not shared with the family in time";
                lines.add(who + (a.invited() ? " (invited)" : " (not invited)") + ": " + a.attendance().words()
                        + report);
            }
            return Description.of(null, "Attendance recorded for " + conference(r, e.conferenceId()) + " by "
                    + r.name(e.recordedBy())).withDetails(lines).about("conference:" + e.conferenceId());
        });
        on(ConferenceRecommendationsRecorded.class, (e, r) -> {
            List<String> lines = new java.util.ArrayList<>();
            e.recommendations().forEach(a -> lines.add(a.agency() + " recommended "
                    + (a.recommended() == ConferenceOutcome.PLAN ? "a plan under " + category(a.category()) : "no plan")
                    + (a.dissents() ? "; dissented: " + a.dissentReason() : "")));
            lines.add(e.familyViews() == null ? null : "The family's views: " + e.familyViews());
            int dissent = e.dissent().size();
            return Description.of(null, "Agencies' recommendations recorded for " + conference(r, e.conferenceId())
                            + ": the chair decided " + (e.chairDecision() == ConferenceOutcome.PLAN
                            ? "on a plan under " + category(e.chairCategory()) : "on no plan")
                            + (dissent == 0 ? ", with no dissent" : ", with " + dissent
                            + (dissent == 1 ? " agency dissenting" : " agencies dissenting")))
                    .withDetails(lines).about("conference:" + e.conferenceId());
        });
        on(InquorateConferenceRecorded.class, (e, r) -> Description.of(null, "Recorded by " + r.name(e.recordedBy())
                        + " that " + conference(r, e.conferenceId()) + " was not quorate: "
                        + lower(e.decision().title()), reason(e.reason()))
                .about("conference:" + e.conferenceId()));
        on(TransferInNotificationReceived.class, (e, r) -> Description.of(e.receivedOn(), "Notified on "
                + day(e.receivedOn()) + " by " + e.fromAuthority() + " that the child, on its child protection plan "
                + "since " + day(e.otherPlanStartedOn()) + ", has moved here: a transfer-in conference is due"));
    }

    private static String conference(Reading reading, String conferenceId) {
        ConferenceType type = reading.conferenceTypes.get(conferenceId);
        return type == null ? "a conference" : "the " + type.title().toLowerCase(Locale.UK);
    }

    /**
     * The answers themselves are shown only to the roles that need them, on the child's characteristics page; the
     * history says that they were recorded or corrected, and why.
     */
    private void characteristics() {
        on(org.oversight.events.childcase.ChildCharacteristicsRecorded.class, (e, r) -> Description.of(null,
                e.correctionReason() == null ? "The child's characteristics recorded"
                        : "The child's characteristics corrected", reason(e.correctionReason())));
        on(org.oversight.events.childcase.MothersChildBirthRecorded.class, (e, r) -> Description.of(null,
                e.correctionReason() == null ? "The date her own child was born recorded"
                        : "The date her own child was born corrected", reason(e.correctionReason())));
        on(PersonWorkingHoursSet.class, (e, r) -> Description.of(e.effectiveFrom(), "Working hours of "
                + r.name(e.username()) + " from " + day(e.effectiveFrom()) + ": " + e.weeklyHours().toPlainString()
                + " hours a week, of a full-time " + e.fullTimeWeeklyHours().toPlainString(), reason(e.reason())));
    }

    private void coreGroupSettings() {
        on(CoreGroupSettingsSet.class, (e, r) -> Description.of(e.effectiveFrom(),
                "Core group settings in " + localAuthority(e.localAuthority()) + " set, from " + day(e.effectiveFrom()),
                e.recordedFrom() == null ? "Core group meetings held in Oversight for every plan"
                        : "Core group meetings held in Oversight for plans whose initial conference was on or after "
                                + day(e.recordedFrom()),
                "Each later core group within " + e.laterIntervalWorkingDays() + " working days of the one before",
                reason(e.reason())));
    }

    /**
     * A conference known only from a return: labelled with the return, and with its quoracy not recorded, never
     * as quorate or not.
     */
    private void reportedInReturns() {
        on(org.oversight.events.protection.ConferenceReportedInReturn.class, (e, r) -> {
            r.conferenceTypes.put(e.conferenceId(), e.review() ? ConferenceType.REVIEW : ConferenceType.INITIAL);
            String what = e.review() ? "Review conference held on " + day(e.heldOn()) + ", the plan's category "
                    + category(e.latestCategory())
                    : ConferenceType.INITIAL.title() + " held on " + day(e.heldOn()) + ": " + (e.planId() != null
                            ? "the child needs a child protection plan" : "no child protection plan");
            return Description.of(e.heldOn(), what, "From " + e.reportedIn() + ", quoracy not recorded")
                    .about("conference:" + e.conferenceId());
        });
    }
}
