package org.oversight.query.history;

import org.oversight.query.conferencepapers.ConferencePaperQueries;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.query.audit.ChainVerifier;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.policy.PolicyQueries;
import org.oversight.query.web.NotFound;
import org.oversight.query.web.ReadBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A child's whole decision history for auditors, read straight from the event store: the page, its JSON, a JSON
 * download and a printable page, and the child's state as at any past day in two views. Every one of these
 * reads is recorded in the read log, with the reader's reason if they gave one. Nothing here changes the record.
 */
@Access(Operation.READ_CHILD)
@Controller
public class HistoryPages {

    private final EventStoreHistory store;
    private final PlainWords words;
    private final ChainVerifier verifier;
    private final StatutoryCalendar calendar;
    private final AsAtReconstruction asAt;
    private final PolicyQueries policies;
    private final Clock clock;

    public HistoryPages(EventStoreHistory store, PlainWords words, ChainVerifier verifier,
            StatutoryCalendar calendar, StaffDirectory directory, EscalationPolicy vocabulary,
            PolicyQueries policies, Clock clock, ConferencePaperQueries conferencePapers,
            org.oversight.query.protectionplan.PlanBetweenConferencesQueries planBetweenConferences) {
        this.policies = policies;
        this.store = store;
        this.words = words;
        this.verifier = verifier;
        this.calendar = calendar;
        this.asAt = new AsAtReconstruction(directory, vocabulary, conferencePapers::timescales,
                planBetweenConferences::coreGroupTimescales);
        this.clock = clock;
    }

    /** What a download holds: the history, when and by whom it was exported, and the integrity check then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Export(Instant exportedAt, String exportedBy, ChainVerifier.Verification verification,
            ChildHistory history) {
    }

    /** Both views of the child's state on a day. */
    public record AsAt(String childId, ChildState factsOn, ChildState recordedAt) {
    }

    @ReadAs(ReadLog.How.PAGE)
    @GetMapping("/children/{childId}/history")
    String page(@PathVariable String childId, @RequestParam(required = false) String purpose, Model model) {
        ChildHistory history = history(childId);
        model.addAttribute("history", history);
        model.addAttribute("today", LocalDate.now(clock.withZone(HistoryEntry.ENGLAND)));
        model.addAttribute("onForm", org.oversight.query.web.DateBoxes.showing("on",
                LocalDate.now(clock.withZone(HistoryEntry.ENGLAND))));
        model.addAttribute("purpose", purpose);
        return "history/history";
    }

    @ReadAs(ReadLog.How.JSON)
    @GetMapping("/api/children/{childId}/history")
    @ResponseBody
    ChildHistory api(@PathVariable String childId, @RequestParam(required = false) String purpose) {
        ChildHistory history = history(childId);
        return history;
    }

    @ReadAs(ReadLog.How.EXPORT_JSON)
    @GetMapping("/children/{childId}/history/export.json")
    ResponseEntity<Export> download(@PathVariable String childId, @RequestParam(required = false) String purpose) {
        ChildHistory history = history(childId);
        Export export = new Export(clock.instant(), SecurityContextHolder.getContext().getAuthentication().getName(),
                verifier.verifyChild(childId), history);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"history-" + childId + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export);
    }

    @ReadAs(ReadLog.How.PRINT)
    @GetMapping("/children/{childId}/history/print")
    String print(@PathVariable String childId, @RequestParam(required = false) String purpose, Model model) {
        ChildHistory history = history(childId);
        model.addAttribute("history", history);
        model.addAttribute("verification", verifier.verifyChild(childId));
        model.addAttribute("printedAt", java.time.LocalDateTime.ofInstant(clock.instant(), HistoryEntry.ENGLAND));
        model.addAttribute("printedBy", SecurityContextHolder.getContext().getAuthentication().getName());
        return "history/print";
    }

    /**
     * @param on the day to see the child's state on; today when absent
     * @param at the time on that day up to which recorded events count for the "as recorded" view; the end of the
     *           day when absent
     */
    @ReadAs(ReadLog.How.AS_AT)
    @GetMapping("/children/{childId}/history/as-at")
    String asAtPage(@PathVariable String childId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime at,
            @RequestParam(required = false) String purpose, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        List<RecordedEvent> events = events(childId);
        LocalDate today = LocalDate.now(clock.withZone(HistoryEntry.ENGLAND));
        // the day boxes (or on=yyyy-mm-dd): an impossible day is shown as the field's problem, answered 400
        org.oversight.query.web.DateBoxes.Typed typed = org.oversight.query.web.DateBoxes.read(request::getParameter,
                "on", "The date to view as at", ReadBounds.EARLIEST_AS_AT,
                today.plusYears(ReadBounds.AS_AT_YEARS_AHEAD));
        if (typed.refused()) {
            response.setStatus(400);
        }
        LocalDate on = typed.date();
        AsAt views = asAt(childId, events, on, at);
        model.addAttribute("onForm", typed.refused() ? typed.form()
                : org.oversight.query.web.DateBoxes.showing("on", views.factsOn().day()));
        model.addAttribute("history", ChildHistory.of(childId, events, words));
        model.addAttribute("views", views);
        model.addAttribute("today", LocalDate.now(clock.withZone(HistoryEntry.ENGLAND)));
        model.addAttribute("at", at);
        model.addAttribute("purpose", purpose);
        return "history/as-at";
    }

    @ReadAs(ReadLog.How.AS_AT)
    @GetMapping("/api/children/{childId}/as-at")
    @ResponseBody
    AsAt asAtApi(@PathVariable String childId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime at,
            @RequestParam(required = false) String purpose) {
        List<RecordedEvent> events = events(childId);
        return asAt(childId, events, on, at);
    }

    private AsAt asAt(String childId, List<RecordedEvent> events, LocalDate on, LocalTime at) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, HistoryEntry.ENGLAND);
        ReadBounds.asAt(on, today, "on");
        LocalDate day = on == null || on.isAfter(today) ? today : on;
        Instant moment = day.atTime(at == null ? LocalTime.MAX : at).atZone(HistoryEntry.ENGLAND).toInstant();
        if (moment.isAfter(now)) {
            moment = now;
        }
        var days = calendar.current();
        String localAuthority = events.stream().map(RecordedEvent::payload)
                .filter(ChildRegistered.class::isInstance).map(p -> ((ChildRegistered) p).localAuthority())
                .findFirst().orElse(null);
        PolicyHistory policy = localAuthority == null ? PolicyHistory.defaults(null)
                : policies.history(localAuthority);
        return new AsAt(childId, asAt.factsOn(events, day, now, days, policy),
                asAt.recordedAt(events, moment, days, policy));
    }

    private List<RecordedEvent> events(String childId) {
        List<RecordedEvent> events = store.eventsOf(childId);
        if (events.isEmpty()) {
            throw new NotFound();
        }
        return events;
    }

    private ChildHistory history(String childId) {
        return ChildHistory.of(childId, events(childId), words);
    }
}
