package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.socialwork.SocialWorkRecord;

/**
 * The social worker's statutory visits to a looked-after child, and the time the child had no allocated social
 * worker, as they stood on a given day (facts dated after it are ignored). The Care Planning, Placement and Case
 * Review (England) Regulations 2010 (SI 2010/959), as read for each clock:
 *
 * <ul>
 *   <li>Reg 28(2)(a): a visit within one week of the start of any placement: the period of care's first
 *       placement and every change of placement. Due seven calendar days after the day the placement started
 *       (a placement starting Monday is visited by the next Monday, inclusive); the regulation counts weeks, not
 *       working days, so a due date on a weekend or bank holiday stays where it falls.</li>
 *   <li>Reg 28(2)(b): then at intervals of not more than six weeks for the first year of the placement: each
 *       visit is due within 42 days of the one before.</li>
 *   <li>Reg 28(2)(c): after the first year, at intervals of not more than three months where the placement is
 *       intended to last until the child is 18 ((c)(i); recorded as a decision about the placement), and of
 *       not more than six weeks in any other case ((c)(ii)). Three months are calendar months under the
 *       calendar's month-end rule (30 November + 3 months = 28 February, or 29 in a leap year).</li>
 *   <li>Which interval applies is the one in force on the day the interval starts, the previous visit: a visit
 *       made in the first year is followed by the next within six weeks even where that falls after the first
 *       anniversary, and only a placement intended to last until 18 as decided by that day earns three months.
 *       The first year of a placement that started on a day runs to the day before the same date a year later
 *       (a placement starting 29 February is in its second year from 28 February).</li>
 *   <li>A move ends the old placement's clock: one still within time when the child moved is closed, the new
 *       placement's week starting; one already overdue stays open until the next visit, which meets it
 *       late.</li>
 *   <li>Short breaks (a period that starts under V3 or V4), reg 48(3)(c): reg 28(2) does not apply; visits are
 *       made on days the child is in fact placed at intervals agreed with the IRO and the parents and recorded in
 *       the care plan, and in any event the first within three months of the start of the first placement (or as
 *       soon as practicable after it: the three months are shown as the due date, the practicable delay is for
 *       the IRO to judge), later ones at intervals of not more than six months. Placement changes start no
 *       clock under short breaks. The locally agreed intervals are not recorded here, so only the outer limits
 *       run.</li>
 *   <li>From the day a short-breaks period first takes another legal status reg 48 no longer applies and
 *       reg 28(2) does, that day counting as the start of a placement: a visit within one week of it (or by the
 *       short-break date, if sooner: leaving short breaks forgives no overdue visit), then six-weekly for a year
 *       from it. This follows the reading the review clocks make of the same change
 *       ({@link LookedAfterClocks}).</li>
 * </ul>
 * Reg 28(3) to (6) (a child placed with a parent before assessment, with a connected person on temporary approval,
 * at home under an interim or full care order, or living under arrangements another person is responsible for)
 * set other intervals on facts this record does not yet hold; they are not derived. Once a period of care has
 * ended, a visit never made in it is no longer an open item.
 *
 * <p>The clocks and signals of a period run once its social work is recorded ({@link SocialWorkRecord#recordedFor}):
 * periods recorded before social work could be are silent about it, and are not all shown as visits missed.
 */
public final class SocialWorkClocks {

    /** The kind of every visit clock. */
    public static final String KIND = "social-worker-visit";

    private SocialWorkClocks() {
    }

    private enum StepKind { PLACEMENT, SHORT_BREAKS_ENDED, VISIT }

    private record Step(LocalDate on, StepKind kind) {
    }

    /** A clock still waiting for the visit that meets it. */
    private record Waiting(String name, String standard, LocalDate startedOn, DueDate due) {

        StatutoryClock met(LocalDate on) {
            return new StatutoryClock(KIND, name, standard, startedOn, due, on, false);
        }

        StatutoryClock closed() {
            return new StatutoryClock(KIND, name, standard, startedOn, due, null, true);
        }
    }

    public static List<StatutoryClock> clocks(LookedAfterRecord care, SocialWorkRecord work,
            WorkingDayCalendar calendar, LocalDate asAt) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (LookedAfterRecord.Period period : care.periods()) {
            if (!period.startedOn().isAfter(asAt)
                    && work.recordedFor(period.periodId(), period.startedOn(), asAt)) {
                clocks.addAll(period(period, work, calendar, asAt));
            }
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    private static List<StatutoryClock> period(LookedAfterRecord.Period period, SocialWorkRecord work,
            WorkingDayCalendar calendar, LocalDate asAt) {
        boolean open = period.endedOn() == null || period.endedOn().isAfter(asAt);
        LocalDate last = open ? asAt : period.endedOn();
        LocalDate start = period.startedOn();
        boolean shortBreaks = period.startLegalStatus().isShortBreak();

        List<Step> steps = new ArrayList<>();
        period.changes().stream().filter(c -> !c.legalStatus() && !c.changedOn().isAfter(last))
                .forEach(c -> steps.add(new Step(c.changedOn(), StepKind.PLACEMENT)));
        if (shortBreaks) {
            period.changes().stream()
                    .filter(c -> c.legalStatus() && !c.changedOn().isAfter(last)
                            && !LegalStatus.valueOf(c.to()).isShortBreak())
                    .map(LookedAfterRecord.Change::changedOn).min(Comparator.naturalOrder())
                    .ifPresent(on -> steps.add(new Step(on, StepKind.SHORT_BREAKS_ENDED)));
        }
        work.visits().stream().filter(v -> v.periodId().equals(period.periodId()) && !v.visitedOn().isAfter(last))
                .forEach(v -> steps.add(new Step(v.visitedOn(), StepKind.VISIT)));
        // a visit on the day a placement starts is a visit to that placement
        steps.sort(Comparator.comparing(Step::on).thenComparing(Step::kind));

        List<StatutoryClock> clocks = new ArrayList<>();
        List<Waiting> overdueAtMove = new ArrayList<>();
        LocalDate placementStartedOn = start;
        LocalDate firstYearFrom = start;
        Waiting current = shortBreaks
                ? new Waiting("Social worker's first visit under short breaks",
                        "Within 3 months of the start of the first short break, or as soon as practicable after it "
                                + "(reg 48(3)(c)(i))", start, calendar.dueWithinMonths(start, 3))
                : new Waiting("Social worker's first visit to the placement",
                        "Within one week of the start of the placement (reg 28(2)(a))", start, inWeeks(start, 1));
        for (Step step : steps) {
            switch (step.kind()) {
                case PLACEMENT -> {
                    placementStartedOn = step.on();
                    if (shortBreaks || step.on().equals(start)) {
                        continue;
                    }
                    if (current.due().isOverdueOn(step.on())) {
                        overdueAtMove.add(current);
                    } else {
                        clocks.add(current.closed());
                    }
                    firstYearFrom = step.on();
                    current = new Waiting("Social worker's first visit to the new placement",
                            "Within one week of the start of the placement, on " + Dates.spoken(step.on())
                                    + " (reg 28(2)(a))", step.on(), inWeeks(step.on(), 1));
                }
                case SHORT_BREAKS_ENDED -> {
                    shortBreaks = false;
                    firstYearFrom = step.on();
                    DueDate week = inWeeks(step.on(), 1);
                    if (current.due().date().isBefore(week.date())) {
                        current = new Waiting("Social worker's visit", "By the short-break schedule's date "
                                + "(reg 48(3)(c)), sooner than one week from leaving short breaks on "
                                + Dates.spoken(step.on()) + " (reg 28(2)(a))", current.startedOn(), current.due());
                    } else {
                        clocks.add(current.closed());
                        current = new Waiting("Social worker's first visit after short breaks",
                                "Within one week of becoming looked after other than under short breaks, on "
                                        + Dates.spoken(step.on()) + " (reg 28(2)(a); reg 48 no longer applies)",
                                step.on(), week);
                    }
                }
                case VISIT -> {
                    clocks.add(current.met(step.on()));
                    overdueAtMove.forEach(w -> clocks.add(w.met(step.on())));
                    overdueAtMove.clear();
                    current = next(step.on(), shortBreaks, firstYearFrom,
                            work.intendedUntilEighteen(period.periodId(), placementStartedOn, step.on()), calendar);
                }
                default -> throw new IllegalStateException("Unknown step " + step.kind());
            }
        }
        if (open) {
            clocks.add(new StatutoryClock(KIND, current.name(), current.standard(), current.startedOn(),
                    current.due(), null, false));
            overdueAtMove.forEach(w -> clocks.add(new StatutoryClock(KIND, w.name(), w.standard(), w.startedOn(),
                    w.due(), null, false)));
        }
        return clocks;
    }

    /** The clock a visit on {@code visited} starts, under the interval in force that day. */
    private static Waiting next(LocalDate visited, boolean shortBreaks, LocalDate firstYearFrom,
            boolean untilEighteen, WorkingDayCalendar calendar) {
        if (shortBreaks) {
            return new Waiting("Social worker's visit under short breaks",
                    "At most 6 months after the previous visit (reg 48(3)(c)(ii))", visited,
                    calendar.dueWithinMonths(visited, 6));
        }
        if (visited.isBefore(firstYearFrom.plusYears(1))) {
            return new Waiting("Social worker's visit", "At most 6 weeks after the previous visit, in the "
                    + "placement's first year (reg 28(2)(b))", visited, inWeeks(visited, 6));
        }
        if (untilEighteen) {
            return new Waiting("Social worker's visit", "At most 3 months after the previous visit: the placement "
                    + "is intended to last until the child is 18 (reg 28(2)(c)(i))", visited,
                    calendar.dueWithinMonths(visited, 3));
        }
        return new Waiting("Social worker's visit", "At most 6 weeks after the previous visit (reg 28(2)(c)(ii))",
                visited, inWeeks(visited, 6));
    }

    /** Weeks are calendar days: never moved off a weekend or bank holiday, never flagged. */
    private static DueDate inWeeks(LocalDate from, int weeks) {
        return new DueDate(from.plusWeeks(weeks), false);
    }

    /**
     * Drift in the social work of the period of care open on {@code asAt}: no allocated social worker now, time
     * without one earlier in the period, visits overdue or late, and a last visit at which the child was not seen
     * alone (reg 29).
     */
    public static List<DriftSignal> signals(LookedAfterRecord care, SocialWorkRecord work,
            WorkingDayCalendar calendar, LocalDate asAt) {
        Optional<LookedAfterRecord.Period> open = care.periods().stream()
                .filter(p -> !p.startedOn().isAfter(asAt) && (p.endedOn() == null || p.endedOn().isAfter(asAt)))
                .findFirst();
        if (open.isEmpty() || !work.recordedFor(open.get().periodId(), open.get().startedOn(), asAt)) {
            return List.of();
        }
        LookedAfterRecord.Period period = open.get();
        List<DriftSignal> signals = new ArrayList<>();
        unallocated(period, work, asAt, signals);
        long overdue = 0;
        long late = 0;
        for (StatutoryClock clock : period(period, work, calendar, asAt)) {
            StatutoryClock.Status status = clock.statusOn(asAt, calendar);
            overdue += status == StatutoryClock.Status.OVERDUE ? 1 : 0;
            late += status == StatutoryClock.Status.HAPPENED_LATE ? 1 : 0;
        }
        if (overdue > 0) {
            signals.add(new DriftSignal("social-worker-visit-overdue", "The social worker's statutory visit is overdue"));
        }
        if (late > 0) {
            signals.add(new DriftSignal("social-worker-visits-late", late + " social worker's visit"
                    + (late == 1 ? "" : "s") + " out of timescale in this period of care"));
        }
        work.visits().stream().filter(v -> v.periodId().equals(period.periodId()) && !v.visitedOn().isAfter(asAt))
                .reduce((a, b) -> b).filter(v -> !v.seenAlone())
                .ifPresent(v -> signals.add(new DriftSignal("not-seen-alone", "The child was not seen alone at the "
                        + "social worker's last visit, on " + Dates.spoken(v.visitedOn()) + " (reg 29)")));
        return signals;
    }

    /** Unallocated days from the period's start up to {@code asAt}: the gap still open, and those closed. */
    private static void unallocated(LookedAfterRecord.Period period, SocialWorkRecord work, LocalDate asAt,
            List<DriftSignal> signals) {
        LocalDate from = period.startedOn();
        LocalDate gapFrom = work.allocatedOn(from).isPresent() ? null : from;
        long closedDays = 0;
        for (SocialWorkRecord.Allocation change : work.allocations()) {
            if (!change.on().isAfter(from) || change.on().isAfter(asAt)) {
                continue;
            }
            if (change.allocated() && gapFrom != null) {
                closedDays += ChronoUnit.DAYS.between(gapFrom, change.on());
                gapFrom = null;
            } else if (!change.allocated() && gapFrom == null) {
                gapFrom = change.on();
            }
        }
        if (gapFrom != null) {
            long days = ChronoUnit.DAYS.between(gapFrom, asAt) + 1;
            signals.add(new DriftSignal("no-social-worker", "No allocated social worker since "
                    + Dates.spoken(gapFrom) + " (" + days + " day" + (days == 1 ? "" : "s") + ")"));
        }
        if (closedDays > 0) {
            signals.add(new DriftSignal("social-worker-gaps", "Without an allocated social worker for " + closedDays
                    + " day" + (closedDays == 1 ? "" : "s") + " earlier in this period of care"));
        }
    }
}
