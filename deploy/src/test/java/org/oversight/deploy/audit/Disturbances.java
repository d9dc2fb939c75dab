package org.oversight.deploy.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.oversight.command.lookedafter.CancelAction;
import org.oversight.command.lookedafter.ChangeAction;
import org.oversight.command.lookedafter.ChangeLegalStatus;
import org.oversight.command.lookedafter.CorrectParticipation;
import org.oversight.command.lookedafter.CorrectReviewDate;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.LookedAfterIds;
import org.oversight.command.lookedafter.RecordConsultation;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.command.lookedafter.RecordDecisionsSent;
import org.oversight.command.lookedafter.RecordIroVisit;
import org.oversight.command.lookedafter.RecordMidwayCheck;
import org.oversight.command.lookedafter.RecordPermanencePlan;
import org.oversight.command.lookedafter.RequestEarlyReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.CorrectConferenceDate;
import org.oversight.command.protection.CorrectInitialCategory;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.ProtectionIds;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.deploy.generator.InProcessCommandSide;
import org.oversight.deploy.generator.InProcessCommandSide.RefusedHistory;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;

/**
 * Adds to a generated history the decisions the generator does not write, so that every event the two folds
 * handle is exercised: corrected review and conference dates, corrected initial categories, changed and
 * cancelled actions, corrected participation, early reviews asked for, decisions sent, changes of legal
 * status, a second visit, consultation or midway check on the same day as one, a permanence plan written up late. Each is drawn from the child's own random source and kept only if the aggregates accept it where it
 * falls in the history, so the result is still a history the service could have recorded.
 */
final class Disturbances {

    private static final List<LegalStatus> STATUSES = List.of(LegalStatus.C1, LegalStatus.C2, LegalStatus.V2,
            LegalStatus.E1, LegalStatus.D1);

    private Disturbances() {
    }

    /** The history with every accepted disturbance in date order among its steps. */
    static ChildHistory of(ChildHistory history, Random random, LocalDate today, InProcessCommandSide scratch) {
        List<Step> accepted = new ArrayList<>();
        accept(history, accepted, candidates(history, random, today), scratch);
        return merged(history, accepted);
    }

    /**
     * Keeps every candidate the aggregates take after those already accepted: all at once when they can, else
     * half by half, so that the few refused ones cost a handful of trial recordings rather than one each.
     */
    private static void accept(ChildHistory history, List<Step> accepted, List<Step> candidates,
            InProcessCommandSide scratch) {
        if (candidates.isEmpty()) {
            return;
        }
        List<Step> trial = new ArrayList<>(accepted);
        trial.addAll(candidates);
        try {
            scratch.record(merged(history, trial));
            accepted.addAll(candidates);
            return;
        } catch (RefusedHistory refused) {
            if (candidates.size() == 1) {
                // a disturbance the aggregates would not take at that point of the history is left out
                return;
            }
        }
        int half = candidates.size() / 2;
        accept(history, accepted, candidates.subList(0, half), scratch);
        accept(history, accepted, candidates.subList(half, candidates.size()), scratch);
    }

    private static ChildHistory merged(ChildHistory history, List<Step> extra) {
        List<Step> steps = new ArrayList<>(history.steps());
        steps.addAll(extra);
        // stable: a disturbance on the same day as a generated step comes after it
        steps.sort(Comparator.comparing(Step::on));
        return new ChildHistory(history.index(), history.childId(), List.copyOf(steps));
    }

    private static List<Step> candidates(ChildHistory history, Random random, LocalDate today) {
        String child = history.childId();
        List<Step> candidates = new ArrayList<>();
        for (Step step : history.steps()) {
            Object command = step.command();
            if (command instanceof HoldLookedAfterReview review) {
                if (random.nextInt(100) < 25) {
                    LocalDate to = review.heldOn().plusDays(random.nextBoolean() ? -1 - random.nextInt(4)
                            : 1 + random.nextInt(4));
                    add(candidates, today, review.heldOn().plusDays(5 + random.nextInt(40)),
                            new CorrectReviewDate(child, review.reviewId(), to, "The wrong day was typed"), step);
                }
                if (random.nextInt(100) < 10) {
                    ParticipationCode to = ParticipationCode.values()[random.nextInt(ParticipationCode.values().length)];
                    add(candidates, today, review.heldOn().plusDays(2 + random.nextInt(30)),
                            new CorrectParticipation(child, review.reviewId(), to, "Recorded against the wrong code"),
                            step);
                }
                if (random.nextInt(100) < 8) {
                    LocalDate asked = review.heldOn().plusDays(20 + random.nextInt(60));
                    add(candidates, today, asked, new RequestEarlyReview(child, asked,
                            EarlyReviewReason.values()[random.nextInt(EarlyReviewReason.values().length)],
                            review.iroId()), step);
                }
                if (random.nextInt(100) < 40) {
                    LocalDate sent = review.heldOn().plusDays(1 + random.nextInt(20));
                    add(candidates, today, sent, new RecordDecisionsSent(child, review.reviewId(), sent), step);
                }
                for (int a = 0; a < review.actions().size(); a++) {
                    HoldLookedAfterReview.AgreedAction action = review.actions().get(a);
                    String actionId = LookedAfterIds.actionOf(review.reviewId(), a);
                    int roll = random.nextInt(100);
                    LocalDate on = review.heldOn().plusDays(3 + random.nextInt(30));
                    if (roll < 20) {
                        add(candidates, today, on, new ChangeAction(child, actionId, action.action() + " (revised)",
                                action.owner(), action.dueOn().plusDays(14 + random.nextInt(60)),
                                "The first date could not be met", on), step);
                    } else if (roll < 30) {
                        add(candidates, today, on, new CancelAction(child, actionId, on, "No longer needed"), step);
                    }
                }
            } else if (command instanceof RecordIroVisit visit && random.nextInt(100) < 15) {
                add(candidates, today, visit.visitedOn(), new RecordIroVisit(child, visit.visitedOn(),
                        !visit.faceToFace(), visit.iroId()), step);
            } else if (command instanceof RecordConsultation consultation && random.nextInt(100) < 15) {
                // a second record of the same contact, heard another way: never a private conversation
                add(candidates, today, consultation.consultedOn(), new RecordConsultation(child,
                        consultation.consultedOn(), other(consultation.method(), random), !consultation.seenAlone(),
                        consultation.iroId(), PrivateConversation.NOT_IN_PRIVATE), step);
            } else if (command instanceof RecordMidwayCheck check && random.nextInt(100) < 15) {
                add(candidates, today, check.checkedOn(), new RecordMidwayCheck(child, check.checkedOn(),
                        other(check.finding(), random), check.iroId()), step);
            } else if (command instanceof RecordPermanencePlan plan && random.nextInt(100) < 30) {
                // recorded some days later, as made some days earlier: a plan written up late
                add(candidates, today, plan.recordedOn().plusDays(1 + random.nextInt(20)), new RecordPermanencePlan(
                        child, plan.recordedOn().minusDays(1 + random.nextInt(30)), other(plan.plan(), random)), step);
            } else if (command instanceof StartPeriodOfCare period && random.nextInt(100) < 50) {
                LocalDate on = period.startedOn().plusDays(10 + random.nextInt(200));
                add(candidates, today, on, new ChangeLegalStatus(child, on,
                        STATUSES.get(random.nextInt(STATUSES.size()))), step);
            } else if (command instanceof HoldInitialConference conference) {
                boolean plan = conference.decisions().stream().anyMatch(d -> d.childId().equals(child)
                        && d.outcome() == ConferenceOutcome.PLAN);
                if (random.nextInt(100) < 30) {
                    add(candidates, today, conference.heldOn().plusDays(5 + random.nextInt(20)),
                            new CorrectConferenceDate(child, conference.conferenceId(),
                                    conference.heldOn().minusDays(1 + random.nextInt(3)), "Typed the minutes' date"),
                            step);
                }
                if (plan && random.nextInt(100) < 30) {
                    CategoryOfAbuse to = CategoryOfAbuse.values()[random.nextInt(CategoryOfAbuse.values().length)];
                    add(candidates, today, conference.heldOn().plusDays(5 + random.nextInt(20)),
                            new CorrectInitialCategory(child, ProtectionIds.planOf(child, conference.conferenceId()),
                                    to, "The category was mis-keyed"), step);
                }
            } else if (command instanceof HoldReviewConference conference && random.nextInt(100) < 20) {
                add(candidates, today, conference.heldOn().plusDays(3 + random.nextInt(20)),
                        new CorrectConferenceDate(child, conference.conferenceId(),
                                conference.heldOn().minusDays(1 + random.nextInt(3)), "Typed the minutes' date"),
                        step);
            }
        }
        return candidates;
    }

    /** Another value of the same kind, at random. */
    private static <E extends Enum<E>> E other(E value, Random random) {
        E[] values = value.getDeclaringClass().getEnumConstants();
        E chosen = values[random.nextInt(values.length - 1)];
        return chosen == value ? values[values.length - 1] : chosen;
    }

    /** Recorded on the day it is made, by whoever recorded the step it follows; never after today. */
    private static void add(List<Step> candidates, LocalDate today, LocalDate on, Object command, Step after) {
        if (!on.isAfter(today)) {
            candidates.add(new Step(on, on, command, after.by()));
        }
    }
}
