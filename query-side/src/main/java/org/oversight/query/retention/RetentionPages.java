package org.oversight.query.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.retention.HoldReason;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.oversight.query.web.ReadBounds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Retention for the people who run the service: each authority's records due for destruction as at today (held
 * ones shown as held, never as due), its retention schedule (the law's row read-only, the local rows changed by
 * administrators), and one child's retention with the legal holds on it. Each person sees only the authorities
 * they work for: another authority's address is not found, by the access rules.
 */
@Controller
public class RetentionPages {

    /** The most records one page or one JSON answer lists. */
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 25;
    static final String PAGE_SIZE_RULE = "page-size-within-range";
    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final RetentionQueries queries;
    private final StaffDirectory directory;
    private final ProjectionPositions positions;
    private final Clock clock;
    private final ReadLog reads;

    public RetentionPages(RetentionQueries queries, StaffDirectory directory, ProjectionPositions positions,
            Clock clock, ReadLog reads) {
        this.queries = queries;
        this.directory = directory;
        this.positions = positions;
        this.clock = clock;
        this.reads = reads;
    }

    @Access(Operation.READ_RETENTION)
    @GetMapping("/retention")
    String authorities(Person reader, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !reader.worksFor(la));
        model.addAttribute("authorities", authorities);
        return "retention/authorities";
    }

    /** The page clamps a hand-edited page size to what it serves; the JSON view refuses it. */
    @Access(Operation.READ_RETENTION)
    @GetMapping("/retention/{localAuthority}")
    String due(@PathVariable String localAuthority, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Person reader, Model model) {
        String name = nameOf(localAuthority);
        int shownSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", name);
        model.addAttribute("due", logged(queries.due(reader, localAuthority, LocalDate.now(clock),
                ReadBounds.page(page), shownSize)));
        return "retention/due";
    }

    @Access(Operation.READ_RETENTION)
    @GetMapping("/api/local-authorities/{localAuthority}/retention/due")
    @ResponseBody
    RetentionQueries.DuePage dueApi(@PathVariable String localAuthority, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Person reader) {
        nameOf(localAuthority);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequest(PAGE_SIZE_RULE, "size", "A page lists from 1 to " + MAX_PAGE_SIZE + " records");
        }
        if (page < 1) {
            throw new InvalidRequest(ReadBounds.PAGE_RULE, "page", "Pages are numbered from 1");
        }
        return logged(queries.due(reader, localAuthority, LocalDate.now(clock), ReadBounds.page(page), size));
    }

    @Access(Operation.READ_SETTINGS)
    @GetMapping("/retention/{localAuthority}/schedule")
    String schedule(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting,
            Person reader, Model model) {
        String name = nameOf(localAuthority);
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", name);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("rows", queries.schedule(localAuthority));
        model.addAttribute("changes", queries.changes(localAuthority));
        model.addAttribute("mayChange", AccessPolicy.decide(reader, Operation.CHANGE_SETTINGS).allowed());
        model.addAttribute("localTypes", java.util.Arrays.stream(RecordType.values()).filter(t -> !t.statutory())
                .toList());
        model.addAttribute("triggers", RetentionTrigger.values());
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "retention/schedule";
    }

    /** The schedule as it stands, and its changes, newest first. */
    public record Schedule(String localAuthority, List<RetentionQueries.ScheduleRow> rows,
            List<RetentionQueries.ScheduleChange> changes) {
    }

    @Access(Operation.READ_SETTINGS)
    @GetMapping("/api/local-authorities/{localAuthority}/retention-schedule")
    @ResponseBody
    Schedule scheduleApi(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting) {
        nameOf(localAuthority);
        positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        return new Schedule(localAuthority, queries.schedule(localAuthority), queries.changes(localAuthority));
    }

    @Access(Operation.HOLD_RECORD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/retention")
    String child(@PathVariable String childId, @RequestParam(required = false) String awaiting, Model model) {
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        RetentionQueries.ChildRetention retention = queries.child(childId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("retention", retention);
        model.addAttribute("dueToday", retention.dueBy(today));
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("reasons", HoldReason.values());
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "retention/child";
    }

    /** One child's retention as JSON. */
    @Access(Operation.HOLD_RECORD)
    @GetMapping("/api/children/{childId}/retention")
    @ResponseBody
    RetentionQueries.ChildRetention childApi(@PathVariable String childId,
            @RequestParam(required = false) String awaiting) {
        positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        return queries.child(childId).orElseThrow(NotFound::new);
    }

    /** Every child a list shows is a read of that child, kept in the read log as a search result is. */
    private RetentionQueries.DuePage logged(RetentionQueries.DuePage page) {
        page.records().forEach(record -> reads.record(record.childId(), ReadLog.How.RETENTION, null));
        return page;
    }

    private String nameOf(String localAuthority) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        return name;
    }
}
