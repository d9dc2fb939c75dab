package org.oversight.query.protectionplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.StrategyMeetingHeld;

/**
 * One child's child protection plans between conferences, and the strategy meetings chaired about them: each list
 * in date order, then in the order recorded. An agreement and its actions are dated by their conference, and move
 * with it when its date is corrected.
 */
public record PlanBetweenConferencesRecord(List<Agreement> agreements, List<Action> actions,
        List<CoreGroup> coreGroups, List<MidwayCheck> midwayChecks, List<StrategyMeeting> strategyMeetings) {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";

    public PlanBetweenConferencesRecord {
        agreements = List.copyOf(agreements);
        actions = List.copyOf(actions);
        coreGroups = List.copyOf(coreGroups);
        midwayChecks = List.copyOf(midwayChecks);
        strategyMeetings = List.copyOf(strategyMeetings);
    }

    public record Agreement(String planId, String conferenceId, LocalDate agreedOn, List<String> outcomes,
            String contingencyPlan) {
    }

    /** @param changes how many times it was changed; {@code lastReason} why it was last changed or cancelled */
    public record Action(String actionId, String planId, String conferenceId, String action, String owner,
            LocalDate dueOn, LocalDate agreedOn, String state, LocalDate completedOn, LocalDate cancelledOn,
            int changes, String lastReason) {

        /** Still open after the day it was due. */
        public boolean overdueOn(LocalDate day) {
            return OPEN.equals(state) && dueOn.isBefore(day);
        }
    }

    public record Progress(String actionId, String progress) {
    }

    public record CoreGroup(String meetingId, String planId, LocalDate heldOn, List<String> attendingAgencies,
            List<Progress> actionProgress, String progressNote) {
    }

    public record MidwayCheck(String planId, LocalDate checkedOn, String finding, String alertRaisedTo) {
    }

    public record StrategyMeeting(String meetingId, LocalDate heldOn, List<String> attendingAgencies,
            String decision, String enquiryId) {
    }

    /** The latest agreement of a plan: the outcomes and contingency plan that stand. */
    public Agreement latestAgreement(String planId) {
        Agreement latest = null;
        for (Agreement agreement : agreements) {
            if (agreement.planId().equals(planId)) {
                latest = agreement;
            }
        }
        return latest;
    }

    public List<Action> actionsOf(String planId) {
        return actions.stream().filter(a -> a.planId().equals(planId)).toList();
    }

    public List<CoreGroup> coreGroupsOf(String planId) {
        return coreGroups.stream().filter(c -> c.planId().equals(planId)).toList();
    }

    public boolean empty() {
        return agreements.isEmpty() && actions.isEmpty() && coreGroups.isEmpty() && midwayChecks.isEmpty()
                && strategyMeetings.isEmpty();
    }

    /**
     * The record the projection would hold, from the events in the order they were recorded (other events are
     * passed over), with the projection's meaning and order.
     */
    public static PlanBetweenConferencesRecord fold(Iterable<?> events) {
        List<Agreement> agreements = new ArrayList<>();
        Map<String, Action> actions = new LinkedHashMap<>();
        List<CoreGroup> coreGroups = new ArrayList<>();
        List<MidwayCheck> checks = new ArrayList<>();
        List<StrategyMeeting> meetings = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof ProtectionPlanAgreed e) {
                agreements.add(new Agreement(e.planId(), e.conferenceId(), e.agreedOn(), e.outcomes(),
                        e.contingencyPlan()));
            } else if (event instanceof ProtectionActionAgreed e) {
                actions.putIfAbsent(e.actionId(), new Action(e.actionId(), e.planId(), e.conferenceId(), e.action(),
                        e.owner(), e.dueOn(), e.agreedOn(), OPEN, null, null, 0, null));
            } else if (event instanceof ProtectionActionCompleted e) {
                actions.computeIfPresent(e.actionId(), (id, a) -> new Action(id, a.planId(), a.conferenceId(),
                        a.action(), a.owner(), a.dueOn(), a.agreedOn(), COMPLETED, e.completedOn(), null,
                        a.changes(), a.lastReason()));
            } else if (event instanceof ProtectionActionChanged e) {
                actions.computeIfPresent(e.actionId(), (id, a) -> new Action(id, a.planId(), a.conferenceId(),
                        e.action(), e.owner(), e.dueOn(), a.agreedOn(), a.state(), a.completedOn(), a.cancelledOn(),
                        a.changes() + 1, e.reason()));
            } else if (event instanceof ProtectionActionCancelled e) {
                actions.computeIfPresent(e.actionId(), (id, a) -> new Action(id, a.planId(), a.conferenceId(),
                        a.action(), a.owner(), a.dueOn(), a.agreedOn(), CANCELLED, null, e.cancelledOn(),
                        a.changes(), e.reason()));
            } else if (event instanceof CoreGroupMeetingHeld e) {
                coreGroups.add(new CoreGroup(e.meetingId(), e.planId(), e.heldOn(), e.attendingAgencies(),
                        e.actionProgress().stream().map(p -> new Progress(p.actionId(), p.progress().name())).toList(),
                        e.progressNote()));
            } else if (event instanceof ProtectionMidwayCheckRecorded e) {
                checks.add(new MidwayCheck(e.planId(), e.checkedOn(), e.finding().name(), e.alertRaisedTo()));
            } else if (event instanceof StrategyMeetingHeld e) {
                meetings.add(new StrategyMeeting(e.meetingId(), e.heldOn(), e.attendingAgencies(), e.decision().name(),
                        e.enquiryId()));
            } else if (event instanceof ConferenceDateCorrected e) {
                agreements.replaceAll(a -> a.conferenceId().equals(e.conferenceId())
                        ? new Agreement(a.planId(), a.conferenceId(), e.correctedTo(), a.outcomes(), a.contingencyPlan())
                        : a);
                actions.replaceAll((id, a) -> a.conferenceId().equals(e.conferenceId())
                        ? new Action(id, a.planId(), a.conferenceId(), a.action(), a.owner(), a.dueOn(),
                                e.correctedTo(), a.state(), a.completedOn(), a.cancelledOn(), a.changes(),
                                a.lastReason())
                        : a);
            }
        }
        // stable sorts: within a day, the order recorded, as the projection's sequence column keeps it
        agreements.sort(Comparator.comparing(Agreement::agreedOn));
        List<Action> actionList = new ArrayList<>(actions.values());
        actionList.sort(Comparator.comparing(Action::agreedOn));
        coreGroups.sort(Comparator.comparing(CoreGroup::heldOn));
        checks.sort(Comparator.comparing(MidwayCheck::checkedOn));
        meetings.sort(Comparator.comparing(StrategyMeeting::heldOn));
        return new PlanBetweenConferencesRecord(agreements, actionList, coreGroups, checks, meetings);
    }
}
