package org.oversight.command.protection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.DecisionDates;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.protection.ConferenceAgencies;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.StrategyMeetingDecision;
import org.oversight.events.protection.StrategyMeetingHeld;

/**
 * The strategy meetings a child protection chair chairs: complex cases, such as organised or multiple abuse, are
 * planned at a meeting rather than in a discussion. A meeting that decides on a section 47 enquiry starts it, so
 * the initial conference clock runs from the meeting's date exactly as from a strategy discussion. A member of
 * {@link ChildProtection}.
 */
final class StrategyMeetings {

    /**
     * The agencies a form offers that stand for health: a strategy discussion or meeting involves at least
     * children's social care, the police and health (Working Together to Safeguard Children 2023, chapter 4).
     */
    static final Set<String> HEALTH = Set.of("health", "health visitor", "school nurse", "gp", "midwife",
            "adult mental health services", "hospital", "paediatrician");

    private final Set<String> meetings = new HashSet<>();
    private final Set<String> enquiries = new HashSet<>();

    void hold(RecordStrategyMeeting command, RegisteredChild child, LocalDate today) {
        if (meetings.contains(command.meetingId())) {
            throw new RuleViolation(PlanBetweenConferencesRule.STRATEGY_MEETING_RECORDED_ONCE, "meetingId",
                    "This strategy meeting is already recorded for the child");
        }
        ProtectionDates.notInFuture(command.heldOn(), today, "heldOn", "The strategy meeting date");
        DecisionDates.notBeforeChild(command.heldOn(), child.dateOfBirth(), child.expectedDateOfDelivery(), "heldOn",
                "The strategy meeting");
        List<String> agencies = command.attendingAgencies().stream()
                .filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        Set<String> lower = new HashSet<>();
        agencies.forEach(a -> lower.add(a.toLowerCase(Locale.UK)));
        boolean socialCare = lower.contains(ConferenceAgencies.CHILDRENS_SOCIAL_CARE.toLowerCase(Locale.UK));
        boolean police = lower.contains("police");
        boolean health = lower.stream().anyMatch(HEALTH::contains);
        if (!socialCare || !police || !health) {
            throw new RuleViolation(PlanBetweenConferencesRule.STRATEGY_MEETING_AGENCIES, "attendingAgencies",
                    "A strategy meeting includes children's social care, the police and health");
        }
        boolean enquiry = command.decision() == StrategyMeetingDecision.SECTION_47_ENQUIRY;
        if (enquiry != (command.enquiryId() != null)) {
            throw new RuleViolation(ProtectionRule.ENQUIRY_MUST_BE_OPEN, "enquiryId", enquiry
                    ? "A decision to make section 47 enquiries starts an enquiry: give it a reference"
                    : "Only a decision to make section 47 enquiries starts an enquiry");
        }
        if (enquiry && enquiries.contains(command.enquiryId())) {
            throw new RuleViolation(ProtectionRule.ENQUIRY_RECORDED_ONCE, "enquiryId",
                    "This enquiry is already recorded for the child");
        }
        apply(new StrategyMeetingHeld(command.childId(), command.meetingId(), command.heldOn(), agencies,
                command.decision(), command.enquiryId()));
        if (enquiry) {
            apply(new Section47EnquiryStarted(command.childId(), command.enquiryId(), command.heldOn()));
        }
    }

    @EventSourcingHandler
    void on(StrategyMeetingHeld event) {
        meetings.add(event.meetingId());
    }

    @EventSourcingHandler
    void on(Section47EnquiryStarted event) {
        enquiries.add(event.enquiryId());
    }
}
