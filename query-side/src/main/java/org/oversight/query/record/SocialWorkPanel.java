package org.oversight.query.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.SocialWorkClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.socialwork.SocialWorkQueries;
import org.oversight.query.socialwork.SocialWorkRecord;
import org.springframework.stereotype.Component;

/**
 * The social work part of the child's page ({@code socialwork/fragments :: section}), read by the fragment
 * itself so that the page's controller need not know of it: who is allocated, the visits, and where the next
 * visit stands on its clock.
 */
@Component
public class SocialWorkPanel {

    private final LookedAfterQueries lookedAfter;
    private final SocialWorkQueries socialWork;
    private final StatutoryCalendar calendar;
    private final Clock clock;

    public SocialWorkPanel(LookedAfterQueries lookedAfter, SocialWorkQueries socialWork, StatutoryCalendar calendar,
            Clock clock) {
        this.lookedAfter = lookedAfter;
        this.socialWork = socialWork;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * @param allocated  the allocation in force today, if any
     * @param visits     newest first
     * @param nextVisit  the visit clock still open today, if one runs
     * @param nextStatus where it stands today, in words
     */
    public record View(SocialWorkRecord.Allocation allocated, List<SocialWorkRecord.Visit> visits,
            StatutoryClock nextVisit, String nextStatus, boolean urgent) {
    }

    public View of(String childId) {
        LocalDate today = LocalDate.now(clock);
        LookedAfterRecord care = lookedAfter.record(childId);
        SocialWorkRecord work = socialWork.record(childId);
        WorkingDayCalendar days = calendar.current();
        Optional<StatutoryClock> next = SocialWorkClocks.clocks(care, work, days, today).stream()
                .filter(c -> c.statusOn(today, days).open()).min(Comparator.comparing(c -> c.due().date()));
        StatutoryClock.Status status = next.map(c -> c.statusOn(today, days)).orElse(null);
        return new View(work.allocatedOn(today).orElse(null), work.visitsNewestFirst(), next.orElse(null),
                status == null ? null : status.label(), status != null && status.urgent());
    }
}
