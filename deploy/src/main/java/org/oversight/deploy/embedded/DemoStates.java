package org.oversight.deploy.embedded;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.childcase.RestrictRecord;
import org.oversight.command.childcase.TransferChild;
import org.oversight.command.escalation.MoveEscalationUp;
import org.oversight.command.escalation.RaiseEscalation;
import org.oversight.command.escalation.RecordEscalationResponse;
import org.oversight.command.escalation.RejectEscalationResponse;
import org.oversight.command.escalation.ResolveEscalation;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.RecordConsultation;
import org.oversight.command.lookedafter.RecordDecisionsSent;
import org.oversight.command.lookedafter.RecordHealthCheck;
import org.oversight.command.lookedafter.RecordIroVisit;
import org.oversight.command.lookedafter.RecordReviewDistribution;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.EndChildProtectionPlan;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.RecordConferencePaperSent;
import org.oversight.command.protection.RecordCoreGroupMeeting;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.command.protection.RecordTransferInNotification;
import org.oversight.command.protection.WriteConferenceMinutes;
import org.oversight.deploy.generator.CharacteristicsDraw;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ViewsConveyed;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Demo children recorded after the others so that every state a page can show is there to be seen: a plan ended
 * at a review conference, a period of care ended after placement moves and IRO visits, an open period whose IRO
 * changed, with moves and visits and contact, a short-break period reviewed under reg 48, an unborn child on a
 * plan, a child transferred from Northmoor to Southvale, a restricted record, and escalations that went beyond
 * their first level, one resolved. Each is recorded through the real commands, so every rule holds; each has an
 * identifier of its own ({@code D30xx}) that the tests look for. Invented, like every demo child.
 */
final class DemoStates {

    /** Plan started, reviewed, and ended at its second review; the CP chair's allocation closed. */
    static final String ENDED_PLAN = "D3001";
    /** Period of care with a move and IRO visits, three reviews, then ended; an escalation resolved at level 2. */
    static final String ENDED_PERIOD = "D3002";
    /** Open period with two moves, an IRO visit and a contact, the IRO changed; an escalation now at level 3. */
    static final String PLACEMENT_CHANGES = "D3003";
    /** Short breaks only (V3), reviewed under reg 48; an informal alert made formal at level 2. */
    static final String SHORT_BREAKS = "D3004";
    /** Unborn, on a plan made at a pre-birth conference. */
    static final String UNBORN_ON_PLAN = "D3005";
    /** Northmoor's identifier for the child transferred to Southvale, ... */
    static final String TRANSFERRED = "D3006";
    /** ... and Southvale's. */
    static final String TRANSFERRED_TO = "S3006";
    /** Restricted to the people named in {@link #RESTRICTED_TO}. */
    static final String RESTRICTED = "D3007";
    static final List<String> RESTRICTED_TO = List.of("qa.evans", "iro.okafor", "manager.hughes");

    private static final List<String> AGENCIES = List.of("Children's social care", "Police", "School",
            "Health visitor");
    private static final ChildsView SPOKE_FOR_SELF = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);

    private final CommandGateway commands;

    DemoStates(CommandGateway commands) {
        this.commands = commands;
    }

    void record(LocalDate today) {
        // case ids and characteristics from seeds of their own, so that the other demo children stay as they were
        Random caseIds = new Random(20261204L);
        Random characteristics = new Random(20261205L);
        String endedPlan = born(caseIds, characteristics, "DEMO-N", ENDED_PLAN, "Arlo", "Penhallow",
                today.minusYears(9).minusDays(40), today);
        String endedPeriod = born(caseIds, characteristics, "DEMO-N", ENDED_PERIOD, "Bryony", "Quarrie",
                today.minusYears(11).minusDays(75), today);
        String moved = born(caseIds, characteristics, "DEMO-N", PLACEMENT_CHANGES, "Cato", "Redfern",
                today.minusYears(8).minusDays(12), today);
        String shortBreaks = born(caseIds, characteristics, "DEMO-S", SHORT_BREAKS, "Dilys", "Sorrell",
                today.minusYears(12).minusDays(200), today);
        String unborn = ChildIds.drawnFrom(caseIds);
        commands.sendAndWait(RegisterChild.of("DEMO-N", UNBORN_ON_PLAN, "Baby", "Tregarth", null,
                today.plusWeeks(8)).withChildId(unborn));
        String transferred = born(caseIds, characteristics, "DEMO-N", TRANSFERRED, "Ffion", "Underhill",
                today.minusYears(6).minusDays(150), today);
        String restricted = born(caseIds, characteristics, "DEMO-N", RESTRICTED, "Gideon", "Varley",
                today.minusYears(14).minusDays(30), today);

        planEndedAtReview(endedPlan, "chair.brown", today);
        periodEnded(endedPeriod, "iro.ahmed", today);
        periodWithMoves(moved, "iro.okafor", "iro.ahmed", today);
        shortBreaks(shortBreaks, "iro.nowak", today);
        unbornOnPlan(unborn, "chair.chen", today);
        transferred(transferred, "chair.chen", "chair.quinn", today);
        restricted(restricted, "iro.okafor", today);
    }

    private String born(Random caseIds, Random characteristics, String authority, String identifier, String given,
            String family, LocalDate dateOfBirth, LocalDate today) {
        String childId = ChildIds.drawnFrom(caseIds);
        commands.sendAndWait(RegisterChild.of(authority, identifier, given, family, dateOfBirth, null)
                .withChildId(childId));
        commands.sendAndWait(CharacteristicsDraw.draw(characteristics, childId, dateOfBirth, today));
        return childId;
    }

    /**
     * A plan of neglect from an initial conference, reviewed at three months and ended at the next review six
     * months later, its papers all sent and its core groups kept: nothing is left due, so the chair's allocation
     * has closed and the child is among their closed allocations.
     */
    private void planEndedAtReview(String childId, String chair, LocalDate today) {
        LocalDate strategy = weekdayOnOrBefore(today.minusDays(330));
        commands.sendAndWait(new AllocateChair(childId, ChairRole.CP_CHAIR, chair, strategy));
        String enquiryId = enquiryOf(childId);
        commands.sendAndWait(new RecordStrategyDiscussion(childId, enquiryId, strategy));
        LocalDate initial = weekdayOnOrBefore(strategy.plusDays(14));
        String initialId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldInitialConference(initialId, ConferenceType.INITIAL, initial, AGENCIES, chair,
                List.of(new HoldInitialConference.ChildDecision(childId, enquiryId, ConferenceOutcome.PLAN,
                        CategoryOfAbuse.NEG, 0, SPOKE_FOR_SELF))));
        papers(childId, chair, initialId, initial);
        LocalDate firstReview = weekdayOnOrBefore(initial.plusDays(80));
        String firstReviewId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldReviewConference(firstReviewId, firstReview, AGENCIES, chair,
                List.of(new HoldReviewConference.ReviewDecision(childId, true, null, null, SPOKE_FOR_SELF))));
        papers(childId, chair, firstReviewId, firstReview);
        LocalDate lastReview = weekdayOnOrBefore(firstReview.plusDays(150));
        coreGroups(childId, initial, lastReview);
        String lastReviewId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldReviewConference(lastReviewId, lastReview, AGENCIES, chair,
                List.of(new HoldReviewConference.ReviewDecision(childId, false, null, PlanEndReason.NO_LONGER_AT_RISK,
                        SPOKE_FOR_SELF))));
        papers(childId, chair, lastReviewId, lastReview);
    }

    /**
     * A year in care that ended with the child going home: three reviews in time, each consulted on beforehand
     * and its record sent; a move of placement to another carer; the IRO's visit and a call; the initial health
     * assessment in time. An escalation about the move went to the service manager and was resolved there.
     */
    private void periodEnded(String childId, String iro, LocalDate today) {
        LocalDate start = today.minusDays(400);
        commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, iro, start.minusDays(1)));
        commands.sendAndWait(StartPeriodOfCare.of(childId, start, LegalStatus.C2, "U4"));
        commands.sendAndWait(new RecordHealthCheck(childId, HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                start.plusDays(12), iro));
        LocalDate first = review(childId, iro, start.plusDays(18), ParticipationCode.PN1);
        commands.sendAndWait(ChangePlacement.of(childId, start.plusDays(60), "K2", true));
        commands.sendAndWait(new RecordIroVisit(childId, start.plusDays(70), true, iro));
        LocalDate second = review(childId, iro, first.plusDays(80), ParticipationCode.PN1);
        commands.sendAndWait(new RecordIroVisit(childId, second.plusDays(40), false, iro));
        LocalDate third = review(childId, iro, second.plusDays(150), ParticipationCode.PN6);
        commands.sendAndWait(new EndPeriodOfCare(childId, third.plusDays(31), ReasonPeriodEnded.E4A));

        LocalDate raised = start.plusDays(62);
        String escalation = raise(childId, "DEMO-N", "PLACEMENT",
                "Hold a placement planning meeting for the new placement within 5 working days", true,
                "TEAM_MANAGER", raised, iro);
        commands.sendAndWait(new MoveEscalationUp(escalation, "SERVICE_MANAGER", raised.plusDays(8), null));
        commands.sendAndWait(new RecordEscalationResponse(escalation, "SERVICE_MANAGER", raised.plusDays(12),
                "Service manager, children in care", "A placement planning meeting will be held this week"));
        commands.sendAndWait(new ResolveEscalation(escalation, raised.plusDays(16),
                "The placement planning meeting was held and the child's school transport arranged", true));
    }

    /**
     * An open period of care: two moves (the second to another carer of the same type), a visit by the first IRO
     * and, after the child was reallocated to another IRO, a call by the second; the next review not yet due.
     * An escalation about drift went from the team manager to the service manager and on to the head of
     * service, each response rejected, and waits there.
     */
    private void periodWithMoves(String childId, String firstIro, String secondIro, LocalDate today) {
        LocalDate start = today.minusDays(250);
        commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, firstIro, start.minusDays(10)));
        commands.sendAndWait(StartPeriodOfCare.of(childId, start, LegalStatus.C2, "U1"));
        commands.sendAndWait(new RecordHealthCheck(childId, HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                start.plusDays(10), firstIro));
        LocalDate first = review(childId, firstIro, start.plusDays(18), ParticipationCode.PN1);
        commands.sendAndWait(ChangePlacement.of(childId, start.plusDays(40), "U3", true));
        commands.sendAndWait(new RecordIroVisit(childId, start.plusDays(60), true, firstIro));
        LocalDate second = review(childId, firstIro, first.plusDays(85), ParticipationCode.PN2);
        commands.sendAndWait(ChangePlacement.of(childId, second.plusDays(20), "U3", true));
        commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, secondIro, today.minusDays(100)));
        commands.sendAndWait(new RecordIroVisit(childId, today.minusDays(60), false, secondIro));
        commands.sendAndWait(new RecordConsultation(childId, today.minusDays(20), ConsultationMethod.IN_PERSON, true,
                secondIro, PrivateConversation.SPOKE_IN_PRIVATE));

        LocalDate raised = today.minusDays(45);
        String escalation = raise(childId, "DEMO-N", "CARE_PLANNING_DRIFT",
                "Agree the long-term placement plan at a permanence planning meeting", true, "TEAM_MANAGER",
                raised, secondIro);
        commands.sendAndWait(new RecordEscalationResponse(escalation, "TEAM_MANAGER", raised.plusDays(6),
                "Team manager, children in care", "The social worker will draft the permanence report"));
        commands.sendAndWait(new RejectEscalationResponse(escalation, raised.plusDays(7),
                "A report is not a plan; no meeting date was given"));
        commands.sendAndWait(new MoveEscalationUp(escalation, "SERVICE_MANAGER", raised.plusDays(8), null));
        commands.sendAndWait(new RecordEscalationResponse(escalation, "SERVICE_MANAGER", raised.plusDays(18),
                "Service manager, children in care", "A meeting will be arranged when the report is ready"));
        commands.sendAndWait(new RejectEscalationResponse(escalation, raised.plusDays(19),
                "Still no date, and the child has moved twice while waiting"));
        commands.sendAndWait(new MoveEscalationUp(escalation, "HEAD_OF_SERVICE", raised.plusDays(20), null));
    }

    /**
     * Short breaks only (V3), first reviewed within three months of the first short break and next due six
     * months on (reg 48(3)(d) of SI 2010/959). The IRO's informal alert about the breaks' carer became a formal
     * escalation at the service manager's level.
     */
    private void shortBreaks(String childId, String iro, LocalDate today) {
        LocalDate start = today.minusDays(150);
        commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, iro, start.minusDays(7)));
        commands.sendAndWait(StartPeriodOfCare.of(childId, start, LegalStatus.V3, "U1"));
        review(childId, iro, start.plusDays(70), ParticipationCode.PN1);

        LocalDate raised = today.minusDays(30);
        String escalation = raise(childId, "DEMO-S", "PLACEMENT",
                "Confirm the short-break carer's approval for overnight stays", false, null, raised, iro);
        commands.sendAndWait(new MoveEscalationUp(escalation, "SERVICE_MANAGER", raised.plusDays(10), null));
    }

    /** A pre-birth conference made a plan for the unborn child, kept between conferences like any other plan. */
    private void unbornOnPlan(String childId, String chair, LocalDate today) {
        LocalDate strategy = weekdayOnOrBefore(today.minusDays(45));
        commands.sendAndWait(new AllocateChair(childId, ChairRole.CP_CHAIR, chair, strategy.minusDays(3)));
        String enquiryId = enquiryOf(childId);
        commands.sendAndWait(new RecordStrategyDiscussion(childId, enquiryId, strategy));
        LocalDate conference = weekdayOnOrBefore(strategy.plusDays(12));
        String conferenceId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldInitialConference(conferenceId, ConferenceType.PRE_BIRTH, conference, AGENCIES,
                chair, List.of(new HoldInitialConference.ChildDecision(childId, enquiryId, ConferenceOutcome.PLAN,
                        CategoryOfAbuse.NEG, 0, new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN)))));
        new DemoPlanBetweenConferences(commands).record(childId, chair, conferenceId, conference, null, null, today,
                31);
    }

    /**
     * On a Northmoor plan until the family moved to Southvale today: the plan ends for the transfer, the record
     * passes to Southvale under its own identifier, and Southvale's chair, told of the plan, has the transfer-in
     * conference ahead.
     */
    private void transferred(String childId, String chair, String receivingChair, LocalDate today) {
        LocalDate strategy = weekdayOnOrBefore(today.minusDays(52));
        commands.sendAndWait(new AllocateChair(childId, ChairRole.CP_CHAIR, chair, strategy));
        String enquiryId = enquiryOf(childId);
        commands.sendAndWait(new RecordStrategyDiscussion(childId, enquiryId, strategy));
        LocalDate conference = weekdayOnOrBefore(strategy.plusDays(13));
        String conferenceId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldInitialConference(conferenceId, ConferenceType.INITIAL, conference, AGENCIES,
                chair, List.of(new HoldInitialConference.ChildDecision(childId, enquiryId, ConferenceOutcome.PLAN,
                        CategoryOfAbuse.PHY, 0, SPOKE_FOR_SELF))));
        new DemoPlanBetweenConferences(commands).record(childId, chair, conferenceId, conference, null, null, today,
                32);
        commands.sendAndWait(new EndChildProtectionPlan(childId, today,
                PlanEndReason.TRANSFERRED_TO_ANOTHER_AUTHORITY));
        as("manager.hughes", "ROLE_TEAM_MANAGER", () -> commands.sendAndWait(new TransferChild(childId, "DEMO-S",
                TRANSFERRED_TO, today, "The family moved to Southvale")));
        commands.sendAndWait(new AllocateChair(childId, ChairRole.CP_CHAIR, receivingChair, today));
        commands.sendAndWait(new RecordTransferInNotification(childId, UUID.nameUUIDFromBytes(
                ("demo-transfer-in-" + childId).getBytes(StandardCharsets.UTF_8)).toString(), today,
                "Northmoor Council", conference, receivingChair));
    }

    /** A child in care whose record the QA lead restricted to the few who need it. */
    private void restricted(String childId, String iro, LocalDate today) {
        LocalDate start = today.minusDays(80);
        commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, iro, start.minusDays(2)));
        commands.sendAndWait(StartPeriodOfCare.of(childId, start, LegalStatus.C2, "U5"));
        review(childId, iro, start.plusDays(18), ParticipationCode.PN1);
        as("qa.evans", "ROLE_QA_LEAD", () -> commands.sendAndWait(new RestrictRecord(childId, RESTRICTED_TO,
                "A parent of the child works in the authority's children's services")));
    }

    /** A review with the child consulted in private a few days before, its decisions and record sent in time. */
    private LocalDate review(String childId, String iro, LocalDate heldOn, ParticipationCode participation) {
        commands.sendAndWait(new RecordConsultation(childId, heldOn.minusDays(4), ConsultationMethod.IN_PERSON, true,
                iro, PrivateConversation.SPOKE_IN_PRIVATE));
        HoldLookedAfterReview held = HoldLookedAfterReview.of(childId, heldOn, participation, true,
                List.of("The care plan continues"), List.of(), iro, List.of());
        commands.sendAndWait(held);
        commands.sendAndWait(new RecordDecisionsSent(childId, held.reviewId(), heldOn.plusDays(1)));
        commands.sendAndWait(new RecordReviewDistribution(childId, held.reviewId(), heldOn.plusDays(12), true));
        return heldOn;
    }

    private String raise(String childId, String authority, String concern, String asked, boolean formal,
            String level, LocalDate raisedOn, String raisedBy) {
        RaiseEscalation raise = RaiseEscalation.of(List.of(childId), authority, concern, asked, formal, level,
                raisedOn, raisedBy);
        commands.sendAndWait(raise);
        return raise.escalationId();
    }

    /** The conference's letter and decisions the same day, its minutes written and sent within two weeks. */
    private void papers(String childId, String chair, String conferenceId, LocalDate heldOn) {
        commands.sendAndWait(new RecordConferencePaperSent(childId, conferenceId, ConferencePaper.OUTCOME_LETTER,
                heldOn));
        commands.sendAndWait(new RecordConferencePaperSent(childId, conferenceId, ConferencePaper.AGENCY_DECISIONS,
                heldOn));
        commands.sendAndWait(new WriteConferenceMinutes(childId, conferenceId,
                "The conference considered the progress of the plan with the family",
                List.of(new WriteConferenceMinutes.Passage("The family took part in the whole conference", false)),
                chair));
        LocalDate minutes = weekdayOnOrBefore(heldOn.plusDays(12));
        commands.sendAndWait(new RecordConferencePaperSent(childId, conferenceId, ConferencePaper.MINUTES, minutes));
        commands.sendAndWait(new RecordConferencePaperSent(childId, conferenceId, ConferencePaper.PARENTS_MINUTES,
                minutes));
    }

    /** The core group a week after the initial conference and every five weeks while the plan lasts. */
    private void coreGroups(String childId, LocalDate initial, LocalDate until) {
        List<LocalDate> meetings = new ArrayList<>();
        for (LocalDate held = weekdayOnOrBefore(initial.plusDays(7)); held.isBefore(until);
                held = weekdayOnOrBefore(held.plusDays(35))) {
            meetings.add(held);
        }
        for (LocalDate held : meetings) {
            commands.sendAndWait(new RecordCoreGroupMeeting(childId, UUID.randomUUID().toString(), held,
                    List.of("Children's social care", "School", "Health visitor"), List.of(), null));
        }
    }

    private void as(String username, String role, Runnable command) {
        Authentication loader = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(role)));
        try {
            command.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(loader);
        }
    }

    private static String enquiryOf(String childId) {
        return UUID.nameUUIDFromBytes(("demo-states-enquiry-" + childId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.minusDays(1);
        }
        return weekday;
    }
}
