package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.query.clocks.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;

/**
 * A looked-after child's review clocks and drift signals as they stood on a given day (facts dated after it
 * are ignored), per the Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
 * the first review within 20 working days of the day the child became looked after, the second within 3 months
 * of the first, later ones within 6 months of the previous review. Each due date runs from the review actually
 * held. A period made up only of short breaks (legal status V3 or V4) carries no reviews (SSDA903 rule 399).
 * Care plan actions run to their agreed due dates.
 */
public final class LookedAfterClocks {

    private LookedAfterClocks() {
    }

    public static List<StatutoryClock> clocks(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (LookedAfterRecord.Period period : record.periods()) {
            if (period.startedOn().isAfter(asAt) || shortBreaksOnly(period, asAt)) {
                continue;
            }
            List<LocalDate> reviews = record.reviews().stream()
                    .filter(r -> period.periodId().equals(r.periodId()) && !r.heldOn().isAfter(asAt))
                    .map(LookedAfterRecord.Review::heldOn).sorted().toList();
            LocalDate previous = period.startedOn();
            for (int i = 0; i <= reviews.size(); i++) {
                LocalDate held = i < reviews.size() ? reviews.get(i) : null;
                boolean openOnDay = period.endedOn() == null || period.endedOn().isAfter(asAt);
                if (held == null && !openOnDay) {
                    break;
                }
                clocks.add(reviewClock(calendar, i, previous, held));
                previous = held;
            }
        }
        for (LookedAfterRecord.Action action : record.actions()) {
            if (action.agreedOn().isAfter(asAt)) {
                continue;
            }
            LocalDate closed = action.closedOn() != null && !action.closedOn().isAfter(asAt) ? action.closedOn() : null;
            boolean cancelled = closed != null && action.status() == LookedAfterRecord.ActionStatus.CANCELLED;
            clocks.add(new StatutoryClock("Care plan action: " + action.action(), "Due by the date agreed at the review",
                    action.agreedOn(), new org.oversight.query.clocks.calendar.DueDate(action.dueOn(), false),
                    cancelled ? null : closed, cancelled));
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    public static List<DriftSignal> signals(LookedAfterRecord record, WorkingDayCalendar calendar, LocalDate asAt) {
        List<DriftSignal> signals = new ArrayList<>();
        long overdueActions = 0;
        for (StatutoryClock clock : clocks(record, calendar, asAt)) {
            StatutoryClock.Status status = clock.statusOn(asAt, calendar);
            boolean action = clock.name().startsWith("Care plan action");
            if (action && status == StatutoryClock.Status.OVERDUE) {
                overdueActions++;
            } else if (!action && (status == StatutoryClock.Status.OVERDUE || status == StatutoryClock.Status.HAPPENED_LATE)) {
                signals.add(new DriftSignal("out-of-timescale", clock.name() + " out of timescale: due by "
                        + Dates.spoken(clock.due().date())));
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
        if (record.iroChangesInCurrentPeriod() > 0) {
            signals.add(new DriftSignal("iro-changes", record.iroChangesInCurrentPeriod() + " change"
                    + (record.iroChangesInCurrentPeriod() == 1 ? "" : "s") + " of IRO in this period of care"));
        }
        return signals;
    }

    private static StatutoryClock reviewClock(WorkingDayCalendar calendar, int index, LocalDate previous,
            LocalDate held) {
        return switch (index) {
            case 0 -> new StatutoryClock("First looked-after review",
                    "Within 20 working days of becoming looked after (reg 33(1))", previous,
                    calendar.dueWithinWorkingDays(previous, 20), held, false);
            case 1 -> new StatutoryClock("Second looked-after review",
                    "Within 3 months of the first review (reg 33(2))", previous,
                    calendar.dueWithinMonths(previous, 3), held, false);
            default -> new StatutoryClock("Looked-after review",
                    "Within 6 months of the previous review (reg 33(2))", previous,
                    calendar.dueWithinMonths(previous, 6), held, false);
        };
    }

    private static boolean shortBreaksOnly(LookedAfterRecord.Period period, LocalDate asAt) {
        Stream<LegalStatus> statuses = Stream.concat(Stream.of(period.startLegalStatus()),
                period.changes().stream().filter(c -> c.legalStatus() && !c.changedOn().isAfter(asAt))
                        .map(c -> LegalStatus.valueOf(c.to())));
        return statuses.allMatch(LegalStatus::isShortBreak);
    }
}
