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
import org.oversight.query.child.Children;
import org.oversight.query.protectionplan.CoreGroupTimescales;
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

    private final Children children;

    public PlanOnTheChildsPage(PlanBetweenConferencesQueries queries, ProtectionQueries protection,
            ProjectionPositions positions, StatutoryCalendar calendar, Clock clock, Children children) {
        this.children = children;
        this.queries = queries;
        this.protection = protection;
        this.positions = positions;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * What the page shows: the record, today's date, the open clocks with their status, earliest first, how each
     * core group meeting met its clock (by the day it was held), and the date the authority's core groups are
     * recorded from when one of the child's plans started before it (its earlier core groups are not held here).
     */
    public record PlanView(PlanBetweenConferencesRecord record, LocalDate today, List<ClockLine> clocks,
            Map<LocalDate, String> coreGroupTimeliness, LocalDate coreGroupsRecordedFrom) {

        /** Whether there is anything of the plan between conferences to show. */
        public boolean shown() {
            return !record.empty() || !clocks.isEmpty() || coreGroupsRecordedFrom != null;
        }
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
        CoreGroupTimescales settings = children.child(childId)
                .map(child -> queries.coreGroupTimescales(child.localAuthority()))
                .orElse(CoreGroupTimescales.defaults());
        List<StatutoryClock> all = PlanBetweenConferencesClocks.clocks(record, between, days, today, settings);
        Map<LocalDate, String> timeliness = new java.util.HashMap<>();
        all.stream().filter(c -> c.kind().equals("core-group") && c.metOn() != null)
                .forEach(c -> timeliness.put(c.metOn(), c.statusOn(today, days).label()));
        LocalDate recordedFrom = record.plans().stream().anyMatch(p -> !settings.heldHere(p.startDate()))
                ? settings.recordedFrom() : null;
        List<ClockLine> open = all.stream()
                .filter(c -> c.statusOn(today, days).open())
                .map(c -> {
                    StatutoryClock.Status status = c.statusOn(today, days);
                    return new ClockLine(c.name(), c.standard(), c.due().date(), status.label(), status.urgent());
                }).toList();
        return new PlanView(between, today, open, timeliness, recordedFrom);
    }
}
