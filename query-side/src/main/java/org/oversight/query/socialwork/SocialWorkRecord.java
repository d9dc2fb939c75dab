package org.oversight.query.socialwork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.events.lookedafter.VisitPlace;

/**
 * A looked-after child's social worker and their statutory visits, as recorded: the same record from the
 * projection ({@link SocialWorkQueries}) and from events folded in memory ({@link #fold}), each list oldest first
 * (by the day it took effect, then in the order recorded).
 *
 * @param allocations each allocation, and each end of one (a {@code null} worker), in the order they took effect
 * @param visits      the social worker's visits
 * @param intentions  each decision whether a placement is intended to last until the child is 18
 */
public record SocialWorkRecord(List<Allocation> allocations, List<Visit> visits, List<Intention> intentions) {

    public SocialWorkRecord {
        allocations = List.copyOf(allocations);
        visits = List.copyOf(visits);
        intentions = List.copyOf(intentions);
    }

    /**
     * From {@code on}, {@code worker} of {@code team} is allocated; a {@code null} worker means nobody is.
     *
     * @param periodId the period of care open when it was recorded
     */
    public record Allocation(String periodId, LocalDate on, String worker, String team) {

        public boolean allocated() {
            return worker != null;
        }
    }

    public record Visit(String periodId, LocalDate visitedOn, boolean seenAlone, VisitPlace place) {
    }

    public record Intention(String periodId, LocalDate placementStartedOn, LocalDate decidedOn,
            boolean untilEighteen) {
    }

    public static SocialWorkRecord empty() {
        return new SocialWorkRecord(List.of(), List.of(), List.of());
    }

    /** Who was allocated on {@code day}: the latest change on or before it, if that was an allocation. */
    public Optional<Allocation> allocatedOn(LocalDate day) {
        Allocation latest = null;
        for (Allocation allocation : allocations) {
            if (!allocation.on().isAfter(day)) {
                latest = allocation;
            }
        }
        return Optional.ofNullable(latest).filter(Allocation::allocated);
    }

    /**
     * Whether anything of the social work in the period is recorded by {@code day}: an allocation or visit recorded
     * in it, or a worker allocated before it who was still allocated when it started. Social work was first
     * recorded long after the first periods of care; of a period with nothing recorded the record is silent, and
     * silence is not read as visits missed.
     */
    public boolean recordedFor(String periodId, LocalDate periodStartedOn, LocalDate day) {
        return allocatedOn(periodStartedOn).isPresent()
                || allocations.stream().anyMatch(a -> a.periodId().equals(periodId) && !a.on().isAfter(day))
                || visits.stream().anyMatch(v -> v.periodId().equals(periodId) && !v.visitedOn().isAfter(day));
    }

    /** The latest visit on or before {@code day}. */
    public Optional<Visit> lastVisitBy(LocalDate day) {
        return visits.stream().filter(v -> !v.visitedOn().isAfter(day)).reduce((a, b) -> b);
    }

    /**
     * Whether the placement that started on {@code placementStartedOn} in the period was intended, as decided on or
     * before {@code day}, to last until the child is 18.
     */
    public boolean intendedUntilEighteen(String periodId, LocalDate placementStartedOn, LocalDate day) {
        boolean intended = false;
        for (Intention intention : intentions) {
            if (intention.periodId().equals(periodId) && intention.placementStartedOn().equals(placementStartedOn)
                    && !intention.decidedOn().isAfter(day)) {
                intended = intention.untilEighteen();
            }
        }
        return intended;
    }

    /** The visits newest first, for the child's page. */
    public List<Visit> visitsNewestFirst() {
        List<Visit> newest = new ArrayList<>(visits);
        java.util.Collections.reverse(newest);
        return newest;
    }

    /**
     * The record the projection would hold, from the events in the order they were recorded (other events are
     * passed over), with the projection's meaning and order.
     */
    public static SocialWorkRecord fold(Iterable<?> events) {
        List<Allocation> allocations = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        List<Intention> intentions = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof SocialWorkerAllocated e) {
                allocations.add(new Allocation(e.periodId(), e.allocatedOn(), e.worker(), e.team()));
            } else if (event instanceof SocialWorkerUnallocated e) {
                allocations.add(new Allocation(e.periodId(), e.unallocatedOn(), null, null));
            } else if (event instanceof SocialWorkerVisited e) {
                visits.add(new Visit(e.periodId(), e.visitedOn(), e.seenAlone(), e.place()));
            } else if (event instanceof PlacementIntentionRecorded e) {
                intentions.add(new Intention(e.periodId(), e.placementStartedOn(), e.decidedOn(), e.untilEighteen()));
            }
        }
        // stable sorts: of two on the same day, the one recorded first stays first, as the projection orders them
        allocations.sort(Comparator.comparing(Allocation::on));
        visits.sort(Comparator.comparing(Visit::visitedOn));
        intentions.sort(Comparator.comparing(Intention::decidedOn));
        return new SocialWorkRecord(allocations, visits, intentions);
    }
}
