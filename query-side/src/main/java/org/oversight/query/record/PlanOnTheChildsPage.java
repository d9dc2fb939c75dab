package org.oversight.query.record;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.PlanBetweenConferencesClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protectionplan.PlanBetweenConferencesQueries;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives the child's page the plan between conferences: its record, and its clocks on today's date beside the
 * conference clocks. Model attributes are read before the page's handler waits for a decision just recorded, so
 * this waits for it too.
 */
@ControllerAdvice(assignableTypes = ChildPage.class)
public class PlanOnTheChildsPage {

    private static final String CHILDS_PAGE = "/children/{childId}";
    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final PlanBetweenConferencesQueries queries;
    private final ProtectionQueries protection;
    private final ProjectionPositions positions;
    private final StatutoryCalendar calendar;
    private final Clock clock;

    public PlanOnTheChildsPage(PlanBetweenConferencesQueries queries, ProtectionQueries protection,
            ProjectionPositions positions, StatutoryCalendar calendar, Clock clock) {
        this.queries = queries;
        this.protection = protection;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What the page shows: the record, today's date, and the open clocks with their status, earliest first. */
    public record PlanView(PlanBetweenConferencesRecord record, LocalDate today, List<ClockLine> clocks) {
    }

    public record ClockLine(String name, String standard, LocalDate due, String status, boolean urgent) {
    }

    @ModelAttribute("planBetween")
    PlanView planBetween(HttpServletRequest request) {
        if (!CHILDS_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String childId = variables.get("childId");
        positions.awaitParameter(request.getParameter("awaiting"), READ_YOUR_WRITE);
        LocalDate today = LocalDate.now(clock);
        WorkingDayCalendar days = calendar.current();
        ProtectionRecord record = protection.record(childId);
        PlanBetweenConferencesRecord between = queries.record(childId);
        List<ClockLine> open = PlanBetweenConferencesClocks.clocks(record, between, days, today).stream()
                .filter(c -> c.statusOn(today, days).open())
                .map(c -> {
                    StatutoryClock.Status status = c.statusOn(today, days);
                    return new ClockLine(c.name(), c.standard(), c.due().date(), status.label(), status.urgent());
                }).toList();
        return new PlanView(between, today, open);
    }
}
