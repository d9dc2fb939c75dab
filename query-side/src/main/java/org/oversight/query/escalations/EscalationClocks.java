package org.oversight.query.escalations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.oversight.query.clocks.calendar.StatutoryCalendar;
import org.oversight.query.clocks.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** Assesses escalations against their clocks ({@link Timeliness}) as at today, by the statutory calendar. */
@Component
public class EscalationClocks {

    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final EscalationSettings settings;

    public EscalationClocks(StatutoryCalendar calendar, Clock clock, EscalationSettings settings) {
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public AssessedEscalation assess(EscalationSummary escalation) {
        return assess(List.of(escalation)).get(0);
    }

    public List<AssessedEscalation> assess(List<EscalationSummary> escalations) {
        WorkingDayCalendar days = calendar.current();
        LocalDate today = today();
        return escalations.stream()
                .map(e -> new AssessedEscalation(e, Timeliness.of(e, days, today, settings.responseWorkingDays())))
                .toList();
    }
}
