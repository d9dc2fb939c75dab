package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.springframework.stereotype.Component;

/**
 * Draws a child's clocks as at a day ({@link DriftPicture}), with the periods of care and child protection plans
 * as they were known on that day: one begun later is left out, one ended later is drawn as still running.
 */
@Component
public class DriftPictures {

    private final ChildClocks clocks;
    private final ProtectionQueries protection;
    private final LookedAfterQueries lookedAfter;
    private final StatutoryCalendar calendar;

    public DriftPictures(ChildClocks clocks, ProtectionQueries protection, LookedAfterQueries lookedAfter,
            StatutoryCalendar calendar) {
        this.clocks = clocks;
        this.protection = protection;
        this.lookedAfter = lookedAfter;
        this.calendar = calendar;
    }

    /** The timeline's picture, from the clocks the timeline already worked out for {@code asAt}. */
    public DriftPicture picture(String childId, List<TimelinePage.Entry> entries, LocalDate asAt) {
        List<DriftPicture.Bar> bars = entries.stream().map(e -> new DriftPicture.Bar(e.clock(), e.status())).toList();
        return DriftPicture.of(bars, bands(childId, asAt), asAt);
    }

    /** A team view's row for one child, over the window every row shares. */
    public DriftPicture small(ChildSummary child, LocalDate asAt, LocalDate first, LocalDate last, String idPrefix) {
        WorkingDayCalendar days = calendar.current();
        List<DriftPicture.Bar> bars = clocks.derive(child, asAt).clocks().stream()
                .map(c -> new DriftPicture.Bar(c, c.statusOn(asAt, days))).toList();
        return DriftPicture.small(bars, bands(child.childId(), asAt), asAt, first, last, idPrefix);
    }

    List<DriftPicture.Band> bands(String childId, LocalDate asAt) {
        List<DriftPicture.Band> bands = new ArrayList<>();
        LookedAfterRecord care = lookedAfter.record(childId);
        for (LookedAfterRecord.Period period : care.periods()) {
            if (!period.startedOn().isAfter(asAt)) {
                bands.add(new DriftPicture.Band("care", "Period of care", period.startedOn(),
                        endedBy(period.endedOn(), asAt)));
            }
        }
        ProtectionRecord record = protection.record(childId);
        for (ProtectionRecord.Plan plan : record.plans()) {
            if (!plan.startDate().isAfter(asAt)) {
                bands.add(new DriftPicture.Band("plan", "Child protection plan", plan.startDate(),
                        endedBy(plan.endDate(), asAt)));
            }
        }
        bands.sort(java.util.Comparator.comparing(DriftPicture.Band::from));
        return bands;
    }

    private static LocalDate endedBy(LocalDate ended, LocalDate asAt) {
        return ended == null || ended.isAfter(asAt) ? null : ended;
    }
}
