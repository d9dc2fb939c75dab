package org.oversight.deploy.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.protection.AgreeProtectionPlan;
import org.oversight.command.protection.CancelProtectionAction;
import org.oversight.command.protection.ChangeProtectionAction;
import org.oversight.command.protection.CompleteProtectionAction;
import org.oversight.command.protection.EndChildProtectionPlan;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.RecordCoreGroupMeeting;
import org.oversight.command.protection.RecordProtectionMidwayCheck;
import org.oversight.command.protection.RecordStrategyMeeting;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.StrategyMeetingDecision;

/**
 * A child protection child's plans between conferences, drawn after the rest of the child's history from a random
 * stream of their own (so that every other generated fact stays as it was): each plan agreed at its initial
 * conference with two or three actions and sometimes again at a review; actions mostly done, some late, some
 * changed or cancelled and some left overdue; core groups mostly in time, some late and a few missed; the chair's
 * midway check between some conferences; and, after a few plans ended, a strategy meeting that decided no further
 * action.
 */
final class PlanBetweenConferencesHistory {

    private static final List<String> ACTIONS = List.of("Refer the family to parenting support",
            "Register the child with a dentist", "Complete a home safety check", "Arrange a health visitor review",
            "Attend the school attendance panel", "Complete the domestic abuse risk assessment",
            "Start a drug and alcohol support programme", "Agree a safety plan with the wider family");
    private static final List<String> OWNERS = List.of("Social worker", "Health visitor", "School", "Parent",
            "Family support worker");
    private static final List<String> OUTCOMES = List.of("The child is safe at home",
            "The child attends school every day", "The child's health needs are met",
            "The child is not exposed to domestic abuse");
    private static final List<String> CORE_GROUP = List.of("Children's social care", "Health visitor", "School");
    private static final List<String> STRATEGY = List.of("Children's social care", "Police", "Health");

    /** Receives one drawn step: its date, the command and the username of the chair recording it. */
    interface Sink {
        void add(LocalDate on, Object command, String by);
    }

    private final Random random;
    private final String childId;
    private final LocalDate today;
    private final Sink sink;
    private final long seed;
    private int ids;

    private PlanBetweenConferencesHistory(Random random, long seed, String childId, LocalDate today, Sink sink) {
        this.random = random;
        this.seed = seed;
        this.childId = childId;
        this.today = today;
        this.sink = sink;
    }

    static void generate(Random random, long seed, String childId, List<HistoryGenerator.Step> steps,
            LocalDate today, Sink sink) {
        new PlanBetweenConferencesHistory(random, seed, childId, today, sink).plans(List.copyOf(steps));
    }

    /** One plan as the child's conference steps left it. */
    private record Plan(String conferenceId, LocalDate start, List<String> reviewIds, List<LocalDate> reviews,
            LocalDate end, List<String> chairs, List<LocalDate> chairsFrom) {

        String chairOn(LocalDate day) {
            String chair = chairs.get(0);
            for (int i = 0; i < chairs.size(); i++) {
                if (!chairsFrom.get(i).isAfter(day)) {
                    chair = chairs.get(i);
                }
            }
            return chair;
        }

        /** The last day a step of the plan may fall on: the day before it ended, or today. */
        LocalDate lastDay(LocalDate today) {
            return end == null ? today : end.minusDays(1);
        }
    }

    private void plans(List<HistoryGenerator.Step> steps) {
        List<Plan> plans = new ArrayList<>();
        List<String> chairs = new ArrayList<>();
        List<LocalDate> chairsFrom = new ArrayList<>();
        Plan open = null;
        for (HistoryGenerator.Step step : steps) {
            Object command = step.command();
            if (command instanceof AllocateChair a && a.role() == ChairRole.CP_CHAIR) {
                chairs.add(a.chairId());
                chairsFrom.add(step.on());
            } else if (command instanceof HoldInitialConference c
                    && c.decisions().get(0).outcome() == ConferenceOutcome.PLAN) {
                open = new Plan(c.conferenceId(), c.heldOn(), new ArrayList<>(), new ArrayList<>(), null, chairs,
                        chairsFrom);
                plans.add(open);
            } else if (command instanceof HoldReviewConference r && open != null) {
                open.reviewIds().add(r.conferenceId());
                open.reviews().add(r.heldOn());
                if (!r.decisions().get(0).planContinues()) {
                    plans.set(plans.size() - 1, ended(open, r.heldOn()));
                    open = null;
                }
            } else if (command instanceof EndChildProtectionPlan e && open != null) {
                plans.set(plans.size() - 1, ended(open, e.endDate()));
                open = null;
            }
        }
        for (Plan plan : plans) {
            plan(plan);
        }
        Plan last = plans.isEmpty() ? null : plans.get(plans.size() - 1);
        if (last != null && last.end() != null && random.nextInt(100) < 20) {
            LocalDate met = HistoryGenerator.weekday(last.end().plusDays(30 + random.nextInt(60)));
            if (met.isBefore(today.minusDays(5))) {
                sink.add(met, new RecordStrategyMeeting(childId, id("strategy-meeting"), met, STRATEGY,
                        random.nextInt(100) < 80 ? StrategyMeetingDecision.NO_FURTHER_ACTION
                                : StrategyMeetingDecision.OTHER, null), last.chairOn(met));
            }
        }
    }

    private static Plan ended(Plan plan, LocalDate end) {
        return new Plan(plan.conferenceId(), plan.start(), plan.reviewIds(), plan.reviews(), end, plan.chairs(),
                plan.chairsFrom());
    }

    private void plan(Plan plan) {
        LocalDate lastDay = plan.lastDay(today);
        // actions agreed at the initial conference, and sometimes more at a review that continued the plan
        agree(plan, plan.conferenceId(), plan.start(), 2 + random.nextInt(2), lastDay);
        for (int i = 0; i < plan.reviews().size(); i++) {
            LocalDate review = plan.reviews().get(i);
            if (review.isBefore(plan.end() == null ? today.plusDays(1) : plan.end()) && random.nextInt(100) < 50) {
                agree(plan, plan.reviewIds().get(i), review, random.nextInt(2), lastDay);
            }
        }
        coreGroups(plan, lastDay);
        midwayChecks(plan, lastDay);
    }

    private final List<LocalDate[]> actionDays = new ArrayList<>();
    private final List<String> actionIds = new ArrayList<>();

    private void agree(Plan plan, String conferenceId, LocalDate heldOn, int count, LocalDate lastDay) {
        List<AgreeProtectionPlan.AgreedAction> actions = new ArrayList<>();
        List<LocalDate> dues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate due = heldOn.plusDays(14 + random.nextInt(60));
            actions.add(new AgreeProtectionPlan.AgreedAction(ACTIONS.get(random.nextInt(ACTIONS.size())),
                    OWNERS.get(random.nextInt(OWNERS.size())), due));
            dues.add(due);
        }
        List<String> outcomes = List.of(OUTCOMES.get(random.nextInt(OUTCOMES.size())));
        sink.add(heldOn, new AgreeProtectionPlan(childId, conferenceId, outcomes,
                "If the plan is not followed, a legal planning meeting is called", actions), plan.chairOn(heldOn));
        for (int i = 0; i < count; i++) {
            String actionId = UUID.nameUUIDFromBytes(("oversight-protection-action|" + childId + "|" + conferenceId
                    + "|" + i).getBytes(StandardCharsets.UTF_8)).toString();
            step(plan, actionId, heldOn, dues.get(i), lastDay);
        }
    }

    /** What happens to one action: mostly done (a quarter of those late), some changed, cancelled or left open. */
    private void step(Plan plan, String actionId, LocalDate agreedOn, LocalDate due, LocalDate lastDay) {
        int roll = random.nextInt(100);
        LocalDate done = null;
        LocalDate cancelled = null;
        if (roll < 65) {
            LocalDate on = random.nextInt(100) < 25 ? due.plusDays(1 + random.nextInt(30))
                    : due.minusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(agreedOn, due))));
            if (!on.isAfter(lastDay) && !on.isBefore(agreedOn)) {
                sink.add(on, new CompleteProtectionAction(childId, actionId, on), plan.chairOn(on));
                done = on;
            }
        } else if (roll < 75) {
            LocalDate on = agreedOn.plusDays(5 + random.nextInt(20));
            if (!on.isAfter(lastDay)) {
                sink.add(on, new CancelProtectionAction(childId, actionId, on, "No longer needed"), plan.chairOn(on));
                cancelled = on;
            }
        } else if (roll < 82) {
            LocalDate on = agreedOn.plusDays(5 + random.nextInt(20));
            if (!on.isAfter(lastDay)) {
                sink.add(on, new ChangeProtectionAction(childId, actionId, "Agree a revised safety plan",
                        "Social worker", due.plusDays(28), "The first approach did not work", on), plan.chairOn(on));
            }
        }
        actionIds.add(actionId);
        actionDays.add(new LocalDate[] {agreedOn, done, cancelled});
    }

    /**
     * Core groups from the initial conference until the plan ends: the first mostly within 10 working days, later
     * ones mostly within six weeks; one in five late, one in twenty missed.
     */
    private void coreGroups(Plan plan, LocalDate lastDay) {
        LocalDate previous = plan.start();
        boolean first = true;
        for (int n = 0; n < 40; n++) {
            int within = first ? 10 : 30;
            int timing = random.nextInt(100);
            int days = timing < 5 ? 2 * within + random.nextInt(within)
                    : timing < 25 ? within + 1 + random.nextInt(within / 2) : Math.max(1, within - random.nextInt(within / 2));
            LocalDate held = HistoryGenerator.addWorkingDays(previous, days);
            if (held.isAfter(lastDay)) {
                return;
            }
            List<RecordCoreGroupMeeting.Progress> progress = new ArrayList<>();
            for (int i = 0; i < actionIds.size(); i++) {
                LocalDate[] day = actionDays.get(i);
                boolean openThen = !day[0].isAfter(held) && (day[1] == null || day[1].isAfter(held))
                        && (day[2] == null || day[2].isAfter(held));
                if (openThen && belongsTo(plan, day[0])) {
                    progress.add(new RecordCoreGroupMeeting.Progress(actionIds.get(i), random.nextInt(100) < 70
                            ? CoreGroupMeetingHeld.Progress.ON_TRACK : CoreGroupMeetingHeld.Progress.DELAYED));
                }
            }
            sink.add(held, new RecordCoreGroupMeeting(childId, id("core-group"), held,
                    CORE_GROUP.subList(0, 2 + random.nextInt(2)), progress,
                    random.nextInt(100) < 30 ? "Progress reviewed with the family" : null), plan.chairOn(held));
            previous = held;
            first = false;
        }
    }

    private static boolean belongsTo(Plan plan, LocalDate agreedOn) {
        return !agreedOn.isBefore(plan.start()) && (plan.end() == null || agreedOn.isBefore(plan.end()));
    }

    /** Half the gaps between conferences have a midway check; one in five finds concerns, half of those alert. */
    private void midwayChecks(Plan plan, LocalDate lastDay) {
        List<LocalDate> conferences = new ArrayList<>();
        conferences.add(plan.start());
        conferences.addAll(plan.reviews());
        for (int i = 0; i < conferences.size(); i++) {
            LocalDate from = conferences.get(i);
            LocalDate to = i + 1 < conferences.size() ? conferences.get(i + 1) : from.plusMonths(i == 0 ? 3 : 6);
            LocalDate midway = from.plusDays(Math.max(1, ChronoUnit.DAYS.between(from, to) / 2));
            if (!midway.isBefore(to) || midway.isAfter(lastDay) || random.nextInt(100) >= 50) {
                continue;
            }
            boolean concerns = random.nextInt(100) < 20;
            sink.add(midway, new RecordProtectionMidwayCheck(childId, midway,
                    concerns ? PlanMidwayFinding.CONCERNS_NOTED : PlanMidwayFinding.PLAN_ON_TRACK,
                    concerns && random.nextBoolean() ? "Team manager" : null), plan.chairOn(midway));
        }
    }

    private String id(String kind) {
        return UUID.nameUUIDFromBytes((seed + ":" + childId + ":" + kind + ":" + (ids++))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
