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
 *   <li>Reg 28(4), a child living with a parent (SSDA903 placement {@code P1}) under an interim care order
 *       ({@code C1}): at least once a week until the first review of the period is held, then at intervals of not
 *       more than four weeks.</li>
 *   <li>Reg 28(5), a child living with a parent ({@code P1}) under a full care order ({@code C2}): within one
 *       week of the making of the care order (the day the legal status became {@code C2} while at home), then
 *       at intervals of not more than six weeks, with no three-monthly relaxation.</li>
 *   <li>A change of legal status that brings either case about starts a week (or keeps the sooner date already
 *       due), as a placement does; the interval after each visit follows the legal status and placement in force
 *       on the day of the visit. A move is always visited within a week (reg 28(2)(a)), the stricter reading where
 *       paragraphs (4) and (5) are silent about moves.</li>
 * </ul>
 * Reg 28(3) (a child placed with a parent before assessment under reg 19), the rest of (4) (a connected person
 * approved temporarily under reg 24) and (6) (living arrangements another person is responsible for) turn on
 * facts this record does not hold; they are not derived. Once a period of care has ended, a visit never made in it
 * is no longer an open item.
 *
 * <p>The clocks and signals of a period run once its social work is recorded ({@link SocialWorkRecord#recordedFor}):
 * periods recorded before social work could be are silent about it, and are not all shown as visits missed.
 */
public final class SocialWorkClocks {

    /** The kind of every visit clock. */
    public static final String KIND = "social-worker-visit";

    private SocialWorkClocks() {
    }

    private enum StepKind { PLACEMENT, SHORT_BREAKS_ENDED, LEGAL_STATUS, VISIT }

    /** Which paragraph of reg 28 sets the intervals on a day (short breaks aside). */
    private enum Regime { PLACEMENT, INTERIM_ORDER_AT_HOME, CARE_ORDER_AT_HOME }

    /** The SSDA903 placement type of a child placed with their own parent or another person with parental responsibility. */
    private static final String WITH_PARENT = "P1";

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
                clocks.addAll(period(care, period, work, calendar, asAt));
            }
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    private static List<StatutoryClock> period(LookedAfterRecord care, LookedAfterRecord.Period period,
            SocialWorkRecord work, WorkingDayCalendar calendar, LocalDate asAt) {
        boolean open = period.endedOn() == null || period.endedOn().isAfter(asAt);
        LocalDate last = open ? asAt : period.endedOn();
        LocalDate start = period.startedOn();
        boolean shortBreaks = period.startLegalStatus().isShortBreak();

        List<Step> steps = new ArrayList<>();
        period.changes().stream().filter(c -> !c.legalStatus() && !c.changedOn().isAfter(last))
                .forEach(c -> steps.add(new Step(c.changedOn(), StepKind.PLACEMENT)));
        period.changes().stream().filter(c -> c.legalStatus() && !c.changedOn().isAfter(last))
                .forEach(c -> steps.add(new Step(c.changedOn(), StepKind.LEGAL_STATUS)));
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
                case LEGAL_STATUS -> {
                    Regime regime = regime(period, step.on());
                    if (shortBreaks || regime == Regime.PLACEMENT || step.on().equals(start)) {
                        continue;
                    }
                    DueDate week = inWeeks(step.on(), 1);
                    String standard = regime == Regime.CARE_ORDER_AT_HOME
                            ? "Within one week of the making of the care order while living at home, on "
                                    + Dates.spoken(step.on()) + " (reg 28(5)(a))"
                            : "At least once a week while living at home under an interim care order, from "
                                    + Dates.spoken(step.on()) + " (reg 28(4)(a))";
                    if (current.due().date().isAfter(week.date())) {
                        clocks.add(current.closed());
                        current = new Waiting("Social worker's visit", standard, step.on(), week);
                    }
                }
                case VISIT -> {
                    clocks.add(current.met(step.on()));
                    overdueAtMove.forEach(w -> clocks.add(w.met(step.on())));
                    overdueAtMove.clear();
                    Regime regime = shortBreaks ? Regime.PLACEMENT : regime(period, step.on());
                    boolean reviewed = care.reviews().stream().anyMatch(r -> r.periodId().equals(period.periodId())
                            && !r.heldOn().isAfter(step.on()));
                    current = regime == Regime.PLACEMENT
                            ? next(step.on(), shortBreaks, firstYearFrom,
                                    work.intendedUntilEighteen(period.periodId(), placementStartedOn, step.on()),
                                    calendar)
                            : atHome(step.on(), regime, reviewed);
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

    /** Reg 28(4) or (5): the clock a visit on {@code visited} starts for a child living at home under an order. */
    private static Waiting atHome(LocalDate visited, Regime regime, boolean reviewed) {
        if (regime == Regime.CARE_ORDER_AT_HOME) {
            return new Waiting("Social worker's visit", "At most 6 weeks after the previous visit, living at home "
                    + "under a care order (reg 28(5)(b))", visited, inWeeks(visited, 6));
        }
        return reviewed
                ? new Waiting("Social worker's visit", "At most 4 weeks after the previous visit, living at home "
                        + "under an interim care order since the first review (reg 28(4)(b))", visited,
                        inWeeks(visited, 4))
                : new Waiting("Social worker's visit", "At least once a week, living at home under an interim care "
                        + "order until the first review (reg 28(4)(a))", visited, inWeeks(visited, 1));
    }

    /** The paragraph of reg 28 in force on {@code day}, from the legal status and placement then. */
    private static Regime regime(LookedAfterRecord.Period period, LocalDate day) {
        if (!WITH_PARENT.equals(placementOn(period, day))) {
            return Regime.PLACEMENT;
        }
        LegalStatus status = statusOn(period, day);
        return status == LegalStatus.C1 ? Regime.INTERIM_ORDER_AT_HOME
                : status == LegalStatus.C2 ? Regime.CARE_ORDER_AT_HOME : Regime.PLACEMENT;
    }

    private static LegalStatus statusOn(LookedAfterRecord.Period period, LocalDate day) {
        return period.changes().stream().filter(c -> c.legalStatus() && !c.changedOn().isAfter(day))
                .max(Comparator.comparing(LookedAfterRecord.Change::changedOn))
                .map(c -> LegalStatus.valueOf(c.to())).orElse(period.startLegalStatus());
    }

    /**
     * The placement on {@code day}: that of the latest move by then, else the one the period started in (the
     * first move's "from", or the current placement when there has been no move).
     */
    private static String placementOn(LookedAfterRecord.Period period, LocalDate day) {
        List<LookedAfterRecord.Change> moves = period.changes().stream().filter(c -> !c.legalStatus())
                .sorted(Comparator.comparing(LookedAfterRecord.Change::changedOn)).toList();
        String placement = moves.isEmpty() ? period.placement() : moves.get(0).from();
        for (LookedAfterRecord.Change move : moves) {
            if (!move.changedOn().isAfter(day)) {
                placement = move.to();
            }
        }
        return placement;
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
        for (StatutoryClock clock : period(care, period, work, calendar, asAt)) {
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
