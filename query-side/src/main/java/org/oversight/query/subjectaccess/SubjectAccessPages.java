package org.oversight.query.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.calendar.England;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.documents.Document;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.history.EventStoreHistory;
import org.oversight.query.history.PlainWords;
import org.oversight.query.history.RecordedEvent;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Subject access requests about a child's record, for the data officers who answer them (and the auditors who
 * check them): the requests and their due dates, each request's page, the review of other people's information
 * before the copy is prepared, and the copy itself as JSON and as an accessible PDF. Everything is read from the
 * child's events in the store, as the auditor's history is; the decisions are posted to the command side.
 */
@Controller
public class SubjectAccessPages {

    private static final String PDF_TEMPLATE = "documents/subject-access-copy";

    private final EventStoreHistory store;
    private final PlainWords words;
    private final WhoseInformation whose;
    private final StatutoryCalendar calendar;
    private final TaggedPdf pdf;
    private final Clock clock;

    public SubjectAccessPages(EventStoreHistory store, PlainWords words, WhoseInformation whose,
            StatutoryCalendar calendar, TaggedPdf pdf, Clock clock) {
        this.store = store;
        this.words = words;
        this.whose = whose;
        this.calendar = calendar;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Access(Operation.READ_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/children/{childId}/subject-access")
    String requests(@PathVariable String childId, Model model) {
        List<RecordedEvent> events = events(childId);
        model.addAttribute("childId", childId);
        model.addAttribute("childName", childName(childId, events));
        model.addAttribute("requests", RequestView.of(events, calendar.current()));
        model.addAttribute("today", today());
        model.addAttribute("relationships", relationships());
        model.addAttribute("f", FormState.of(model.asMap()));
        return "subjectaccess/requests";
    }

    @Access(Operation.READ_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/api/children/{childId}/subject-access")
    @ResponseBody
    List<RequestView> requestsApi(@PathVariable String childId) {
        return RequestView.of(events(childId), calendar.current());
    }

    @Access(Operation.READ_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/children/{childId}/subject-access/{requestId}")
    String request(@PathVariable String childId, @PathVariable String requestId, Model model) {
        List<RecordedEvent> events = events(childId);
        model.addAttribute("childId", childId);
        model.addAttribute("childName", childName(childId, events));
        model.addAttribute("request", request(events, requestId));
        model.addAttribute("today", today());
        model.addAttribute("f", FormState.of(model.asMap()));
        return "subjectaccess/request";
    }

    /** The review before the copy is prepared: every piece of other people's information, with its default. */
    @Access(Operation.RECORD_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/children/{childId}/subject-access/{requestId}/review")
    String review(@PathVariable String childId, @PathVariable String requestId, Model model) {
        List<RecordedEvent> events = events(childId);
        RequestView request = request(events, requestId);
        SubjectAccessCopy draft = draft(childId, events, request);
        model.addAttribute("childId", childId);
        model.addAttribute("childName", draft.childName());
        model.addAttribute("request", request);
        model.addAttribute("copy", draft);
        LocalDate today = today();
        model.addAttribute("today", today);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of(
                "preparedOn-day", List.of(String.valueOf(today.getDayOfMonth())),
                "preparedOn-month", List.of(String.valueOf(today.getMonthValue())),
                "preparedOn-year", List.of(String.valueOf(today.getYear())))));
        return "subjectaccess/review";
    }

    /** The copy as prepared; before it is prepared, the draft the review shows (marked as not prepared). */
    @Access(Operation.READ_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/api/children/{childId}/subject-access/{requestId}/copy")
    @ResponseBody
    SubjectAccessCopy copyApi(@PathVariable String childId, @PathVariable String requestId) {
        List<RecordedEvent> events = events(childId);
        RequestView request = request(events, requestId);
        return request.preparation() == null ? draft(childId, events, request) : prepared(childId, events, request);
    }

    /** The prepared copy as the requester receives it: an accessible PDF with other people's information withheld. */
    @Access(Operation.READ_SUBJECT_ACCESS)
    @ReadAs(ReadLog.How.SUBJECT_ACCESS)
    @GetMapping("/children/{childId}/subject-access/{requestId}/copy.pdf")
    ResponseEntity<byte[]> copyPdf(@PathVariable String childId, @PathVariable String requestId) {
        List<RecordedEvent> events = events(childId);
        RequestView request = request(events, requestId);
        if (request.preparation() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The copy has not been prepared: review what is withheld and prepare it first");
        }
        SubjectAccessCopy copy = prepared(childId, events, request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("copy", copy);
        model.put("receivedOn", day(request.receivedOn()));
        model.put("preparedOn", day(request.preparation().preparedOn()));
        model.put("authority", "Oversight");
        String title = "A copy of the record about " + (copy.childName() == null ? "a child" : copy.childName());
        byte[] document = pdf.render(Document.of(PDF_TEMPLATE, model, title));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subject-access-copy-" + requestId + ".pdf").build().toString())
                .body(document);
    }

    private SubjectAccessCopy draft(String childId, List<RecordedEvent> events, RequestView request) {
        long through = events.stream().mapToLong(RecordedEvent::globalIndex).max().orElse(0);
        Map<String, ReviewedItem> earlier = request.preparation() == null ? Map.of()
                : request.preparation().byKey();
        return SubjectAccessCopy.of(childId, events, request, false, through, earlier, words, whose);
    }

    private SubjectAccessCopy prepared(String childId, List<RecordedEvent> events, RequestView request) {
        RequestView.Preparation preparation = request.preparation();
        return SubjectAccessCopy.of(childId, events, request, true, preparation.historyThrough(),
                preparation.byKey(), words, whose);
    }

    private List<RecordedEvent> events(String childId) {
        List<RecordedEvent> events = store.eventsOf(childId);
        if (events.isEmpty()) {
            throw new NotFound();
        }
        return events;
    }

    private RequestView request(List<RecordedEvent> events, String requestId) {
        return RequestView.of(events, calendar.current()).stream().filter(r -> r.requestId().equals(requestId))
                .findFirst().orElseThrow(NotFound::new);
    }

    private static String childName(String childId, List<RecordedEvent> events) {
        return events.stream().filter(e -> e.stream().equals(childId)).map(RecordedEvent::payload)
                .filter(ChildRegistered.class::isInstance).map(ChildRegistered.class::cast)
                .map(r -> r.givenName() + " " + r.familyName()).findFirst().orElse(null);
    }

    private static Map<String, String> relationships() {
        Map<String, String> options = new LinkedHashMap<>();
        for (RequesterRelationship relationship : RequesterRelationship.values()) {
            options.put(relationship.name(), relationship.title());
        }
        return options;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(England.ZONE));
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
