package org.oversight.query.returns.cin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.returns.ChildFacts;
import org.oversight.query.returns.CollectionYear;

/**
 * Derives a child's CIN census child protection module for a collection year from what is recorded. What a year
 * holds: each section 47 enquiry open at some point in it (started by the reference date, and not closed by a
 * conference or a decision that none was needed before the year began), and each plan open at some point in it.
 * Dates after the reference date are not yet facts for the year and are left out (a conference held on 2 April
 * leaves the enquiry open in the year's return).
 */
public final class CinCensus {

    /**
     * Working Together to Safeguard Children (2018, unchanged in 2023), chapter 1: the initial child protection
     * conference within 15 working days of the strategy discussion at which the section 47 enquiry was initiated.
     * The census's {@code InitialCPCtarget} is that day; "within" includes it ({@link WorkingDayCalendar}).
     */
    public static final int ICPC_WITHIN_WORKING_DAYS = 15;

    private CinCensus() {
    }

    /** The child's module for the year, or empty when nothing of theirs falls in it. */
    public static Optional<CinChild> of(ChildFacts child, CollectionYear year, WorkingDayCalendar calendar) {
        LocalDate reference = year.referenceDate();
        List<CinChild.Section47> enquiries = new ArrayList<>();
        for (ChildFacts.Enquiry enquiry : child.enquiries()) {
            if (enquiry.startedOn().isAfter(reference)) {
                continue;
            }
            LocalDate conference = onOrBefore(enquiry.conferenceOn(), reference);
            LocalDate notRequired = onOrBefore(enquiry.notRequiredOn(), reference);
            LocalDate closed = conference != null ? conference : notRequired;
            if (closed != null && closed.isBefore(year.start())) {
                continue;
            }
            enquiries.add(new CinChild.Section47(enquiry.startedOn(), icpcTarget(enquiry.startedOn(), calendar),
                    conference, conference == null && notRequired != null));
        }
        List<CinChild.ProtectionPlan> plans = new ArrayList<>();
        for (ChildFacts.Plan plan : child.plans()) {
            LocalDate end = onOrBefore(plan.endedOn(), reference);
            if (plan.startedOn().isAfter(reference) || end != null && end.isBefore(year.start())) {
                continue;
            }
            plans.add(new CinChild.ProtectionPlan(plan.startedOn(), end, plan.initialCategory(),
                    latestCategory(plan, reference), previousPlans(child, plan),
                    plan.reviews().stream().map(ChildFacts.Review::heldOn).filter(year::contains).sorted().toList()));
        }
        if (enquiries.isEmpty() && plans.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CinChild(child.childId(), child.localIdentifier(), child.dateOfBirth(),
                child.dateOfBirth() == null ? child.expectedBirth() : null, child.characteristics(), enquiries,
                plans));
    }

    /** {@code InitialCPCtarget}: the 15th working day after the strategy discussion (which itself never counts). */
    public static LocalDate icpcTarget(LocalDate s47Start, WorkingDayCalendar calendar) {
        return calendar.workingDaysAfter(s47Start, ICPC_WITHIN_WORKING_DAYS);
    }

    /**
     * {@code LatestCategoryOfAbuse}: the category the last review conference held by the reference date left the
     * plan under; the initial category while no review has changed it.
     */
    public static String latestCategory(ChildFacts.Plan plan, LocalDate asAt) {
        return plan.reviews().stream().filter(r -> !r.heldOn().isAfter(asAt) && r.latestCategory() != null)
                .max(Comparator.comparing(ChildFacts.Review::heldOn).thenComparing(ChildFacts.Review::conferenceId))
                .map(ChildFacts.Review::latestCategory).orElse(plan.initialCategory());
    }

    /**
     * {@code NumberOfPreviousCPP}: the number recorded with the plan (which counts plans anywhere), and never fewer
     * than the child's plans recorded here that started before it.
     */
    public static int previousPlans(ChildFacts child, ChildFacts.Plan plan) {
        long here = child.plans().stream().filter(p -> p.startedOn().isBefore(plan.startedOn())).count();
        return (int) Math.max(plan.previousPlans(), here);
    }

    private static LocalDate onOrBefore(LocalDate day, LocalDate limit) {
        return day == null || day.isAfter(limit) ? null : day;
    }
}
