package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.lookedafter.PeriodsOfCare.notBeforeStart;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.lookedafter.PeriodsOfCare.Period;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;

/**
 * The child's social worker, their statutory visits and what the current placement is intended to be: a member of
 * the {@link LookedAfterJourney}. It keeps only what its rules read; when the visits are due is worked out on the
 * query side from the recorded facts (reg 28 and reg 48(3)(c) of the Care Planning, Placement and Case Review
 * (England) Regulations 2010), never stored.
 *
 * <p>An allocation belongs to the child, not to one period: a worker allocated before the child became looked
 * after, or through one period into the next, stays allocated until another is allocated or the allocation ends.
 * It may be dated before the open period started (the worker may have known the child already), never in the
 * future.
 */
final class SocialWork {

    private String worker;
    private LocalDate latestAllocationChange;
    private final Set<LocalDate> visitDays = new HashSet<>();
    private LocalDate placementStartedOn;
    private Boolean untilEighteen;
    private LocalDate intentionDecidedOn;

    void allocate(AllocateSocialWorker command, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("allocatedOn", "a social worker's allocation");
        notInFuture(command.allocatedOn(), today, "allocatedOn", "An allocation");
        inOrder(command.allocatedOn(), "allocatedOn");
        String name = command.worker().strip();
        if (name.equals(worker)) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "worker",
                    name + " is already the child's allocated social worker");
        }
        String team = command.team() == null || command.team().isBlank() ? null : command.team().strip();
        apply(new SocialWorkerAllocated(command.childId(), period.id(), command.allocatedOn(), name, team));
    }

    void endAllocation(EndSocialWorkerAllocation command, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("unallocatedOn", "the end of a social worker's allocation");
        if (worker == null) {
            throw new RuleViolation(SocialWorkRule.WORKER_MUST_BE_ALLOCATED, "unallocatedOn",
                    "The child has no allocated social worker recorded, so no allocation can end");
        }
        notInFuture(command.unallocatedOn(), today, "unallocatedOn", "The end of an allocation");
        inOrder(command.unallocatedOn(), "unallocatedOn");
        apply(new SocialWorkerUnallocated(command.childId(), period.id(), command.unallocatedOn(), worker));
    }

    void visit(RecordSocialWorkerVisit command, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("visitedOn", "a social worker's visit");
        notInFuture(command.visitedOn(), today, "visitedOn", "A visit");
        notBeforeStart(period, command.visitedOn(), "visitedOn", "A visit");
        if (visitDays.contains(command.visitedOn())) {
            throw new RuleViolation(SocialWorkRule.ONE_VISIT_A_DAY, "visitedOn",
                    "A visit on " + spoken(command.visitedOn()) + " is already recorded");
        }
        apply(new SocialWorkerVisited(command.childId(), period.id(), command.visitedOn(), command.seenAlone(),
                command.place()));
    }

    void recordIntention(RecordPlacementIntention command, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("decidedOn", "what the placement is intended to be");
        LocalDate decidedOn = command.decidedOn();
        notInFuture(decidedOn, today, "decidedOn", "A decision about the placement");
        if (decidedOn.isBefore(placementStartedOn)) {
            throw new RuleViolation(SocialWorkRule.INTENTION_NOT_BEFORE_PLACEMENT, "decidedOn",
                    "The current placement started on " + spoken(placementStartedOn)
                            + "; what it is intended to be is decided on or after that day");
        }
        if (intentionDecidedOn != null && decidedOn.isBefore(intentionDecidedOn)) {
            throw new RuleViolation(SocialWorkRule.INTENTIONS_IN_ORDER, "decidedOn",
                    "The latest decision about this placement was made on " + spoken(intentionDecidedOn)
                            + "; a new decision is made on or after that day");
        }
        if (untilEighteen != null && untilEighteen == command.untilEighteen()) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "untilEighteen",
                    command.untilEighteen() ? "The placement is already recorded as intended to last until 18"
                            : "The placement is already recorded as not intended to last until 18");
        }
        apply(new PlacementIntentionRecorded(command.childId(), period.id(), placementStartedOn, decidedOn,
                command.untilEighteen()));
    }

    private void inOrder(LocalDate on, String field) {
        if (latestAllocationChange != null && on.isBefore(latestAllocationChange)) {
            throw new RuleViolation(SocialWorkRule.ALLOCATIONS_IN_ORDER, field,
                    "The latest change of social worker is recorded on " + spoken(latestAllocationChange)
                            + "; a change is recorded on or after it");
        }
    }

    @EventSourcingHandler
    void on(PeriodOfCareStarted event) {
        visitDays.clear();
        newPlacement(event.startedOn());
    }

    @EventSourcingHandler
    void on(PlacementChanged event) {
        newPlacement(event.changedOn());
    }

    @EventSourcingHandler
    void on(PeriodOfCareEnded event) {
        visitDays.clear();
    }

    @EventSourcingHandler
    void on(SocialWorkerAllocated event) {
        worker = event.worker();
        latestAllocationChange = event.allocatedOn();
    }

    @EventSourcingHandler
    void on(SocialWorkerUnallocated event) {
        worker = null;
        latestAllocationChange = event.unallocatedOn();
    }

    @EventSourcingHandler
    void on(SocialWorkerVisited event) {
        visitDays.add(event.visitedOn());
    }

    @EventSourcingHandler
    void on(PlacementIntentionRecorded event) {
        untilEighteen = event.untilEighteen();
        intentionDecidedOn = event.decidedOn();
    }

    private void newPlacement(LocalDate startedOn) {
        placementStartedOn = startedOn;
        untilEighteen = null;
        intentionDecidedOn = null;
    }
}
