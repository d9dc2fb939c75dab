package org.oversight.events.revisions;

import java.util.Map;
import java.util.Optional;
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
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.TransferInNotificationReceived;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;

/**
 * The revision of every event's stored shape: the one table a change of shape is recorded in. A looked-after
 * child's record is kept until their 75th birthday, so rows written today are read by releases decades from now;
 * each row carries the revision of the shape it was written in, and a release reads an older row through an
 * upcaster that carries it, revision by revision, to the shape of today's record.
 *
 * <p>Changing an event's shape (a field renamed, retyped, split or dropped) means raising its revision here and
 * adding the upcaster from the previous revision where the event store is configured. Rows stored before events
 * had revisions carry none; they are in the {@link #FIRST} shape.
 *
 * <p>Plain Java on purpose: the events depend on the JDK alone, and the serializer that writes the revision into
 * each row adapts this table.
 */
public final class EventRevisions {

    /** The shape an event was first stored in, and the shape of every row stored without a revision. */
    public static final String FIRST = "1";

    /**
     * The dental check and PEP review intervals joined the settings ({@code dentalCheckMonths},
     * {@code pepReviewMonths}); revision 2 had added the early-review timescale ({@code earlyReviewWorkingDays}).
     */
    private static final String POLICY_SETTINGS_WITH_HEALTH_AND_EDUCATION = "3";

    /**
     * The child protection conference timescales joined the settings ({@code preBirthReviewAfterBirthWorkingDays},
     * {@code preBirthReviewAfterConferenceMonths}, {@code transferInConferenceWorkingDays}).
     */
    private static final String POLICY_SETTINGS_WITH_CONFERENCE_TIMESCALES = "4";

    /** The consultation says whether the IRO spoke to the child in private (reg 36), {@code privateConversation}. */
    private static final String CONSULTATION_WITH_PRIVATE_CONVERSATION = "2";

    /** A change of placement says whether the carer changed ({@code carerChanged}), SSDA903 P or T. */
    private static final String PLACEMENT_CHANGE_WITH_CARER = "2";

    private static final Map<Class<?>, String> REVISIONS = Map.ofEntries(
            // childcase
            Map.entry(BirthRecorded.class, FIRST),
            Map.entry(ChairAllocated.class, FIRST),
            Map.entry(ChildRecordDestroyed.class, FIRST),
            Map.entry(ChildRecordRestricted.class, FIRST),
            Map.entry(ChildRecordRestrictionLifted.class, FIRST),
            Map.entry(ChildRegistered.class, FIRST),
            Map.entry(ChildTransferred.class, FIRST),
            // protection
            Map.entry(ChildProtectionPlanEnded.class, FIRST),
            Map.entry(ChildProtectionPlanStarted.class, FIRST),
            Map.entry(ConferenceDateCorrected.class, FIRST),
            Map.entry(InitialCategoryCorrected.class, FIRST),
            Map.entry(InitialConferenceHeld.class, FIRST),
            Map.entry(InitialConferenceNotRequired.class, FIRST),
            Map.entry(ReviewConferenceHeld.class, FIRST),
            Map.entry(Section47EnquiryStarted.class, FIRST),
            // lookedafter
            Map.entry(CarePlanActionAgreed.class, FIRST),
            Map.entry(CarePlanActionCancelled.class, FIRST),
            Map.entry(CarePlanActionChanged.class, FIRST),
            Map.entry(CarePlanActionCompleted.class, FIRST),
            Map.entry(ChildConsultedBeforeReview.class, CONSULTATION_WITH_PRIVATE_CONVERSATION),
            Map.entry(EarlyReviewRequested.class, FIRST),
            Map.entry(EducationPlanRecorded.class, FIRST),
            Map.entry(HealthCheckRecorded.class, FIRST),
            Map.entry(IroVisitRecorded.class, FIRST),
            Map.entry(LegalStatusChanged.class, FIRST),
            Map.entry(LookedAfterReviewHeld.class, FIRST),
            Map.entry(MidwayCheckRecorded.class, FIRST),
            Map.entry(ParticipationCorrected.class, FIRST),
            Map.entry(PeriodOfCareEnded.class, FIRST),
            Map.entry(PeriodOfCareStarted.class, FIRST),
            Map.entry(PermanencePlanRecorded.class, FIRST),
            Map.entry(PlacementChanged.class, PLACEMENT_CHANGE_WITH_CARER),
            Map.entry(ReviewDateCorrected.class, FIRST),
            Map.entry(ReviewDecisionsSent.class, FIRST),
            Map.entry(ReviewRecordDistributed.class, FIRST),
            // lookedafter: the social worker and their statutory visits
            Map.entry(PlacementIntentionRecorded.class, FIRST),
            Map.entry(SocialWorkerAllocated.class, FIRST),
            Map.entry(SocialWorkerUnallocated.class, FIRST),
            Map.entry(SocialWorkerVisited.class, FIRST),
            Map.entry(AdvocacyRecorded.class, FIRST),
            Map.entry(ParentsWishesSought.class, FIRST),
            Map.entry(ChildChairedReview.class, FIRST),
            Map.entry(MeetingChaired.class, FIRST),
            // escalation
            Map.entry(EscalationMovedUp.class, FIRST),
            Map.entry(EscalationRaised.class, FIRST),
            Map.entry(EscalationReferredToCafcass.class, FIRST),
            Map.entry(EscalationResolved.class, FIRST),
            Map.entry(EscalationResponseReceived.class, FIRST),
            Map.entry(EscalationResponseRejected.class, FIRST),
            Map.entry(EscalationWithdrawn.class, FIRST),
            // people
            Map.entry(ExistingPersonRecorded.class, FIRST),
            Map.entry(PersonAdded.class, FIRST),
            Map.entry(PersonAuthoritiesChanged.class, FIRST),
            Map.entry(PersonDisabled.class, FIRST),
            Map.entry(PersonEnabled.class, FIRST),
            Map.entry(PersonRolesChanged.class, FIRST),
            Map.entry(PersonTeamsChanged.class, FIRST),
            Map.entry(TeamAdded.class, FIRST),
            Map.entry(SubjectAccessRequested.class, FIRST),
            Map.entry(SubjectAccessDeadlineExtended.class, FIRST),
            Map.entry(SubjectAccessCopyPrepared.class, FIRST),
            Map.entry(SubjectAccessCopyReleased.class, FIRST),
            // policy
            Map.entry(PolicySettingsChanged.class, POLICY_SETTINGS_WITH_CONFERENCE_TIMESCALES),
            Map.entry(MeetingTypeAdded.class, FIRST),
            // retention
            Map.entry(LegalHoldLifted.class, FIRST),
            Map.entry(LegalHoldPlaced.class, FIRST),
            Map.entry(LocalRetentionChanged.class, FIRST),
            // the contacts a looked-after child's letter names
            Map.entry(AdvocacyAndComplaintsContactsChanged.class, FIRST),
            // protection: the plan between conferences, core groups and strategy meetings
            Map.entry(CoreGroupMeetingHeld.class, FIRST),
            Map.entry(ProtectionActionAgreed.class, FIRST),
            Map.entry(ProtectionActionCancelled.class, FIRST),
            Map.entry(ProtectionActionChanged.class, FIRST),
            Map.entry(ProtectionActionCompleted.class, FIRST),
            Map.entry(ProtectionMidwayCheckRecorded.class, FIRST),
            Map.entry(ProtectionPlanAgreed.class, FIRST),
            Map.entry(StrategyMeetingHeld.class, FIRST),
            // child protection conference papers
            Map.entry(ConferencePaperSent.class, FIRST),
            Map.entry(ConferenceMinutesWritten.class, FIRST),
            Map.entry(ConferencePaperworkTimescalesSet.class, FIRST),
            // protection: the conference as it happened
            Map.entry(ConferenceAttendanceRecorded.class, FIRST),
            Map.entry(ConferenceRecommendationsRecorded.class, FIRST),
            Map.entry(InquorateConferenceRecorded.class, FIRST),
            Map.entry(TransferInNotificationReceived.class, FIRST),
            // characteristics
            Map.entry(ChildCharacteristicsRecorded.class, FIRST),
            // how an authority's core groups are held in Oversight
            Map.entry(CoreGroupSettingsSet.class, FIRST),
            Map.entry(PersonWorkingHoursSet.class, FIRST),
            // a conference known only from a statutory return
            Map.entry(ConferenceReportedInReturn.class, FIRST),
            // the date of birth of a looked-after mother's own child (SSDA903 MC_DOB)
            Map.entry(org.oversight.events.childcase.MothersChildBirthRecorded.class, FIRST));

    private EventRevisions() {
    }

    /** The revision of the shape today's record of {@code type} is written in; empty for a type that is no event. */
    public static Optional<String> of(Class<?> type) {
        return Optional.ofNullable(REVISIONS.get(type));
    }

    /** Every event type with its current revision. */
    public static Map<Class<?>, String> all() {
        return REVISIONS;
    }

    /** The revision a stored row is in, reading a row stored before revisions as the first shape. */
    public static String stored(String payloadRevision) {
        return payloadRevision == null ? FIRST : payloadRevision;
    }
}
