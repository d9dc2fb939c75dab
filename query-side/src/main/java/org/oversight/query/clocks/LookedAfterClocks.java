package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.PolicyHistory;

/**
 * A looked-after child's clocks and drift signals as they stood on a given day (facts dated after it are
 * ignored).
 *
 * <ul>
 *   <li>Reviews, per the Care Planning, Placement and Case Review (England) Regulations 2010, reg 33: the first
 *       within 20 working days of the day the child became looked after, the second within 3 months of the
 *       first, later ones within 6 months of the previous review. Each due date runs from the review actually
 *       held, so a late review moves every later one.</li>
 *   <li>Short breaks (a period that starts under legal status V3 or V4): reg 48(3)(d) replaces reg 33's schedule
 *       with a first review within 3 months of the start of the first short break and later ones at intervals
 *       of not more than 6 months. Reg 48 applies only while the child is looked after under short breaks
 *       (reg 48(1) and (2)); from the day the period first takes another legal status (a care order, a full-time
 *       s20 placement) the regulations apply unmodified, and that day is, for reg 33(1), the day the child
 *       becomes looked after: the review then open is due within 20 working days of it, or by the short-break
 *       schedule's own date if that is sooner (an overdue review is not forgiven by a change of status), and the
 *       reviews after it follow reg 33 (3 months, then 6). A later return to V3 or V4 in the same period does not
 *       bring the short-break schedule back: the tighter schedule stays until the period ends. SSDA903 rule 399
 *       only keeps short-break reviews out of the return; it never removes them from the child's clocks.</li>
 *   <li>IRO allocated: within the local authority's timescale (IRO Handbook good practice: 5 working days) of
 *       the day the child became looked after; an IRO already allocated then meets it that day.</li>
 *   <li>The child consulted before each review: due by the review's own due date, met by a consultation after
 *       the previous review (or the start of the period) and on or before the review in which the IRO spoke to the
 *       child in private, or the child refused, or it was inappropriate given their age and understanding (reg 36);
 *       a written or advocate contact does not meet it.</li>
 *   <li>Midway check between reviews (from the second review on): due at the local authority's point (half
 *       way by default) of the calendar days from the previous review to the next review's due date, met by a
 *       check after the previous review.</li>
 *   <li>Review decisions sent (the decision letter) and the review record distributed: each within the local
 *       authority's timescale of the review.</li>
 *   <li>Early review requested by the IRO (reg 33(3) lets the review be held sooner than reg 33(2) requires):
 *       each request in a period of care is due within the local authority's timescale (local practice: the
 *       regulations set none; 20 working days by default) of the day it was made, and met by the first review
 *       held in the period on or after that day. The request moves no date of the reg 33 schedule; the review
 *       that meets it moves the next one, as every review does.</li>
 *   <li>Care plan actions: by the dates agreed at the review.</li>
 * </ul>
 * Once a period of care has ended, what was never done in it (an unsent record, an early review never held, an
 * action never completed) is no longer an open item; what was done stays, as history. Out-of-timescale reviews,
 * IRO allocations and early reviews are drift signals.
 * Local timescales are those in force on the day each clock started ({@link PolicyHistory#on}).
 */
public final class LookedAfterClocks {

    private LookedAfterClocks() {
    }

    /** The review and action clocks alone, under the default local timescales. */
    public static List<StatutoryClock> clocks(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        return clocks(record, calendar, asAt, PolicyHistory.defaults(null), null);
    }

    /**
     * @param iroAllocations the days an IRO allocation took effect for the child, or {@code null} when not known
     *                       (then no IRO allocation clock is derived)
     */
    public static List<StatutoryClock> clocks(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt,
            PolicyHistory policy, List<LocalDate> iroAllocations) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (LookedAfterRecord.Period period : record.periods()) {
            if (period.startedOn().isAfter(asAt)) {
                continue;
            }
            boolean openOnDay = period.endedOn() == null || period.endedOn().isAfter(asAt);
            if (iroAllocations != null) {
                iroAllocation(period, calendar, asAt, policy, iroAllocations, openOnDay).ifPresent(clocks::add);
            }
            List<LookedAfterRecord.Review> reviews = record.reviews().stream()
                    .filter(r -> period.periodId().equals(r.periodId()) && !r.heldOn().isAfter(asAt))
                    .sorted(Comparator.comparing(LookedAfterRecord.Review::heldOn)).toList();
            LocalDate previous = period.startedOn();
            boolean shortBreaks = period.startLegalStatus().isShortBreak();
            LocalDate shortBreaksEnded = shortBreaks ? shortBreaksEnded(period, asAt) : null;
            int inSchedule = 0;
            for (int i = 0; i <= reviews.size(); i++) {
                LookedAfterRecord.Review review = i < reviews.size() ? reviews.get(i) : null;
                if (review == null && !openOnDay) {
                    break;
                }
                LocalDate held = review == null ? null : review.heldOn();
                StatutoryClock reviewClock;
                if (shortBreaks && shortBreaksEnded != null && (held == null || !held.isBefore(shortBreaksEnded))) {
                    reviewClock = reviewAfterShortBreaks(calendar, inSchedule, previous, shortBreaksEnded, held);
                    shortBreaks = false;
                    inSchedule = 1;
                } else if (shortBreaks) {
                    reviewClock = shortBreakReviewClock(calendar, inSchedule++, previous, held);
                } else {
                    reviewClock = reviewClock(calendar, inSchedule++, previous, held);
                }
                clocks.add(reviewClock);
                consultation(record, previous, i == 0, reviewClock, review, asAt).ifPresent(clocks::add);
                if (i > 0) {
                    midwayCheck(record, previous, reviewClock, policy, asAt).ifPresent(clocks::add);
                }
                if (review != null) {
                    minutes(review, calendar, asAt, policy.on(held), openOnDay).forEach(clocks::add);
                }
                previous = held;
            }
            earlyReviews(record, period, reviews, calendar, asAt, policy, openOnDay).forEach(clocks::add);
        }
        for (LookedAfterRecord.Action action : record.actions()) {
            if (action.agreedOn().isAfter(asAt)) {
                continue;
            }
            LocalDate closed = action.closedOn() != null && !action.closedOn().isAfter(asAt) ? action.closedOn() : null;
            if (closed == null && periodEndedBy(record, action, asAt)) {
                // the care plan ended with the period of care: what was never done is history, not an open item
                continue;
            }
            boolean cancelled = closed != null && action.status() == LookedAfterRecord.ActionStatus.CANCELLED;
            clocks.add(new StatutoryClock("care-plan-action", "Care plan action: " + action.action(),
                    "Due by the date agreed at the review", action.agreedOn(), new DueDate(action.dueOn(), false),
                    cancelled ? null : closed, cancelled));
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    /** Whether the period of care the action's review belongs to had ended on or before {@code asAt}. */
    private static boolean periodEndedBy(LookedAfterRecord record, LookedAfterRecord.Action action, LocalDate asAt) {
        return record.reviews().stream().filter(r -> r.reviewId().equals(action.reviewId()))
                .map(LookedAfterRecord.Review::periodId).findFirst()
                .flatMap(periodId -> record.periods().stream().filter(p -> p.periodId().equals(periodId)).findFirst())
                .map(period -> period.endedOn() != null && !period.endedOn().isAfter(asAt))
                .orElse(false);
    }

    public static List<DriftSignal> signals(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        return signals(record, calendar, asAt, PolicyHistory.defaults(null), null);
    }

    public static List<DriftSignal> signals(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt,
            PolicyHistory policy, List<LocalDate> iroAllocations) {
        List<DriftSignal> signals = new ArrayList<>();
        long overdueActions = 0;
        for (StatutoryClock clock : clocks(record, calendar, asAt, policy, iroAllocations)) {
            StatutoryClock.Status status = clock.statusOn(asAt, calendar);
            boolean late = status == StatutoryClock.Status.OVERDUE || status == StatutoryClock.Status.HAPPENED_LATE;
            switch (clock.kind()) {
                case "care-plan-action" -> overdueActions += status == StatutoryClock.Status.OVERDUE ? 1 : 0;
                case "lac-review", "iro-allocation", "early-review" -> {
                    if (late) {
                        signals.add(new DriftSignal("out-of-timescale", clock.name() + " out of timescale: due by "
                                + Dates.spoken(clock.due().date())));
                    }
                }
                default -> {
                    // consultation, midway check and record distribution have signals of their own below
                }
            }
        }
        if (overdueActions > 0) {
            signals.add(new DriftSignal("overdue-actions", overdueActions + " care plan "
                    + (overdueActions == 1 ? "action" : "actions") + " overdue"));
        }
        record.reviews().stream().filter(r -> !r.heldOn().isAfter(asAt))
                .max(Comparator.comparing(LookedAfterRecord.Review::heldOn))
                .filter(r -> !r.consultedBefore())
                .ifPresent(r -> signals.add(new DriftSignal("no-consultation", "The child was not consulted before the review on "
                        + Dates.spoken(r.heldOn()))));
        noMidwayCheck(record, asAt).ifPresent(signals::add);
        if (record.iroChangesInCurrentPeriod() > 0) {
            signals.add(new DriftSignal("iro-changes", record.iroChangesInCurrentPeriod() + " change"
                    + (record.iroChangesInCurrentPeriod() == 1 ? "" : "s") + " of IRO in this period of care"));
        }
        return signals;
    }

    private static Optional<StatutoryClock> iroAllocation(LookedAfterRecord.Period period, WorkingDayCalendar calendar,
            LocalDate asAt, PolicyHistory policy, List<LocalDate> allocations, boolean openOnDay) {
        LocalDate start = period.startedOn();
        boolean alreadyAllocated = allocations.stream().anyMatch(d -> !d.isAfter(start));
        LocalDate until = period.endedOn() != null && period.endedOn().isBefore(asAt) ? period.endedOn() : asAt;
        LocalDate met = alreadyAllocated ? start
                : allocations.stream().filter(d -> !d.isAfter(until)).min(Comparator.naturalOrder()).orElse(null);
        if (met == null && !openOnDay) {
            return Optional.empty();
        }
        int days = policy.on(start).iroAllocationWorkingDays();
        return Optional.of(new StatutoryClock("iro-allocation", "IRO allocated",
                "Within " + days + " working days of becoming looked after (local timescale, IRO Handbook)", start,
                calendar.dueWithinWorkingDays(start, days), met, false));
    }

    /**
     * One clock for each early review the IRO asked for in the period on or before {@code asAt}, under the
     * timescale in force on the day of the request. Requests are placed in a period by their date; the period's
     * reviews are those held on or before {@code asAt}, oldest first.
     */
    private static List<StatutoryClock> earlyReviews(LookedAfterRecord record, LookedAfterRecord.Period period,
            List<LookedAfterRecord.Review> reviews, WorkingDayCalendar calendar, LocalDate asAt, PolicyHistory policy,
            boolean periodOpen) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (LookedAfterRecord.EarlyReviewRequest request : record.earlyReviewRequests()) {
            LocalDate asked = request.requestedOn();
            if (asked.isAfter(asAt) || asked.isBefore(period.startedOn())
                    || (period.endedOn() != null && asked.isAfter(period.endedOn()))) {
                continue;
            }
            LocalDate met = reviews.stream().map(LookedAfterRecord.Review::heldOn).filter(d -> !d.isBefore(asked))
                    .findFirst().orElse(null);
            if (met == null && !periodOpen) {
                continue;
            }
            int days = policy.on(asked).earlyReviewWorkingDays();
            clocks.add(new StatutoryClock("early-review", "Early review requested by the IRO",
                    "Within " + days + " working day" + (days == 1 ? "" : "s")
                            + " of the IRO's request (reg 33(3); local practice)",
                    asked, calendar.dueWithinWorkingDays(asked, days), met, false));
        }
        return clocks;
    }

    /**
     * The decisions and the full record of a held review. The record carries the decisions, so a record
     * distributed before any decision letter was recorded also meets the decisions clock (on the day it went
     * out). Once the period of care has ended, what was never sent is no longer an open item.
     */
    private static List<StatutoryClock> minutes(LookedAfterRecord.Review review, WorkingDayCalendar calendar,
            LocalDate asAt, PolicySettings settings, boolean periodOpen) {
        LocalDate held = review.heldOn();
        LocalDate distributed = review.distributedOn() != null && !review.distributedOn().isAfter(asAt)
                ? review.distributedOn() : null;
        LocalDate sent = review.decisionsSentOn() != null && !review.decisionsSentOn().isAfter(asAt)
                ? review.decisionsSentOn() : distributed;
        List<StatutoryClock> minutes = new ArrayList<>();
        if (sent != null || periodOpen) {
            minutes.add(new StatutoryClock("decisions-sent", "Review decisions sent",
                    "Within " + settings.decisionsWorkingDays() + " working day"
                            + (settings.decisionsWorkingDays() == 1 ? "" : "s") + " of the review (local timescale)",
                    held, calendar.dueWithinWorkingDays(held, settings.decisionsWorkingDays()), sent, false));
        }
        if (distributed != null || periodOpen) {
            minutes.add(new StatutoryClock("record-distribution", "Review record distributed",
                    "Within " + settings.recordWorkingDays() + " working days of the review (local timescale)",
                    held, calendar.dueWithinWorkingDays(held, settings.recordWorkingDays()), distributed, false));
        }
        return minutes;
    }

    /**
     * The consultation clock for one review. A held review the child was not consulted before is not a clock but
     * a drift signal; an upcoming review's consultation is a clock like any other. Reg 36 of SI 2010/959: the IRO
     * speaks to the child in private about what the review will consider, unless the child refuses or it is
     * inappropriate given their age and understanding; so a written or advocate contact is kept as the child's
     * voice but meets no clock. Consultations recorded before the question was asked keep meeting it.
     */
    private static Optional<StatutoryClock> consultation(LookedAfterRecord record, LocalDate previous,
            boolean firstReview, StatutoryClock reviewClock, LookedAfterRecord.Review review, LocalDate asAt) {
        if (review != null && !review.consultedBefore()) {
            return Optional.empty();
        }
        LocalDate until = review == null ? asAt : review.heldOn();
        Optional<LocalDate> consulted = record.consultations().stream()
                .filter(LookedAfterRecord.Consultation::meetsConsultationClock)
                .map(LookedAfterRecord.Consultation::consultedOn)
                .filter(d -> (firstReview ? !d.isBefore(previous) : d.isAfter(previous)) && !d.isAfter(until))
                .max(Comparator.naturalOrder());
        if (review != null && consulted.isEmpty()) {
            consulted = Optional.of(review.heldOn());
        }
        return Optional.of(new StatutoryClock("consultation", "Child consulted before the "
                + reviewClock.name().toLowerCase(java.util.Locale.UK),
                "Before the review the IRO speaks to the child in private, unless the child refuses or it is "
                        + "inappropriate given their age and understanding (reg 36)", previous,
                reviewClock.due(), consulted.orElse(null), false));
    }

    private static Optional<StatutoryClock> midwayCheck(LookedAfterRecord record, LocalDate previous,
            StatutoryClock reviewClock, PolicyHistory policy, LocalDate asAt) {
        LocalDate until = reviewClock.metOn() == null ? asAt : reviewClock.metOn();
        Optional<LocalDate> checked = record.midwayChecks().stream().map(LookedAfterRecord.MidwayCheck::checkedOn)
                .filter(d -> d.isAfter(previous) && !d.isAfter(until)).min(Comparator.naturalOrder());
        if (reviewClock.metOn() != null && checked.isEmpty()) {
            return Optional.empty();
        }
        int percent = policy.on(previous).midwayCheckPercent();
        long span = ChronoUnit.DAYS.between(previous, reviewClock.due().date());
        LocalDate due = previous.plusDays(span * percent / 100);
        return Optional.of(new StatutoryClock("midway-check", "Midway check before the next review",
                percent + "% of the way to the next review's due date (local practice)", previous,
                new DueDate(due, false), checked.orElse(null), false));
    }

    /** The latest interval between reviews (from the second review on) that closed without a midway check. */
    private static Optional<DriftSignal> noMidwayCheck(LookedAfterRecord record, LocalDate asAt) {
        for (LookedAfterRecord.Period period : record.periods()) {
            List<LocalDate> held = record.reviews().stream()
                    .filter(r -> period.periodId().equals(r.periodId()) && !r.heldOn().isAfter(asAt))
                    .map(LookedAfterRecord.Review::heldOn).sorted().toList();
            if (held.size() < 2) {
                continue;
            }
            LocalDate from = held.get(held.size() - 2);
            LocalDate to = held.get(held.size() - 1);
            boolean checked = record.midwayChecks().stream().map(LookedAfterRecord.MidwayCheck::checkedOn)
                    .anyMatch(d -> d.isAfter(from) && !d.isAfter(to));
            if (!checked && (period.endedOn() == null || period.endedOn().isAfter(asAt))) {
                return Optional.of(new DriftSignal("no-midway-check", "No midway check between the reviews on "
                        + Dates.spoken(from) + " and " + Dates.spoken(to)));
            }
        }
        return Optional.empty();
    }

    private static StatutoryClock reviewClock(WorkingDayCalendar calendar, int index, LocalDate previous,
            LocalDate held) {
        return switch (index) {
            case 0 -> new StatutoryClock("lac-review", "First looked-after review",
                    "Within 20 working days of becoming looked after (reg 33(1))", previous,
                    calendar.dueWithinWorkingDays(previous, 20), held, false);
            case 1 -> new StatutoryClock("lac-review", "Second looked-after review",
                    "Within 3 months of the first review (reg 33(2))", previous,
                    calendar.dueWithinMonths(previous, 3), held, false);
            default -> new StatutoryClock("lac-review", "Looked-after review",
                    "Within 6 months of the previous review (reg 33(2))", previous,
                    calendar.dueWithinMonths(previous, 6), held, false);
        };
    }

    /** Reg 48(3)(d): the schedule of a child looked after under short breaks. */
    private static StatutoryClock shortBreakReviewClock(WorkingDayCalendar calendar, int index, LocalDate previous,
            LocalDate held) {
        return index == 0
                ? new StatutoryClock("lac-review", "First short-break review",
                        "Within 3 months of the start of the first short break (reg 48(3)(d))", previous,
                        calendar.dueWithinMonths(previous, 3), held, false)
                : new StatutoryClock("lac-review", "Short-break review",
                        "Within 6 months of the previous review (reg 48(3)(d))", previous,
                        calendar.dueWithinMonths(previous, 6), held, false);
    }

    /**
     * The review open when the child stopped being looked after under short breaks alone: due within 20 working
     * days of that day (reg 33(1), reg 48 no longer applying), unless the short-break schedule already had it due
     * sooner.
     */
    private static StatutoryClock reviewAfterShortBreaks(WorkingDayCalendar calendar, int index, LocalDate previous,
            LocalDate shortBreaksEnded, LocalDate held) {
        DueDate shortBreakDue = shortBreakReviewClock(calendar, index, previous, held).due();
        DueDate fullDue = calendar.dueWithinWorkingDays(shortBreaksEnded, 20);
        if (shortBreakDue.date().isBefore(fullDue.date())) {
            return new StatutoryClock("lac-review", "Looked-after review",
                    "By the short-break schedule's date (reg 48(3)(d)), sooner than 20 working days from leaving "
                            + "short breaks on " + Dates.spoken(shortBreaksEnded) + " (reg 33(1))",
                    previous, shortBreakDue, held, false);
        }
        return new StatutoryClock("lac-review", "First looked-after review after short breaks",
                "Within 20 working days of becoming looked after other than under short breaks, on "
                        + Dates.spoken(shortBreaksEnded) + " (reg 33(1); reg 48 no longer applies)",
                shortBreaksEnded, fullDue, held, false);
    }

    /** The first day, on or before {@code asAt}, the period took a legal status other than V3 or V4. */
    private static LocalDate shortBreaksEnded(LookedAfterRecord.Period period, LocalDate asAt) {
        return period.changes().stream()
                .filter(c -> c.legalStatus() && !c.changedOn().isAfter(asAt)
                        && !LegalStatus.valueOf(c.to()).isShortBreak())
                .map(LookedAfterRecord.Change::changedOn).min(Comparator.naturalOrder()).orElse(null);
    }
}
