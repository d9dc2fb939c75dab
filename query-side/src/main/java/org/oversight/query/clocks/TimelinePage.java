package org.oversight.query.clocks;

import java.time.Clock;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.LocalDate;
import java.util.List;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.escalations.EscalationQueries;
import org.oversight.query.escalations.EscalationStep;
import org.oversight.query.escalations.EscalationSummary;
import org.oversight.query.web.DateBoxes;
import org.oversight.query.web.NotFound;
import org.oversight.query.web.ReadBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A child's drift-detection timeline: every statutory clock with its start, due date, what happened and where
 * it stands, the drift signals, and every step of the escalations about the child — as at today or any past
 * date.
 */
@Access(Operation.READ_CHILD)
@Controller
public class TimelinePage {

    private final Children children;
    private final ChildClocks clocks;
    private final EscalationQueries escalations;
    private final StatutoryCalendar calendar;
    private final Clock clock;
    private final DriftPictures pictures;

    public TimelinePage(Children children, ChildClocks clocks, EscalationQueries escalations,
            StatutoryCalendar calendar, Clock clock, DriftPictures pictures) {
        this.children = children;
        this.clocks = clocks;
        this.escalations = escalations;
        this.calendar = calendar;
        this.clock = clock;
        this.pictures = pictures;
    }

    /** One clock as the timeline shows it on the day asked about. */
    public record Entry(StatutoryClock clock, StatutoryClock.Status status, int workingDaysLate, int workingDaysLeft) {
    }

    /** An escalation about the child and the steps it had taken by the day asked about. */
    public record EscalationHistory(EscalationSummary escalation, List<EscalationStep> steps) {
    }

    public record Timeline(LocalDate asAt, List<Entry> clocks, List<DriftSignal> signals,
            List<EscalationHistory> escalations) {
    }

    @ReadAs(ReadLog.How.TIMELINE)
    @GetMapping("/children/{childId}/timeline")
    String page(Person reader, @PathVariable String childId, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock);
        // the day boxes (or asAt=yyyy-mm-dd): an impossible day is shown as the field's problem, answered 400
        DateBoxes.Typed typed = DateBoxes.read(request::getParameter, "asAt", "The date to view as at",
                ReadBounds.EARLIEST_AS_AT, today.plusYears(ReadBounds.AS_AT_YEARS_AHEAD));
        LocalDate asAt = typed.date();
        if (typed.refused()) {
            response.setStatus(400);
        }
        model.addAttribute("asAtForm", typed.refused() || asAt != null ? typed.form()
                : DateBoxes.showing("asAt", today));
        Timeline timeline = timeline(reader, childId, asAt == null || asAt.isAfter(today) ? today : asAt);
        model.addAttribute("child", child);
        model.addAttribute("timeline", timeline);
        model.addAttribute("today", today);
        model.addAttribute("picture", pictures.picture(childId, timeline.clocks(), timeline.asAt()));
        return "timeline";
    }

    @ReadAs(ReadLog.How.TIMELINE_JSON)
    @GetMapping("/api/children/{childId}/timeline")
    @ResponseBody
    Timeline api(Person reader, @PathVariable String childId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        children.child(childId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock);
        return timeline(reader, childId, asAt == null ? today : ReadBounds.asAt(asAt, today, "asAt"));
    }

    /** The escalations listed are those the reader may see: none naming a brother or sister kept from them. */
    private Timeline timeline(Person reader, String childId, LocalDate asAt) {
        WorkingDayCalendar days = calendar.current();
        ChildClocks.Derived derived = clocks.derive(childId, asAt).orElseThrow(NotFound::new);
        List<Entry> entries = derived.clocks().stream()
                .map(c -> new Entry(c, c.statusOn(asAt, days), c.workingDaysLate(asAt, days),
                        c.workingDaysLeft(asAt, days)))
                .toList();
        List<DriftSignal> signals = derived.signals();
        List<EscalationHistory> history = escalations.ofChild(childId, Scope.listsFor(reader)).stream()
                .filter(e -> !e.raisedOn().isAfter(asAt))
                .map(e -> new EscalationHistory(e, escalations.record(e.escalationId())
                        .map(r -> r.steps().stream().filter(step -> !step.on().isAfter(asAt)).toList())
                        .orElse(List.of())))
                .toList();
        return new Timeline(asAt, entries, signals, history);
    }
}
