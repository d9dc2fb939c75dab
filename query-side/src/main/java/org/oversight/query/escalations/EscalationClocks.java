package org.oversight.query.escalations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.policy.PolicyQueries;
import org.springframework.stereotype.Component;

/**
 * Assesses escalations against their clocks ({@link Timeliness}) as at today, by the statutory calendar and
 * each local authority's response time for the level, as in force on the day the escalation reached it.
 */
@Component
public class EscalationClocks {

    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final PolicyQueries policies;

    public EscalationClocks(StatutoryCalendar calendar, Clock clock, PolicyQueries policies) {
        this.calendar = calendar;
        this.clock = clock;
        this.policies = policies;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The working-day calendar the clocks are assessed by. */
    WorkingDayCalendar calendar() {
        return calendar.current();
    }

    public AssessedEscalation assess(EscalationSummary escalation) {
        return assess(List.of(escalation)).get(0);
    }

    public List<AssessedEscalation> assess(List<EscalationSummary> escalations) {
        WorkingDayCalendar days = calendar.current();
        LocalDate today = today();
        Map<String, PolicyHistory> byAuthority = new HashMap<>();
        return escalations.stream()
                .map(e -> new AssessedEscalation(e, Timeliness.of(e, days, today,
                        responseWorkingDays(e, byAuthority.computeIfAbsent(e.localAuthority(), policies::history)))))
                .toList();
    }

    /** The working days the escalation's current level has to respond; irrelevant (the default) while informal. */
    static int responseWorkingDays(EscalationSummary escalation, PolicyHistory policy) {
        EscalationProgress progress = escalation.progress();
        return progress.level() == null ? org.oversight.events.policy.PolicySettings.DEFAULT_ESCALATION_RESPONSE_WORKING_DAYS
                : policy.on(progress.levelReachedOn()).escalationResponseWorkingDays(progress.level());
    }
}
