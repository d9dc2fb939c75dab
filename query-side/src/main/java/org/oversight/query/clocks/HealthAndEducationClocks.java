package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.PolicyHistory;

/**
 * The clocks of a looked-after child's health and education that the IRO monitors between reviews, as they stood
 * on a given day (facts dated after it are ignored). Every clock runs inside one period of care, from the day the
 * regulations apply to it in full: the period's start, or for a period that starts as short breaks (V3, V4) the
 * day it first takes another legal status. Regulation 48(3)(a) and (b) of the Care Planning, Placement and Case
 * Review (England) Regulations 2010 (SI 2010/959) disapply regs 5 and 7 while a child is looked after only for
 * short breaks, so no health assessment or PEP is due under them then; from the change, the child is looked after
 * like any other, as the review clocks already treat that day.
 *
 * <ul>
 *   <li>Initial health assessment: reg 7(1), before the first placement or, if that is not practicable, before
 *       the first review; the statutory guidance "Promoting the health and well-being of looked-after children"
 *       (DfE and DHSC, March 2015) asks for it in time to inform that review. It is due by the first review's
 *       reg 33(1) date, 20 working days from the day the clock starts, or by the day the first review is held if
 *       that is sooner. An assessment made in the three months before (reg 7(2)) is recorded as the initial one.</li>
 *   <li>Review health assessments: reg 7(3), at least once in every six months before the 5th birthday and every
 *       12 months after it. Each is due six or twelve calendar months after the last assessment (initial or
 *       review), by the child's age on the day of that assessment: one made the day before the 5th birthday is
 *       followed within six months, one made on it within twelve. A child born on 29 February turns five, in a
 *       year without that day, on 1 March: the six-monthly standard then holds until the child has turned five
 *       on any reading, which is the reading that protects the child.</li>
 *   <li>Dental checks: the health plan covers routine dental checks (Schedule 1 paragraph 1(4)(a)) but the
 *       regulations set no interval, so each is due within the authority's interval (six months by default) of
 *       the last check, the first of becoming looked after.</li>
 *   <li>Personal education plan: part of the care plan (reg 5(b)(ii)). The statutory guidance "Promoting the
 *       education of looked-after children and previously looked-after children" (DfE, February 2018) asks for it
 *       to be initiated before the placement (within 10 working days of an emergency one) and in place for the
 *       first review, so the first is due, like the initial health assessment, within 20 working days; it asks
 *       for the PEP to be reviewed every school term, and as term dates differ by school and authority, "termly"
 *       is the authority's interval in calendar months (four by default, three terms a year) from the last PEP
 *       meeting. PEP clocks run from the child's 3rd birthday, when early education begins and virtual schools
 *       take the plan on; a child who turns three while looked after has the first due 20 working days after.</li>
 * </ul>
 * A clock not met when its period ended is no longer an open item; what was done stays as history. An overdue
 * one is a drift signal. Local intervals are those in force on the day each clock started.
 */
public final class HealthAndEducationClocks {

    static final String INITIAL_HEALTH = "initial-health-assessment";
    static final String REVIEW_HEALTH = "review-health-assessment";
    static final String DENTAL = "dental-check";
    static final String INITIAL_PEP = "initial-education-plan";
    static final String PEP_REVIEW = "education-plan-review";

    /** Reg 33(1): the first review within 20 working days of becoming looked after. */
    static final int FIRST_REVIEW_WORKING_DAYS = 20;
    static final int UNDER_FIVE_MONTHS = 6;
    static final int FROM_FIVE_MONTHS = 12;
    static final int PEP_FROM_AGE = 3;

    private HealthAndEducationClocks() {
    }

    /**
     * @param bornOn the child's date of birth; {@code null} (never looked after, so nothing due) gives no clocks
     */
    public static List<StatutoryClock> clocks(LookedAfterRecord care, HealthAndEducationRecord facts,
            LocalDate bornOn, WorkingDayCalendar calendar, LocalDate asAt, PolicyHistory policy) {
        List<StatutoryClock> clocks = new ArrayList<>();
        if (bornOn == null) {
            return clocks;
        }
        for (LookedAfterRecord.Period period : care.periods()) {
            LocalDate from = fullyLookedAfterFrom(period, asAt);
            if (from == null) {
                continue;
            }
            boolean openOnDay = period.endedOn() == null || period.endedOn().isAfter(asAt);
            LocalDate firstReview = care.reviews().stream()
                    .filter(r -> r.periodId().equals(period.periodId()) && !r.heldOn().isBefore(from)
                            && !r.heldOn().isAfter(asAt))
                    .map(LookedAfterRecord.Review::heldOn).min(Comparator.naturalOrder()).orElse(null);
            health(clocks, period.periodId(), facts, bornOn, from, firstReview, calendar, asAt, openOnDay);
            dental(clocks, period.periodId(), facts, from, calendar, asAt, policy, openOnDay);
            education(clocks, period.periodId(), facts, bornOn, from, calendar, asAt, policy, openOnDay);
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    /** An out-of-timescale signal for each clock overdue on {@code asAt}. */
    public static List<DriftSignal> signals(List<StatutoryClock> clocks, WorkingDayCalendar calendar,
            LocalDate asAt) {
        return clocks.stream().filter(c -> c.statusOn(asAt, calendar) == StatutoryClock.Status.OVERDUE)
                .map(c -> new DriftSignal("out-of-timescale", c.name() + " out of timescale: due by "
                        + Dates.spoken(c.due().date())))
                .toList();
    }

    /** The day the child turns {@code years}, 1 March for a 29 February birthday in a year without one. */
    static LocalDate birthday(LocalDate bornOn, int years) {
        LocalDate anniversary = bornOn.plusYears(years);
        if (bornOn.getMonth() == Month.FEBRUARY && bornOn.getDayOfMonth() == 29
                && anniversary.getDayOfMonth() == 28) {
            return anniversary.plusDays(1);
        }
        return anniversary;
    }

    private static void health(List<StatutoryClock> clocks, String periodId, HealthAndEducationRecord facts,
            LocalDate bornOn, LocalDate from, LocalDate firstReview, WorkingDayCalendar calendar, LocalDate asAt,
            boolean openOnDay) {
        List<LocalDate> initial = facts.checksOf(periodId, HealthCheck.INITIAL_HEALTH_ASSESSMENT, asAt);
        LocalDate met = initial.isEmpty() ? null : initial.get(0);
        if (met != null || openOnDay) {
            DueDate due = calendar.dueWithinWorkingDays(from, FIRST_REVIEW_WORKING_DAYS);
            if (firstReview != null && firstReview.isBefore(due.date())) {
                due = new DueDate(firstReview, false);
            }
            clocks.add(new StatutoryClock(INITIAL_HEALTH, "Initial health assessment",
                    "In time for the first review: within 20 working days, or before the first review if sooner "
                            + "(reg 7(1) SI 2010/959; statutory guidance on looked-after children's health, 2015)",
                    from, due, met, false));
        }
        TreeSet<LocalDate> assessments = new TreeSet<>(initial);
        assessments.addAll(facts.checksOf(periodId, HealthCheck.REVIEW_HEALTH_ASSESSMENT, asAt));
        if (assessments.isEmpty()) {
            return;
        }
        LocalDate last = assessments.first();
        for (LocalDate held : assessments.tailSet(last, false)) {
            clocks.add(reviewAssessment(bornOn, last, held));
            last = held;
        }
        if (openOnDay) {
            clocks.add(reviewAssessment(bornOn, last, null));
        }
    }

    private static StatutoryClock reviewAssessment(LocalDate bornOn, LocalDate last, LocalDate met) {
        boolean underFive = last.isBefore(birthday(bornOn, 5));
        int months = underFive ? UNDER_FIVE_MONTHS : FROM_FIVE_MONTHS;
        return new StatutoryClock(REVIEW_HEALTH, "Review health assessment", underFive
                ? "Within 6 months of the last assessment while the child is under 5 (reg 7(3)(a) SI 2010/959)"
                : "Within 12 months of the last assessment from the child's 5th birthday (reg 7(3)(b) SI 2010/959)",
                last, new DueDate(last.plusMonths(months), false), met, false);
    }

    private static void dental(List<StatutoryClock> clocks, String periodId, HealthAndEducationRecord facts,
            LocalDate from, WorkingDayCalendar calendar, LocalDate asAt, PolicyHistory policy, boolean openOnDay) {
        LocalDate start = from;
        for (LocalDate held : facts.checksOf(periodId, HealthCheck.DENTAL_CHECK, asAt)) {
            if (held.isBefore(from)) {
                continue;
            }
            clocks.add(dentalCheck(start, held, calendar, policy));
            start = held;
        }
        if (openOnDay) {
            clocks.add(dentalCheck(start, null, calendar, policy));
        }
    }

    private static StatutoryClock dentalCheck(LocalDate start, LocalDate met, WorkingDayCalendar calendar,
            PolicyHistory policy) {
        int months = policy.on(start).dentalCheckMonths();
        return new StatutoryClock(DENTAL, "Dental check", "Within " + months + " months of the last check or of "
                + "becoming looked after (health plan, Sch. 1 para 1(4)(a) SI 2010/959; local practice)", start,
                calendar.dueWithinMonths(start, months), met, false);
    }

    private static void education(List<StatutoryClock> clocks, String periodId, HealthAndEducationRecord facts,
            LocalDate bornOn, LocalDate from, WorkingDayCalendar calendar, LocalDate asAt, PolicyHistory policy,
            boolean openOnDay) {
        LocalDate third = birthday(bornOn, PEP_FROM_AGE);
        LocalDate start = from.isBefore(third) ? third : from;
        if (start.isAfter(asAt)) {
            return;
        }
        List<LocalDate> plans = facts.educationPlansOf(periodId, asAt).stream().filter(d -> !d.isBefore(start))
                .toList();
        if (plans.isEmpty() && !openOnDay) {
            return;
        }
        clocks.add(new StatutoryClock(INITIAL_PEP, "Personal education plan (PEP) in place",
                "In place for the first review: within 20 working days of becoming looked after, or of the 3rd "
                        + "birthday (reg 5(b)(ii) SI 2010/959; statutory guidance on the education of looked-after "
                        + "children, 2018)",
                start, calendar.dueWithinWorkingDays(start, FIRST_REVIEW_WORKING_DAYS),
                plans.isEmpty() ? null : plans.get(0), false));
        for (int i = 0; i < plans.size(); i++) {
            LocalDate next = i + 1 < plans.size() ? plans.get(i + 1) : null;
            if (next == null && !openOnDay) {
                break;
            }
            int months = policy.on(plans.get(i)).pepReviewMonths();
            clocks.add(new StatutoryClock(PEP_REVIEW, "PEP review", "Every school term: within " + months
                    + " months of the last PEP meeting (statutory guidance, 2018; the authority's reading of termly)",
                    plans.get(i), calendar.dueWithinMonths(plans.get(i), months), next, false));
        }
    }

    /** The day the regulations apply in full to the period, on or before {@code asAt}; {@code null} if not yet. */
    private static LocalDate fullyLookedAfterFrom(LookedAfterRecord.Period period, LocalDate asAt) {
        if (period.startedOn().isAfter(asAt)) {
            return null;
        }
        if (!period.startLegalStatus().isShortBreak()) {
            return period.startedOn();
        }
        return period.changes().stream()
                .filter(c -> c.legalStatus() && !c.changedOn().isAfter(asAt)
                        && !LegalStatus.valueOf(c.to()).isShortBreak())
                .map(LookedAfterRecord.Change::changedOn).min(Comparator.naturalOrder()).orElse(null);
    }
}
