package org.oversight.query.subjectaccess;

import static org.oversight.events.subjectaccess.Whose.NAMED_PERSON;
import static org.oversight.events.subjectaccess.Whose.OTHER_CHILD;
import static org.oversight.events.subjectaccess.Whose.PROFESSIONAL;
import static org.oversight.events.subjectaccess.Whose.WRITTEN_WORDS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.ParentsWishesSought;
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
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceDateCorrected;
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
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * Whose information each event of the published language holds, beyond the child's own: the one place a copy for
 * a subject access request learns what it may have to withhold. Everything an event says that is not listed here
 * is the child's own information. A test scans the events packages and fails for any type not classified here, so
 * a new event cannot reach a copy unread.
 *
 * <p>Words a professional wrote (decisions, reasons, actions) may name or describe anyone, so they are always
 * listed for review; names of staff are listed as professionals', and the names the history shows them by are the
 * ones the directory gives, as in the auditor's history.
 */
@Component
public class WhoseInformation {

    private final Map<Class<?>, BiConsumer<Object, List<Mention>>> classified = new LinkedHashMap<>();
    private final StaffDirectory directory;

    public WhoseInformation(StaffDirectory directory) {
        this.directory = directory;
        childCase();
        protection();
        lookedAfter();
        escalations();
        notAboutAChild();
        subjectAccess();
        retention();
        planBetweenConferences();
        conferencePapers();
        conferenceAsItHappened();
        characteristics();
        coreGroupSettings();
        reportedInReturns();
    }

    /** Every event type classified here. */
    public Set<Class<?>> classifiedTypes() {
        return Collections.unmodifiableSet(classified.keySet());
    }

    /**
     * The other people's information the event holds; empty when it holds only the child's own.
     *
     * @throws IllegalArgumentException for a type not classified, so that nothing unclassified is ever released
     */
    public List<Mention> of(Object event) {
        BiConsumer<Object, List<Mention>> classification = classified.get(event.getClass());
        if (classification == null) {
            throw new IllegalArgumentException("No classification for " + event.getClass().getSimpleName());
        }
        List<Mention> mentions = new ArrayList<>();
        classification.accept(event, mentions);
        return mentions.stream().filter(m -> m.value() != null && !m.value().isBlank()).toList();
    }

    private <E> void on(Class<E> type, BiConsumer<E, List<Mention>> classification) {
        classified.put(type, (event, mentions) -> classification.accept(type.cast(event), mentions));
    }

    private <E> void childsOwn(Class<E> type) {
        on(type, (e, m) -> {
        });
    }

    private String name(String username) {
        return username == null ? null : directory.displayName(username).orElse(username);
    }

    private static void words(List<Mention> mentions, String text, String about) {
        mentions.add(Mention.of(WRITTEN_WORDS, text, about));
    }

    private static void professional(List<Mention> mentions, String name, String about) {
        mentions.add(Mention.of(PROFESSIONAL, name, about));
    }

    private void childCase() {
        childsOwn(ChildRegistered.class);
        childsOwn(BirthRecorded.class);
        on(ChairAllocated.class, (e, m) -> {
            professional(m, e.chairName(), "A chair's name");
            professional(m, name(e.previousChairId()), "A chair's name");
        });
        on(ChildRecordRestricted.class, (e, m) -> {
            e.namedPeople().forEach(person -> professional(m, name(person), "The name of a member of staff"));
            words(m, e.reason(), "Why the record was restricted");
        });
        on(ChildRecordRestrictionLifted.class, (e, m) -> words(m, e.reason(), "Why a restriction was lifted"));
        on(ChildTransferred.class, (e, m) -> words(m, e.reason(), "Why the child was transferred"));
    }

    private void protection() {
        childsOwn(Section47EnquiryStarted.class);
        on(InitialConferenceNotRequired.class, (e, m) -> words(m, e.reason(),
                "Why no initial conference was needed"));
        on(InitialConferenceHeld.class, (e, m) -> {
            professional(m, e.chairName(), "A conference chair's name");
            siblings(m, e.siblingGroup());
        });
        on(ReviewConferenceHeld.class, (e, m) -> {
            professional(m, e.chairName(), "A conference chair's name");
            siblings(m, e.siblingGroup());
        });
        childsOwn(ChildProtectionPlanStarted.class);
        childsOwn(ChildProtectionPlanEnded.class);
        on(ConferenceDateCorrected.class, (e, m) -> words(m, e.reason(), "Why a conference date was corrected"));
        on(InitialCategoryCorrected.class, (e, m) -> words(m, e.reason(), "Why a category was corrected"));
    }

    /** The other children decided about at the same conference: the history counts them, and that is theirs. */
    private static void siblings(List<Mention> mentions, List<String> siblingGroup) {
        if (siblingGroup != null && !siblingGroup.isEmpty()) {
            mentions.add(Mention.line(OTHER_CHILD, "Decided together with ",
                    "Other children decided about at the same conference"));
        }
    }

    private void lookedAfter() {
        // a placement may be described by its carers' names
        on(PeriodOfCareStarted.class, (e, m) -> m.add(Mention.of(NAMED_PERSON, e.placement(), "A placement")));
        on(PlacementChanged.class, (e, m) -> {
            m.add(Mention.of(NAMED_PERSON, e.from(), "A placement"));
            m.add(Mention.of(NAMED_PERSON, e.to(), "A placement"));
        });
        childsOwn(LegalStatusChanged.class);
        childsOwn(PeriodOfCareEnded.class);
        on(ChildConsultedBeforeReview.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(IroVisitRecorded.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(MidwayCheckRecorded.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(EarlyReviewRequested.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(SocialWorkerAllocated.class, (e, m) -> professional(m, e.worker(), "A social worker's name"));
        on(SocialWorkerUnallocated.class, (e, m) -> professional(m, e.worker(), "A social worker's name"));
        childsOwn(SocialWorkerVisited.class);
        on(AdvocacyRecorded.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        // whose wishes were sought is said by role (a parent, another person with parental responsibility)
        on(ParentsWishesSought.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(ChildChairedReview.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(MeetingChaired.class, (e, m) -> {
            professional(m, name(e.iroId()), "An IRO's name");
            e.attendeeRoles().forEach(role -> words(m, role, "Who took part in a meeting"));
            words(m, e.outcome(), "A meeting's outcome");
        });
        on(HealthCheckRecorded.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        on(EducationPlanRecorded.class, (e, m) -> professional(m, name(e.iroId()), "An IRO's name"));
        childsOwn(PlacementIntentionRecorded.class);
        on(LookedAfterReviewHeld.class, (e, m) -> {
            professional(m, e.iroName() != null ? e.iroName() : name(e.iroId()), "An IRO's name");
            e.decisions().forEach(decision -> words(m, decision, "A review's decision"));
            e.recommendations().forEach(recommendation -> words(m, recommendation, "A review's recommendation"));
        });
        // the owner of an action is often a parent, a carer or a relative, named
        on(CarePlanActionAgreed.class, (e, m) -> {
            words(m, e.action(), "A care plan action");
            m.add(Mention.of(NAMED_PERSON, e.owner(), "The owner of a care plan action"));
        });
        on(CarePlanActionChanged.class, (e, m) -> {
            words(m, e.action(), "A care plan action");
            m.add(Mention.of(NAMED_PERSON, e.owner(), "The owner of a care plan action"));
            words(m, e.reason(), "Why an action changed");
        });
        childsOwn(CarePlanActionCompleted.class);
        on(CarePlanActionCancelled.class, (e, m) -> words(m, e.reason(), "Why an action was cancelled"));
        childsOwn(PermanencePlanRecorded.class);
        childsOwn(ReviewRecordDistributed.class);
        childsOwn(ReviewDecisionsSent.class);
        on(ReviewDateCorrected.class, (e, m) -> words(m, e.reason(), "Why a review date was corrected"));
        on(ParticipationCorrected.class, (e, m) -> words(m, e.reason(), "Why participation was corrected"));
    }

    private void escalations() {
        on(EscalationRaised.class, (e, m) -> {
            professional(m, e.raisedByName() != null ? e.raisedByName() : name(e.raisedBy()),
                    "The name of the chair who escalated");
            words(m, e.asked(), "What an escalation asked for");
            if (e.childIds().size() > 1) {
                m.add(Mention.line(OTHER_CHILD, "Raised for a sibling group",
                        "Other children of the same escalation"));
            }
        });
        on(EscalationMovedUp.class, (e, m) -> words(m, e.reason(), "Why an escalation moved up"));
        on(EscalationResponseReceived.class, (e, m) -> {
            professional(m, e.respondent(), "The name of a manager who responded");
            words(m, e.agreed(), "What a response agreed");
        });
        on(EscalationResponseRejected.class, (e, m) -> words(m, e.reason(), "Why a response was not accepted"));
        on(EscalationResolved.class, (e, m) -> words(m, e.outcomeForChild(), "An escalation's outcome"));
        on(EscalationWithdrawn.class, (e, m) -> words(m, e.reason(), "Why an escalation was withdrawn"));
        on(EscalationReferredToCafcass.class, (e, m) -> words(m, e.reason(), "Why a referral was made to Cafcass"));
    }

    /** Settings and staff accounts are never in a child's streams; should one be, its names are staff's. */
    private void notAboutAChild() {
        childsOwn(PolicySettingsChanged.class);
        on(PersonAdded.class, (e, m) -> professional(m, e.displayName(), "The name of a member of staff"));
        on(ExistingPersonRecorded.class, (e, m) -> professional(m, e.displayName(), "The name of a member of staff"));
        on(PersonRolesChanged.class, (e, m) -> professional(m, name(e.username()), "The name of a member of staff"));
        on(PersonAuthoritiesChanged.class, (e, m) -> professional(m, name(e.username()),
                "The name of a member of staff"));
        on(PersonTeamsChanged.class, (e, m) -> professional(m, name(e.username()), "The name of a member of staff"));
        on(PersonDisabled.class, (e, m) -> professional(m, name(e.username()), "The name of a member of staff"));
        on(PersonEnabled.class, (e, m) -> professional(m, name(e.username()), "The name of a member of staff"));
        childsOwn(TeamAdded.class);
        childsOwn(MeetingTypeAdded.class);
        childsOwn(LocalRetentionChanged.class);
        childsOwn(AdvocacyAndComplaintsContactsChanged.class);
    }

    /** What keeps the record and ends it: a hold's note may name who is inquiring or suing. */
    private void retention() {
        on(LegalHoldPlaced.class, (e, m) -> words(m, e.note(), "Why the record is held"));
        on(LegalHoldLifted.class, (e, m) -> words(m, e.note(), "Why a hold was lifted"));
        on(ChildRecordDestroyed.class, (e, m) -> professional(m, name(e.destroyedBy()),
                "The name of a member of staff"));
    }

    /**
     * An earlier request's requester is a named person (unless it is the same person asking again, which the copy
     * works out); the reasons written when preparing a copy are words to read like any other.
     */
    private void subjectAccess() {
        on(SubjectAccessRequested.class, (e, m) -> m.add(Mention.of(NAMED_PERSON, e.requesterName(),
                "The name of a person who asked for a copy of the record")));
        on(SubjectAccessDeadlineExtended.class, (e, m) -> words(m, e.reason(), "Why more time was needed"));
        on(SubjectAccessCopyPrepared.class, (e, m) -> e.items().forEach(item -> words(m, item.reason(),
                "Why information was withheld from a copy")));
        on(SubjectAccessCopyReleased.class, (e, m) -> m.add(Mention.of(NAMED_PERSON, e.releasedTo(),
                "The name of a person a copy was given to")));
    }

    /** The plan between conferences: what the chair wrote, and owners who are often family members, named. */
    private void planBetweenConferences() {
        childsOwn(StrategyMeetingHeld.class);
        on(ProtectionPlanAgreed.class, (e, m) -> {
            e.outcomes().forEach(outcome -> words(m, outcome, "An outcome of a child protection plan"));
            words(m, e.contingencyPlan(), "A contingency plan");
        });
        on(ProtectionActionAgreed.class, (e, m) -> {
            words(m, e.action(), "A child protection plan action");
            m.add(Mention.of(NAMED_PERSON, e.owner(), "The owner of a child protection plan action"));
        });
        on(ProtectionActionChanged.class, (e, m) -> {
            words(m, e.action(), "A child protection plan action");
            m.add(Mention.of(NAMED_PERSON, e.owner(), "The owner of a child protection plan action"));
            words(m, e.reason(), "Why an action changed");
        });
        childsOwn(ProtectionActionCompleted.class);
        on(ProtectionActionCancelled.class, (e, m) -> words(m, e.reason(), "Why an action was cancelled"));
        on(CoreGroupMeetingHeld.class, (e, m) -> words(m, e.progressNote(), "A core group's account of progress"));
        on(ProtectionMidwayCheckRecorded.class, (e, m) -> m.add(Mention.of(NAMED_PERSON, e.alertRaisedTo(),
                "Who an alert about the plan was raised with")));
    }

    /**
     * A conference's papers: the events name the chair and the narrative's digest; the narrative itself is in the
     * narrative store, outside the history, and the copy does not carry it.
     */
    private void conferencePapers() {
        childsOwn(ConferencePaperSent.class);
        on(ConferenceMinutesWritten.class, (e, m) -> professional(m, name(e.chairId()), "A chair's name"));
        childsOwn(ConferencePaperworkTimescalesSet.class);
    }

    /**
     * The conference as it happened: the family members named at it are other people, and so are the words an
     * agency, the family or the chair wrote about them.
     */
    private void conferenceAsItHappened() {
        on(ConferenceAttendanceRecorded.class, (e, m) -> e.namedFamily().forEach(named -> {
            ConferenceRole role = named.attendee() < e.attendees().size()
                    ? e.attendees().get(named.attendee()).role() : null;
            if (role != ConferenceRole.CHILD) {
                m.add(Mention.of(NAMED_PERSON, named.name(),
                        "A family member's name at a conference"));
            }
        }));
        on(ConferenceRecommendationsRecorded.class, (e, m) -> {
            e.dissent().forEach(a -> words(m, a.dissentReason(), "Why an agency dissented"));
            words(m, e.familyViews(), "The family's views at a conference");
        });
        on(InquorateConferenceRecorded.class, (e, m) -> words(m, e.reason(), "Why a conference was not quorate"));
        childsOwn(TransferInNotificationReceived.class);
        on(PersonWorkingHoursSet.class, (e, m) -> professional(m, name(e.username()), "The name of a member of staff"));
    }

    /** The characteristics are the child's own; a correction's reason is words to read like any other. */
    private void characteristics() {
        on(org.oversight.events.childcase.ChildCharacteristicsRecorded.class, (e, m) -> {
            if (e.correctionReason() != null) {
                words(m, e.correctionReason(), "Why the child's characteristics were corrected");
            }
        });
        // the date her own child was born is hers as the return asks for it; a correction's reason is words
        on(org.oversight.events.childcase.MothersChildBirthRecorded.class, (e, m) -> {
            if (e.correctionReason() != null) {
                words(m, e.correctionReason(), "Why the date her child was born was corrected");
            }
        });
    }

    /** An authority's setting: nobody's information but the service's, classified as the paperwork timescales are. */
    private void coreGroupSettings() {
        childsOwn(org.oversight.events.policy.CoreGroupSettingsSet.class);
    }

    /** A conference a return reported: the child's own, as a conference recorded in Oversight is. */
    private void reportedInReturns() {
        childsOwn(org.oversight.events.protection.ConferenceReportedInReturn.class);
    }
}
