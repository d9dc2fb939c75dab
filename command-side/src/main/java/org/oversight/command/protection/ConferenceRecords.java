package org.oversight.command.protection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.protection.ConferenceRecommendationsRecorded.AgencyRecommendation;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceAttendanceRecorded.ConferenceAttendee;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.ConferenceRole;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.InquorateDecision;
import org.oversight.events.protection.ConferenceAttendanceRecorded.NamedFamilyMember;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.TransferInNotificationReceived;

/**
 * The conference as it happened, beside the decision it recorded: who was invited and who came, the reports,
 * each agency's recommendation and any dissent, the family's views, why a conference was inquorate, and the
 * notification that starts a transfer-in conference's clock. An aggregate member of the child's protection
 * journey ({@link ChildProtection}); it keeps its own copy of what it needs of each conference, from the
 * conference events, so the journey's own state is untouched.
 */
final class ConferenceRecords {

    /** What this member reads of a conference: its kind, its day, its quorum and what it decided. */
    private record Held(ConferenceType type, LocalDate heldOn, boolean quorate, ConferenceOutcome decision,
            CategoryOfAbuse category) {

        Held on(LocalDate day) {
            return new Held(type, day, quorate, decision, category);
        }

        Held under(CategoryOfAbuse newCategory) {
            return new Held(type, heldOn, quorate, decision, newCategory);
        }
    }

    private final Map<String, Held> conferences = new HashMap<>();
    /** The conference that started each plan, so a corrected initial category reaches it. */
    private final Map<String, String> planConferences = new HashMap<>();
    private final Set<String> attendance = new HashSet<>();
    private final Set<String> recommendations = new HashSet<>();
    private final Set<String> inquorate = new HashSet<>();
    private final Set<String> notifications = new HashSet<>();

    void attendance(RecordConferenceAttendance command, RegisteredChild child) {
        Held held = held(command.conferenceId());
        onceFor(attendance, command.conferenceId(), "Who was invited and who attended");
        List<ConferenceAttendee> attendees = new ArrayList<>();
        List<NamedFamilyMember> names = new ArrayList<>();
        for (int index = 0; index < command.attendees().size(); index++) {
            RecordConferenceAttendance.Attendee given = command.attendees().get(index);
            String field = "attendees[" + index + "]";
            String agency = blankAsNull(given.agency());
            if ((given.role() == ConferenceRole.AGENCY) != (agency != null)) {
                throw new RuleViolation(ConferenceRecordRule.AGENCY_NAMED_FOR_AGENCY, field + ".agency",
                        given.role() == ConferenceRole.AGENCY ? "Enter the agency the representative came from"
                                : "Only an agency's representative is recorded with an agency");
            }
            String name = blankAsNull(given.name());
            if (name != null && !given.role().family()) {
                throw new RuleViolation(ConferenceRecordRule.NAME_ONLY_FOR_FAMILY, field + ".name",
                        "Professionals are recorded by role: record a name only for the child, a parent or a carer");
            }
            if (given.reportBeforeConference() == (given.reportSharedInTime() == null)) {
                throw new RuleViolation(ConferenceRecordRule.REPORT_SHARED_ONLY_WHEN_RECEIVED,
                        field + ".reportSharedInTime", given.reportBeforeConference()
                                ? "Say whether the report was shared with the family in time"
                                : "No report was received, so none was shared with the family");
            }
            if (given.role() == ConferenceRole.CHILD && given.attendance() != Attendance.NONE
                    && child.unbornOn(held.heldOn())) {
                throw new RuleViolation(ConferenceRecordRule.UNBORN_CHILD_DID_NOT_ATTEND, field + ".attendance",
                        "The child was not yet born on " + spoken(held.heldOn()) + ", so did not attend");
            }
            attendees.add(new ConferenceAttendee(given.role(), agency, given.invited(), given.attendance(),
                    given.reportBeforeConference(), given.reportSharedInTime()));
            if (name != null) {
                names.add(new NamedFamilyMember(index, name));
            }
        }
        apply(new ConferenceAttendanceRecorded(command.childId(), command.conferenceId(), attendees, names,
                command.recordedBy()));
    }

    void recommendations(RecordConferenceRecommendations command) {
        Held held = held(command.conferenceId());
        onceFor(recommendations, command.conferenceId(), "The agencies' recommendations");
        if (command.chairDecision() != held.decision() || command.chairCategory() != held.category()) {
            throw new RuleViolation(ConferenceRecordRule.CHAIR_DECISION_MATCHES_CONFERENCE, "chairDecision",
                    "The conference recorded " + decided(held.decision(), held.category(), held.type())
                            + ": record the chair's decision as the conference recorded it");
        }
        Set<String> agencies = new HashSet<>();
        List<AgencyRecommendation> made = new ArrayList<>();
        for (int index = 0; index < command.recommendations().size(); index++) {
            RecordConferenceRecommendations.Recommendation given = command.recommendations().get(index);
            String field = "recommendations[" + index + "]";
            String agency = given.agency().strip();
            if (!agencies.add(agency.toLowerCase(Locale.ROOT))) {
                throw new RuleViolation(ConferenceRecordRule.ONE_RECOMMENDATION_PER_AGENCY, field + ".agency",
                        "Each agency makes one recommendation at a conference");
            }
            if ((given.recommended() == ConferenceOutcome.PLAN) != (given.category() != null)) {
                throw new RuleViolation(ConferenceRecordRule.CATEGORY_WITH_PLAN_RECOMMENDATION, field + ".category",
                        given.recommended() == ConferenceOutcome.PLAN
                                ? "Select the category of abuse the agency recommended the plan under"
                                : "A recommendation of no plan has no category of abuse");
            }
            boolean dissents = given.recommended() != held.decision() || given.category() != held.category();
            String reason = blankAsNull(given.dissentReason());
            if (dissents != (reason != null)) {
                throw new RuleViolation(ConferenceRecordRule.DISSENT_GIVES_REASON, field + ".dissentReason",
                        dissents ? "The agency dissented from the chair's decision: record its reason"
                                : "The agency agreed with the chair's decision, so there is no dissent to record");
            }
            made.add(new AgencyRecommendation(agency, given.recommended(), given.category(), reason));
        }
        apply(new ConferenceRecommendationsRecorded(command.childId(), command.conferenceId(), made,
                command.chairDecision(), command.chairCategory(), blankAsNull(command.familyViews()),
                command.recordedBy()));
    }

    void inquorate(RecordInquorateConference command) {
        Held held = held(command.conferenceId());
        if (held.quorate()) {
            throw new RuleViolation(ConferenceRecordRule.INQUORATE_RECORD_ONLY_FOR_INQUORATE, "conferenceId",
                    "This conference was recorded as quorate");
        }
        onceFor(inquorate, command.conferenceId(), "Why the conference was inquorate");
        String reason = blankAsNull(command.reason());
        if (reason == null) {
            throw new RuleViolation(ConferenceRecordRule.INQUORATE_REASON_GIVEN, "reason",
                    "Enter why the conference was not quorate");
        }
        boolean review = held.type() == ConferenceType.REVIEW;
        boolean fits = switch (command.decision()) {
            case RECONVENE -> review || held.decision() == ConferenceOutcome.NO_PLAN;
            case PLAN_CONTINUES_UNTIL_QUORATE_REVIEW -> review;
            case PROCEEDED_NO_PLAN -> !review && held.decision() == ConferenceOutcome.NO_PLAN;
        };
        if (!fits) {
            throw new RuleViolation(ConferenceRecordRule.INQUORATE_DECISION_FITS_CONFERENCE, "decision", review
                    ? "At an inquorate review the plan continues until a quorate review: it cannot have decided on no plan"
                    : "An inquorate initial conference cannot continue a plan; it is reconvened or decides on no plan");
        }
        apply(new InquorateConferenceRecorded(command.childId(), command.conferenceId(), reason, command.decision(),
                command.recordedBy()));
    }

    void transferIn(RecordTransferInNotification command, LocalDate today) {
        ProtectionDates.notInFuture(command.receivedOn(), today, "receivedOn", "The date the notification was received");
        if (notifications.contains(command.notificationId())) {
            throw new RuleViolation(ConferenceRecordRule.NOTIFICATION_RECORDED_ONCE, "notificationId",
                    "This notification is already recorded for the child");
        }
        if (command.otherPlanStartedOn().isAfter(command.receivedOn())) {
            throw new RuleViolation(ConferenceRecordRule.OTHER_PLAN_BEFORE_NOTIFICATION, "otherPlanStartedOn",
                    "The other authority's plan must have started by the day its notification was received, "
                            + spoken(command.receivedOn()));
        }
        apply(new TransferInNotificationReceived(command.childId(), command.notificationId(), command.receivedOn(),
                command.fromAuthority().strip(), command.otherPlanStartedOn(), command.recordedBy()));
    }

    private Held held(String conferenceId) {
        Held held = conferences.get(conferenceId);
        if (held == null) {
            throw new RuleViolation(ConferenceRecordRule.CONFERENCE_MUST_BE_RECORDED, "conferenceId",
                    "No conference with this reference is recorded for the child: record the conference first");
        }
        return held;
    }

    private static void onceFor(Set<String> recorded, String conferenceId, String what) {
        if (recorded.contains(conferenceId)) {
            throw new RuleViolation(ConferenceRecordRule.RECORDED_ONCE_PER_CONFERENCE, "conferenceId",
                    what + " at this conference " + (what.endsWith("s") ? "are" : "is") + " already recorded");
        }
    }

    private static String decided(ConferenceOutcome decision, CategoryOfAbuse category, ConferenceType type) {
        if (type == ConferenceType.REVIEW) {
            return decision == ConferenceOutcome.PLAN ? "that the plan continues under " + category.title()
                    : "that the plan ends";
        }
        return decision == ConferenceOutcome.PLAN ? "a plan under " + category.title() : "no plan";
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(InitialConferenceHeld event) {
        conferences.put(event.conferenceId(), new Held(event.type(), event.heldOn(), event.quorate(),
                event.outcome(), null));
    }

    @EventSourcingHandler
    void on(ChildProtectionPlanStarted event) {
        planConferences.put(event.planId(), event.conferenceId());
        conferences.computeIfPresent(event.conferenceId(), (id, held) -> held.under(event.initialCategory()));
    }

    @EventSourcingHandler
    void on(InitialCategoryCorrected event) {
        String conferenceId = planConferences.get(event.planId());
        if (conferenceId != null) {
            conferences.computeIfPresent(conferenceId, (id, held) -> held.under(event.correctedTo()));
        }
    }

    @EventSourcingHandler
    void on(ReviewConferenceHeld event) {
        conferences.put(event.conferenceId(), new Held(ConferenceType.REVIEW, event.heldOn(), event.quorate(),
                event.planContinues() ? ConferenceOutcome.PLAN : ConferenceOutcome.NO_PLAN,
                event.planContinues() ? event.latestCategory() : null));
    }

    @EventSourcingHandler
    void on(ConferenceDateCorrected event) {
        conferences.computeIfPresent(event.conferenceId(), (id, held) -> held.on(event.correctedTo()));
    }

    @EventSourcingHandler
    void on(ConferenceAttendanceRecorded event) {
        attendance.add(event.conferenceId());
    }

    @EventSourcingHandler
    void on(ConferenceRecommendationsRecorded event) {
        recommendations.add(event.conferenceId());
    }

    @EventSourcingHandler
    void on(InquorateConferenceRecorded event) {
        inquorate.add(event.conferenceId());
    }

    @EventSourcingHandler
    void on(TransferInNotificationReceived event) {
        notifications.add(event.notificationId());
    }
}
