package org.oversight.events.privacy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;

/**
 * Every field of every event, classified once: a child's personal content (names, dates of birth, identifiers and
 * free text written about the child or their family), stored encrypted under a data key, or a fact that stays
 * readable after the record is destroyed (ids, dates of decisions, codes, the service's own staff). A test fails
 * for any event field left out, so a new event or field is classified when it is added.
 *
 * <p>Decision dates (a conference held on, a review held on) are kept readable: they say when the service acted,
 * which is what the history must still prove after destruction, and name nobody once the child's identity is
 * gone. A date of birth or an expected date of delivery is the child's own, and is encrypted.
 *
 * <p>Whose key: a child's events are encrypted under the key of the child they name ({@code childId}). An
 * escalation may be about a sibling group and its later steps name only the escalation, so its free text is
 * encrypted under a key of the escalation's own, which is destroyed with the key of any child it is about: the
 * text is about all of them, and the destroyed child's part cannot be told from the rest.
 */
public final class PersonalFields {

    /** How a personal field is written, so that a destroyed one can be read back in a shape its event accepts. */
    public enum Kind {
        TEXT,
        TEXT_LIST,
        /** A list of small records (for example what a subject access copy withheld, each with its reason). */
        RECORD_LIST,
        DATE
    }

    /** What is to be said of a personal text field whose key is destroyed. */
    public static final String DESTROYED = "(destroyed)";

    /** What is to be said of a personal text field whose stored ciphertext was altered and no longer opens. */
    public static final String UNREADABLE = "(unreadable)";

    /**
     * One event's fields.
     *
     * @param keyField    the field naming whose key encrypts the personal fields (a child's id, or an
     *                    escalation's); {@code null} where the event has no personal fields
     * @param personal    the personal fields and how each is written
     * @param notPersonal every other field
     */
    public record Classification(Class<?> event, String keyField, Map<String, Kind> personal,
            Set<String> notPersonal) {

        public boolean hasPersonalContent() {
            return !personal.isEmpty();
        }
    }

    private static final Map<Class<?>, Classification> EVENTS = new HashMap<>();
    private static final Map<String, Classification> BY_NAME = new HashMap<>();

    private static final String CHILD = "childId";
    private static final String ESCALATION = "escalationId";

    static {
        // childcase
        event(ChildRegistered.class, CHILD, personal("localIdentifier", Kind.TEXT, "givenName", Kind.TEXT,
                "familyName", Kind.TEXT, "dateOfBirth", Kind.DATE, "expectedDateOfDelivery", Kind.DATE),
                "childId", "localAuthority", "registeredOn");
        event(BirthRecorded.class, CHILD, personal("dateOfBirth", Kind.DATE), "childId");
        event(ChildTransferred.class, CHILD, personal("toLocalIdentifier", Kind.TEXT, "reason", Kind.TEXT),
                "childId", "fromLocalAuthority", "toLocalAuthority", "transferredOn");
        event(ChildRecordRestricted.class, CHILD, personal("reason", Kind.TEXT), "childId", "namedPeople");
        event(ChildRecordRestrictionLifted.class, CHILD, personal("reason", Kind.TEXT), "childId");
        event(ChairAllocated.class, null, Map.of(),
                "childId", "role", "chairId", "chairName", "allocatedFrom", "previousChairId");
        event(ChildRecordDestroyed.class, null, Map.of(),
                "childId", "localAuthority", "retentionRule", "destroyedBy", "destroyedAt", "eventsAffected");
        // protection
        event(ChildProtectionPlanEnded.class, null, Map.of(),
                "childId", "planId", "endDate", "reason", "conferenceId");
        event(ChildProtectionPlanStarted.class, null, Map.of(),
                "childId", "planId", "startDate", "conferenceId", "initialCategory", "previousPlans");
        event(ConferenceDateCorrected.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "conferenceId", "recordedAs", "correctedTo");
        event(InitialCategoryCorrected.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "planId", "recordedAs", "correctedTo");
        event(InitialConferenceHeld.class, null, Map.of(), "childId", "conferenceId", "type", "heldOn", "enquiryId",
                "attendingAgencies", "quorate", "outcome", "childsView", "chairId", "chairName", "siblingGroup");
        event(InitialConferenceNotRequired.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "enquiryId", "decidedOn");
        event(ReviewConferenceHeld.class, null, Map.of(), "childId", "conferenceId", "planId", "heldOn",
                "attendingAgencies", "quorate", "planContinues", "latestCategory", "previousLatestCategory",
                "childsView", "chairId", "chairName", "siblingGroup");
        event(Section47EnquiryStarted.class, null, Map.of(), "childId", "enquiryId", "strategyDiscussionOn");
        // lookedafter
        event(CarePlanActionAgreed.class, CHILD, personal("action", Kind.TEXT, "owner", Kind.TEXT),
                "childId", "actionId", "reviewId", "dueOn", "agreedOn");
        event(CarePlanActionCancelled.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "actionId", "cancelledOn");
        event(CarePlanActionChanged.class, CHILD,
                personal("action", Kind.TEXT, "owner", Kind.TEXT, "reason", Kind.TEXT),
                "childId", "actionId", "dueOn", "changedOn");
        event(CarePlanActionCompleted.class, null, Map.of(), "childId", "actionId", "completedOn");
        event(ChildConsultedBeforeReview.class, null, Map.of(),
                "childId", "periodId", "consultedOn", "method", "seenAlone", "iroId", "privateConversation");
        // the social worker (a member of the council's staff), their visits, health checks and the PEP: codes,
        // dates and staff names
        event(SocialWorkerAllocated.class, null, Map.of(), "childId", "periodId", "allocatedOn", "worker", "team");
        event(SocialWorkerUnallocated.class, null, Map.of(), "childId", "periodId", "unallocatedOn", "worker");
        event(SocialWorkerVisited.class, null, Map.of(), "childId", "periodId", "visitedOn", "seenAlone", "place");
        event(PlacementIntentionRecorded.class, null, Map.of(),
                "childId", "periodId", "placementStartedOn", "decidedOn", "untilEighteen");
        event(HealthCheckRecorded.class, null, Map.of(), "childId", "periodId", "check", "heldOn", "iroId");
        event(EducationPlanRecorded.class, null, Map.of(), "childId", "periodId", "heldOn", "iroId");
        // the child's voice: codes and dates; a meeting's roles and outcome are written by hand and may name people
        event(AdvocacyRecorded.class, null, Map.of(), "childId", "periodId", "step", "on", "iroId");
        event(ParentsWishesSought.class, null, Map.of(),
                "childId", "periodId", "soughtOn", "whose", "outcome", "iroId");
        event(ChildChairedReview.class, null, Map.of(), "childId", "reviewId", "chairing", "iroId");
        event(MeetingChaired.class, CHILD, personal("attendeeRoles", Kind.TEXT_LIST, "outcome", Kind.TEXT),
                "childId", "periodId", "meetingId", "meetingType", "meetingTitle", "heldOn", "iroId");
        event(EarlyReviewRequested.class, null, Map.of(), "childId", "periodId", "requestedOn", "reason", "iroId");
        event(IroVisitRecorded.class, null, Map.of(), "childId", "periodId", "visitedOn", "faceToFace", "iroId");
        event(LegalStatusChanged.class, null, Map.of(), "childId", "periodId", "changedOn", "from", "to");
        event(LookedAfterReviewHeld.class, CHILD,
                personal("decisions", Kind.TEXT_LIST, "recommendations", Kind.TEXT_LIST),
                "childId", "periodId", "reviewId", "heldOn", "participation", "spokeToChildBeforehand", "iroId",
                "iroName");
        event(MidwayCheckRecorded.class, null, Map.of(), "childId", "periodId", "checkedOn", "finding", "iroId");
        event(ParticipationCorrected.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "reviewId", "recordedAs", "correctedTo");
        event(PeriodOfCareEnded.class, null, Map.of(), "childId", "periodId", "endedOn", "reason");
        event(PeriodOfCareStarted.class, CHILD, personal("placement", Kind.TEXT),
                "childId", "periodId", "startedOn", "legalStatus");
        event(PermanencePlanRecorded.class, null, Map.of(),
                "childId", "periodId", "recordedOn", "plan", "previous");
        event(PlacementChanged.class, CHILD, personal("from", Kind.TEXT, "to", Kind.TEXT),
                "childId", "periodId", "changedOn", "carerChanged");
        event(ReviewDateCorrected.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "reviewId", "recordedAs", "correctedTo");
        event(ReviewDecisionsSent.class, null, Map.of(), "childId", "reviewId", "sentOn");
        event(ReviewRecordDistributed.class, null, Map.of(),
                "childId", "reviewId", "distributedOn", "childFriendlyVersion");
        // escalation: free text about the child or sibling group, under the escalation's own key
        event(EscalationRaised.class, ESCALATION, personal("asked", Kind.TEXT), "escalationId", "childIds",
                "localAuthority", "concernCategory", "formal", "level", "raisedOn", "raisedBy", "raisedByName");
        event(EscalationMovedUp.class, ESCALATION, personal("reason", Kind.TEXT),
                "escalationId", "fromLevel", "toLevel", "skippedLevels", "movedOn");
        event(EscalationReferredToCafcass.class, ESCALATION, personal("reason", Kind.TEXT),
                "escalationId", "referredOn");
        event(EscalationResolved.class, ESCALATION, personal("outcomeForChild", Kind.TEXT),
                "escalationId", "resolvedOn", "level", "resolvedInChildsInterest");
        event(EscalationResponseReceived.class, ESCALATION, personal("respondent", Kind.TEXT, "agreed", Kind.TEXT),
                "escalationId", "level", "receivedOn");
        event(EscalationResponseRejected.class, ESCALATION, personal("reason", Kind.TEXT),
                "escalationId", "level", "rejectedOn");
        event(EscalationWithdrawn.class, ESCALATION, personal("reason", Kind.TEXT), "escalationId", "withdrawnOn");
        // people and settings: the service's own staff and rules, no child's record (kept by their own rules)
        event(ExistingPersonRecorded.class, null, Map.of(),
                "username", "displayName", "roles", "chairRoles", "authorities", "teams", "enabled");
        event(PersonAdded.class, null, Map.of(),
                "username", "displayName", "roles", "chairRoles", "authorities", "teams", "reason");
        event(PersonAuthoritiesChanged.class, null, Map.of(), "username", "authorities", "teams", "reason");
        event(PersonDisabled.class, null, Map.of(), "username", "reason");
        event(PersonEnabled.class, null, Map.of(), "username", "reason");
        event(PersonRolesChanged.class, null, Map.of(), "username", "roles", "chairRoles", "reason");
        event(PersonTeamsChanged.class, null, Map.of(), "username", "teams", "reason");
        event(TeamAdded.class, null, Map.of(), "localAuthority", "name", "reason");
        event(PolicySettingsChanged.class, null, Map.of(), "localAuthority", "effectiveFrom", "settings", "reason");
        event(MeetingTypeAdded.class, null, Map.of(), "localAuthority", "code", "title", "reason");
        event(LocalRetentionChanged.class, null, Map.of(), "localAuthority", "recordType", "years", "from", "reason");
        // legal holds: the note may say who is suing or inquiring
        event(LegalHoldPlaced.class, CHILD, personal("note", Kind.TEXT), "childId", "reason");
        event(LegalHoldLifted.class, CHILD, personal("note", Kind.TEXT), "childId", "reason");
        // subject access: the requester (a parent, the child grown up) is named, and the copy's reviewed pieces
        // carry reasons written about other people
        event(SubjectAccessRequested.class, CHILD, personal("requesterName", Kind.TEXT),
                "childId", "requestId", "relationship", "receivedOn");
        event(SubjectAccessDeadlineExtended.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "requestId", "toldOn");
        event(SubjectAccessCopyPrepared.class, CHILD, personal("items", Kind.RECORD_LIST),
                "childId", "requestId", "preparedOn", "historyThrough");
        event(SubjectAccessCopyReleased.class, CHILD, personal("releasedTo", Kind.TEXT),
                "childId", "requestId", "releasedOn");
        // an authority's services for children, named and reached by their public numbers and addresses
        event(AdvocacyAndComplaintsContactsChanged.class, null, Map.of(), "localAuthority", "advocacyService",
                "advocacyPhone", "advocacyWebAddress", "complaintsTeam", "complaintsPhone", "complaintsWebAddress",
                "reason");
        // protection: the plan between conferences; agencies and progress codes are not about the child, what the
        // chair wrote is
        event(StrategyMeetingHeld.class, null, Map.of(),
                "childId", "meetingId", "heldOn", "attendingAgencies", "decision", "enquiryId");
        event(ProtectionPlanAgreed.class, CHILD, personal("outcomes", Kind.TEXT_LIST, "contingencyPlan", Kind.TEXT),
                "childId", "planId", "conferenceId", "agreedOn");
        event(ProtectionActionAgreed.class, CHILD, personal("action", Kind.TEXT, "owner", Kind.TEXT),
                "childId", "actionId", "planId", "conferenceId", "dueOn", "agreedOn");
        event(ProtectionActionCompleted.class, null, Map.of(), "childId", "actionId", "completedOn");
        event(ProtectionActionChanged.class, CHILD,
                personal("action", Kind.TEXT, "owner", Kind.TEXT, "reason", Kind.TEXT),
                "childId", "actionId", "dueOn", "changedOn");
        event(ProtectionActionCancelled.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "actionId", "cancelledOn");
        event(CoreGroupMeetingHeld.class, CHILD, personal("progressNote", Kind.TEXT),
                "childId", "meetingId", "planId", "heldOn", "attendingAgencies", "actionProgress");
        event(ProtectionMidwayCheckRecorded.class, CHILD, personal("alertRaisedTo", Kind.TEXT),
                "childId", "planId", "checkedOn", "finding");
        // conference papers: the chair's narrative is kept outside the event, which holds its digest alone
        event(ConferencePaperSent.class, null, Map.of(), "childId", "conferenceId", "paper", "sentOn");
        event(ConferenceMinutesWritten.class, null, Map.of(), "childId", "conferenceId", "narrativeId",
                "narrativeSha256", "passages", "withheldPassages", "chairId");
        event(ConferencePaperworkTimescalesSet.class, null, Map.of(), "localAuthority", "effectiveFrom",
                "decisionsWorkingDays", "minutesWorkingDays", "reason");
        // protection: the conference as it happened. Family members are named; dissent reasons, the family's
        // views and why a conference was inquorate are written about the family
        event(ConferenceAttendanceRecorded.class, CHILD, personal("namedFamily", Kind.RECORD_LIST),
                "childId", "conferenceId", "attendees", "recordedBy");
        event(ConferenceRecommendationsRecorded.class, CHILD, personal("recommendations", Kind.RECORD_LIST,
                "familyViews", Kind.TEXT), "childId", "conferenceId", "chairDecision", "chairCategory", "recordedBy");
        event(InquorateConferenceRecorded.class, CHILD, personal("reason", Kind.TEXT),
                "childId", "conferenceId", "decision", "recordedBy");
        event(TransferInNotificationReceived.class, null, Map.of(),
                "childId", "notificationId", "receivedOn", "fromAuthority", "otherPlanStartedOn", "recordedBy");
        // the child's characteristics: every answer is the child's own, special-category data among them
        event(ChildCharacteristicsRecorded.class, CHILD, personal("sex", Kind.TEXT, "ethnicity", Kind.TEXT,
                "uniquePupilNumber", Kind.TEXT, "disability", Kind.TEXT, "firstLanguage", Kind.TEXT,
                "interpreterNeeded", Kind.TEXT, "mother", Kind.TEXT, "correctionReason", Kind.TEXT), "childId");
        // an authority's setting, about no child
        event(CoreGroupSettingsSet.class, null, Map.of(), "localAuthority", "effectiveFrom", "recordedFrom",
                "laterIntervalWorkingDays", "reason");
        // a chair's working hours: the service's own staff, no child's record
        event(PersonWorkingHoursSet.class, null, Map.of(),
                "username", "effectiveFrom", "weeklyHours", "fullTimeWeeklyHours", "reason");
        // a conference from a return: dates, codes and the return's name, nothing said about the child
        event(ConferenceReportedInReturn.class, null, Map.of(), "childId", "conferenceId", "review", "heldOn",
                "enquiryId", "planId", "latestCategory", "reportedIn");
        // when a looked-after mother's own child was born: hers, and about her child
        event(org.oversight.events.childcase.MothersChildBirthRecorded.class, CHILD,
                personal("mothersChildBornOn", Kind.DATE, "correctionReason", Kind.TEXT), "childId");
    }

    private PersonalFields() {
    }

    /** The classification of an event type; empty for a type that is no event. */
    public static Optional<Classification> of(Class<?> event) {
        return Optional.ofNullable(EVENTS.get(event));
    }

    /** The classification of the event stored under this type name; empty for anything else. */
    public static Optional<Classification> of(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** Every classified event. */
    public static Map<Class<?>, Classification> all() {
        return Map.copyOf(EVENTS);
    }

    private static Map<String, Kind> personal(Object... nameThenKind) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenKind.length; i += 2) {
            fields.put((String) nameThenKind[i], (Kind) nameThenKind[i + 1]);
        }
        return fields;
    }

    private static void event(Class<?> type, String keyField, Map<String, Kind> personal, String... notPersonal) {
        if ((keyField == null) != personal.isEmpty()) {
            throw new ExceptionInInitializerError("An event with personal fields names whose key encrypts them: "
                    + type.getSimpleName());
        }
        Classification classification = new Classification(type, keyField, Map.copyOf(personal),
                Set.of(notPersonal));
        EVENTS.put(type, classification);
        BY_NAME.put(type.getName(), classification);
    }
}
