package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.protection.ProtectionRecord;

/**
 * The child protection clocks and drift signals for one child, derived from the recorded facts as they stood
 * on a given day (facts dated after it are ignored). Every due date comes from the previous thing that
 * actually happened, so a late review moves every later due date.
 *
 * <ul>
 *   <li>Initial conference: within 15 working days of the strategy discussion at which the section 47 enquiry
 *       started (Working Together 2018; the CIN census {@code InitialCPCtarget}).</li>
 *   <li>First review conference: within 3 months of the initial conference that started the plan; later
 *       reviews within 6 months of the previous review (Working Together).</li>
 * </ul>
 */
public final class ProtectionClocks {

    /** A plan whose latest category has not moved across this many reviews is flagged for a fresh look. */
    static final int REVIEWS_WITHOUT_CATEGORY_CHANGE = 3;

    private ProtectionClocks() {
    }

    public static List<StatutoryClock> clocks(ProtectionRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        return clocks(record, calendar, asAt, PolicyHistory.defaults(null), null, null);
    }

    /**
     * As {@link #clocks(ProtectionRecord, WorkingDayCalendar, LocalDate)}, with the pre-birth conference clock for
     * an enquiry about an unborn child: held by the week of pregnancy the local authority sets (34 by default),
     * counted back from the expected date of delivery as 40 weeks.
     *
     * @param expectedDelivery the expected date of delivery, or {@code null} if never recorded
     * @param bornOn           the date of birth, or {@code null} while unborn
     */
    public static List<StatutoryClock> clocks(ProtectionRecord record, WorkingDayCalendar calendar, LocalDate asAt,
            PolicyHistory policy, LocalDate expectedDelivery, LocalDate bornOn) {
        List<StatutoryClock> clocks = new ArrayList<>();
        if (expectedDelivery != null) {
            for (ProtectionRecord.Enquiry enquiry : record.enquiries()) {
                LocalDate discussed = enquiry.strategyDiscussionOn();
                boolean unbornThen = bornOn == null || bornOn.isAfter(discussed);
                if (discussed.isAfter(asAt) || !unbornThen) {
                    continue;
                }
                LocalDate held = conference(record, enquiry.initialConferenceId())
                        .map(ProtectionRecord.Conference::heldOn).filter(d -> !d.isAfter(asAt)).orElse(null);
                boolean notNeeded = held == null && enquiry.notRequiredOn() != null
                        && !enquiry.notRequiredOn().isAfter(asAt);
                int week = policy.on(discussed).preBirthConferenceByWeek();
                clocks.add(new StatutoryClock("pre-birth-conference", "Pre-birth conference",
                        "By week " + week + " of pregnancy (local timescale)", discussed,
                        new DueDate(expectedDelivery.minusWeeks(40L - week), false), held, notNeeded));
            }
        }
        for (ProtectionRecord.Enquiry enquiry : record.enquiries()) {
            if (enquiry.strategyDiscussionOn().isAfter(asAt)) {
                continue;
            }
            LocalDate held = conference(record, enquiry.initialConferenceId())
                    .map(ProtectionRecord.Conference::heldOn).filter(d -> !d.isAfter(asAt)).orElse(null);
            boolean notNeeded = held == null && enquiry.notRequiredOn() != null && !enquiry.notRequiredOn().isAfter(asAt);
            clocks.add(new StatutoryClock("icpc", "Initial child protection conference",
                    "Within 15 working days of the strategy discussion (Working Together)",
                    enquiry.strategyDiscussionOn(), calendar.dueWithinWorkingDays(enquiry.strategyDiscussionOn(), 15),
                    held, notNeeded));
        }
        for (ProtectionRecord.Plan plan : record.plans()) {
            if (plan.startDate().isAfter(asAt)) {
                continue;
            }
            List<LocalDate> reviews = reviewDates(record, plan.planId(), asAt);
            LocalDate previous = plan.startDate();
            int months = 3;
            for (LocalDate review : reviews) {
                clocks.add(reviewClock(calendar, previous, months, review));
                previous = review;
                months = 6;
            }
            boolean openOnDay = plan.endDate() == null || plan.endDate().isAfter(asAt);
            if (openOnDay) {
                clocks.add(reviewClock(calendar, previous, months, null));
            }
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    public static List<DriftSignal> signals(ProtectionRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        return signals(record, calendar, asAt, PolicyHistory.defaults(null), null, null);
    }

    public static List<DriftSignal> signals(ProtectionRecord record, WorkingDayCalendar calendar, LocalDate asAt,
            PolicyHistory policy, LocalDate expectedDelivery, LocalDate bornOn) {
        List<DriftSignal> signals = new ArrayList<>();
        for (StatutoryClock clock : clocks(record, calendar, asAt, policy, expectedDelivery, bornOn)) {
            StatutoryClock.Status status = clock.statusOn(asAt, calendar);
            if (status == StatutoryClock.Status.OVERDUE || status == StatutoryClock.Status.HAPPENED_LATE) {
                signals.add(new DriftSignal("out-of-timescale", clock.name() + " out of timescale: due by "
                        + Dates.spoken(clock.due().date())));
            }
        }
        List<ProtectionRecord.Plan> plans = record.plans().stream()
                .filter(p -> !p.startDate().isAfter(asAt))
                .sorted(Comparator.comparing(ProtectionRecord.Plan::startDate))
                .toList();
        for (int i = 0; i < plans.size(); i++) {
            ProtectionRecord.Plan plan = plans.get(i);
            boolean openOnDay = plan.endDate() == null || plan.endDate().isAfter(asAt);
            if (!openOnDay) {
                continue;
            }
            Period open = Period.between(plan.startDate(), asAt);
            if (open.toTotalMonths() >= 24) {
                signals.add(new DriftSignal("plan-open-2-years", "Child protection plan open for 2 years or more"));
            } else if (open.toTotalMonths() >= 18) {
                signals.add(new DriftSignal("plan-open-18-months", "Child protection plan open for 18 months or more"));
            }
            if (plan.previousPlans() > 0) {
                signals.add(new DriftSignal("subsequent-plan", "Second or subsequent child protection plan"));
            }
            if (i > 0 && plans.get(i - 1).endDate() != null
                    && !plans.get(i - 1).endDate().plusYears(2).isBefore(plan.startDate())) {
                signals.add(new DriftSignal("plan-within-2-years", "New plan within 2 years of the previous plan ending"));
            }
            List<ProtectionRecord.Conference> reviews = record.conferences().stream()
                    .filter(c -> plan.planId().equals(c.planId()) && "REVIEW".equals(c.type()) && !c.heldOn().isAfter(asAt))
                    .toList();
            if (reviews.size() >= REVIEWS_WITHOUT_CATEGORY_CHANGE
                    && reviews.stream().allMatch(r -> r.category() == plan.initialCategory())) {
                signals.add(new DriftSignal("category-unchanged", "Category unchanged across "
                        + reviews.size() + " review conferences"));
            }
        }
        return signals;
    }

    private static StatutoryClock reviewClock(WorkingDayCalendar calendar, LocalDate previous, int months,
            LocalDate held) {
        return months == 3
                ? new StatutoryClock("cp-review", "First review conference",
                        "Within 3 months of the initial conference (Working Together)", previous,
                        calendar.dueWithinMonths(previous, 3), held, false)
                : new StatutoryClock("cp-review", "Review conference",
                        "Within 6 months of the previous review conference (Working Together)", previous,
                        calendar.dueWithinMonths(previous, 6), held, false);
    }

    private static List<LocalDate> reviewDates(ProtectionRecord record, String planId, LocalDate asAt) {
        return record.conferences().stream()
                .filter(c -> planId.equals(c.planId()) && "REVIEW".equals(c.type()) && !c.heldOn().isAfter(asAt))
                .map(ProtectionRecord.Conference::heldOn)
                .sorted()
                .toList();
    }

    private static Optional<ProtectionRecord.Conference> conference(ProtectionRecord record, String conferenceId) {
        return conferenceId == null ? Optional.empty()
                : record.conferences().stream().filter(c -> conferenceId.equals(c.conferenceId())).findFirst();
    }
}
