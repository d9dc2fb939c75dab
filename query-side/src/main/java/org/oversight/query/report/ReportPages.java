package org.oversight.query.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oversight.events.access.Access;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Decision;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.query.access.Scope;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.escalations.Csv;
import org.oversight.query.escalations.Dashboard;
import org.oversight.query.escalations.EscalationCriteria;
import org.oversight.query.escalations.EscalationReports;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The IRO report for QA leads and team managers: every figure for a financial year or quarter beside the one
 * before, within the reader's authorities (a team manager who is not also a QA lead sees their own team's), as
 * recorded now or at a chosen moment; each figure's drill-down; the CSV and spreadsheet downloads. Regional
 * viewers read the figures authority by authority, never a child, and never a count from 1 to 4.
 *
 * <p>Chairs have no report of their own here: their caseload pages show their children's clocks. Administrators
 * read the figures and download them, but not a figure's drill-down, which names children.
 */
@Controller
public class ReportPages {

    /** Counts from 1 to this less one are not shown across authorities, as on the regional figures. */
    static final int SMALLEST_SHOWN = 5;

    private final ReportQueries queries;
    private final StaffDirectory directory;
    private final Clock clock;
    private final EscalationReports escalations;
    private final TaggedPdf pdf;
    private final AuthorityTotals totals;

    public ReportPages(ReportQueries queries, StaffDirectory directory, Clock clock, EscalationReports escalations,
            TaggedPdf pdf, AuthorityTotals totals) {
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
        this.escalations = escalations;
        this.pdf = pdf;
        this.totals = totals;
    }

    /** What the address asks for, checked. */
    record Asked(ReportPeriod period, ReportQueries.Filter filter, Instant recordedBy, boolean asRecordedNow,
            String query) {

        /**
         * One whole authority as the record stands now: what the kept totals hold. A team, a chair (a team manager
         * with no team asks for the team "", which holds nothing), several authorities or an earlier moment are not.
         */
        boolean wholeAuthorityAsItStands() {
            return asRecordedNow && filter.team() == null && filter.chair() == null
                    && filter.scope().authorities().size() == 1;
        }
    }

    @Access(Operation.READ_REPORT_FIGURES)
    @GetMapping("/report")
    String report(Person reader, @RequestParam Map<String, String> parameters, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        // "as recorded at" in the day, month and year boxes, read as the day the links carry; an impossible day
        // is the field's problem and the report is shown as recorded now
        Map<String, String> given = new java.util.HashMap<>(parameters);
        String written = parameters.get("recordedAt");
        // a day and time in a link (2026-03-31T17:00) is read by asked() as before; the boxes hold a day only
        org.oversight.query.web.FormState recordedForm = written != null && written.strip().length() > 10
                ? new org.oversight.query.web.FormState(Map.of(), List.of())
                : org.oversight.query.web.DateBoxes.intoParameters(given, Map.of("recordedAt",
                        "The day as recorded at"), org.oversight.query.web.ReadBounds.EARLIEST_AS_AT,
                        LocalDate.of(2100, 12, 31));
        if (recordedForm.hasErrors()) {
            response.setStatus(400);
        }
        model.addAttribute("recordedForm", recordedForm);
        Asked asked = asked(reader, given, Scope.figuresFor(reader));
        Report report = reportFor(asked);
        model.addAttribute("report", report);
        model.addAttribute("asked", asked);
        model.addAttribute("sections", List.of(Figures.LOOKED_AFTER, Figures.PROTECTION));
        model.addAttribute("periods", periods());
        model.addAttribute("teams", teams(reader));
        boolean drillDowns = AccessPolicy.decide(reader, Operation.READ_ESCALATION_FIGURES) == Decision.ALLOW;
        model.addAttribute("drillDowns", drillDowns);
        model.addAttribute("escalations", escalations(reader, asked));
        return "report/report";
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/report/figures/{figureId}")
    String figure(Person reader, @PathVariable String figureId, @RequestParam Map<String, String> parameters,
            Model model) {
        Figure figure = Figures.byId(figureId).orElseThrow(NotFound::new);
        Asked asked = asked(reader, parameters, Scope.figuresFor(reader));
        FigureResult result = queries.figure(figure, asked.period(), asked.filter(), asked.recordedBy());
        model.addAttribute("result", result);
        model.addAttribute("asked", asked);
        model.addAttribute("lines", drill(result, reader));
        return "report/figure";
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/report/figures/{figureId}/csv")
    ResponseEntity<String> figureCsv(Person reader, @PathVariable String figureId,
            @RequestParam Map<String, String> parameters) {
        Figure figure = Figures.byId(figureId).orElseThrow(NotFound::new);
        Asked asked = asked(reader, parameters, Scope.figuresFor(reader));
        FigureResult result = queries.figure(figure, asked.period(), asked.filter(), asked.recordedBy());
        return download(ReportExports.drillCsv(result, drill(result, reader)), Csv.MEDIA_TYPE,
                "iro-report-" + figureId + "-" + asked.period().key() + ".csv");
    }

    @Access(Operation.READ_REPORT_FIGURES)
    @GetMapping("/report/csv")
    ResponseEntity<String> csv(Person reader, @RequestParam Map<String, String> parameters) {
        Asked asked = asked(reader, parameters, Scope.figuresFor(reader));
        Report report = reportFor(asked);
        return download(ReportExports.reportCsv(report), Csv.MEDIA_TYPE,
                "iro-report-" + asked.period().key() + ".csv");
    }

    @Access(Operation.READ_REPORT_FIGURES)
    @GetMapping("/report/xlsx")
    ResponseEntity<byte[]> xlsx(Person reader, @RequestParam Map<String, String> parameters) {
        Asked asked = asked(reader, parameters, Scope.figuresFor(reader));
        Report report = reportFor(asked);
        return download(ReportSpreadsheet.of(report), ReportSpreadsheet.MEDIA_TYPE,
                "iro-report-" + asked.period().key() + ".xlsx");
    }

    /** The whole report as one tagged PDF, for a board paper. */
    @Access(Operation.READ_REPORT_FIGURES)
    @GetMapping("/report/pdf")
    ResponseEntity<byte[]> pdf(Person reader, @RequestParam Map<String, String> parameters) {
        Asked asked = asked(reader, parameters, Scope.figuresFor(reader));
        Report report = reportFor(asked);
        return download(pdf.render(ReportDocument.of(report, asked.filter(), asked.asRecordedNow(),
                directory.localAuthorities())), "application/pdf", "iro-report-" + asked.period().key() + ".pdf");
    }

    @Access(Operation.READ_REGIONAL_FIGURES)
    @GetMapping("/report/authorities")
    String authorities(Person reader, @RequestParam Map<String, String> parameters, Model model) {
        Scope scope = Scope.figuresFor(reader);
        Map<String, String> periodOnly = new LinkedHashMap<>();
        if (parameters.containsKey("period")) {
            periodOnly.put("period", parameters.get("period"));
        }
        if (parameters.containsKey("recordedAt")) {
            periodOnly.put("recordedAt", parameters.get("recordedAt"));
        }
        Asked asked = asked(reader, periodOnly, scope);
        // the kept totals are the record as it stands; as recorded at an earlier moment every authority is worked
        // out fact by fact, as the page says
        Map<String, List<FigureResult>> byAuthority = asked.asRecordedNow()
                ? totals.byAuthority(asked.period(), scope).byAuthority()
                : queries.byAuthority(asked.period(), scope, asked.recordedBy());
        Map<String, String> names = directory.localAuthorities();
        List<Map.Entry<String, List<FigureResult>>> rows = new ArrayList<>();
        byAuthority.forEach((authority, results) -> rows.add(Map.entry(names.getOrDefault(authority, authority),
                results)));
        model.addAttribute("rows", rows);
        model.addAttribute("figures", Figures.all());
        model.addAttribute("asked", asked);
        model.addAttribute("periods", periods());
        model.addAttribute("smallestShown", SMALLEST_SHOWN);
        return "report/authorities";
    }

    /**
     * The report asked for: one whole authority as recorded now (a QA lead's, mostly) from the kept totals, as the
     * report across authorities is; anything else worked out fact by fact.
     */
    private Report reportFor(Asked asked) {
        if (asked.wholeAuthorityAsItStands()) {
            return totals.report(asked.period(), asked.filter().scope(), asked.recordedBy());
        }
        return queries.report(asked.period(), asked.filter(), asked.recordedBy());
    }

    /**
     * The escalations raised in the period, counted exactly as the escalation dashboard counts them (its own
     * package's figures, asked through its reports): as the record stands now, whatever moment the rest of the
     * report is recorded at.
     */
    private Dashboard escalations(Person reader, Asked asked) {
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("raisedFrom", asked.period().firstDay().toString());
        criteria.put("raisedTo", asked.period().lastDay().toString());
        if (asked.filter().team() != null) {
            criteria.put("team", asked.filter().team());
        }
        if (asked.filter().chair() != null) {
            criteria.put("chair", asked.filter().chair());
        }
        return escalations.dashboard(EscalationCriteria.from(criteria).filtersOnly(), Scope.listsFor(reader));
    }

    /** A figure across authorities as shown: a count or numerator from 1 to 4 is not shown. */
    public static String shownAcrossAuthorities(FigureResult result) {
        long counted = result.numerator();
        return counted > 0 && counted < SMALLEST_SHOWN ? "fewer than " + SMALLEST_SHOWN : result.shown();
    }

    private List<ReportExports.DrillLine> drill(FigureResult result, Person reader) {
        Set<String> childIds = new LinkedHashSet<>();
        result.counted().forEach(f -> childIds.add(f.childId()));
        result.notCounted().forEach(f -> childIds.add(f.childId()));
        result.rated().forEach(f -> childIds.add(f.childId()));
        return ReportExports.drill(result, queries.children(childIds), reader.username());
    }

    private Asked asked(Person reader, Map<String, String> parameters, Scope scope) {
        String periodKey = parameters.get("period");
        ReportPeriod period = periodKey == null || periodKey.isBlank()
                ? ReportPeriod.yearOf(LocalDate.now(clock))
                : ReportPeriod.parse(periodKey);
        if (period == null) {
            throw new InvalidRequest("report-period", "period",
                    "The period is a financial year such as 2025-26 or a quarter such as 2025-26-Q1");
        }
        if (period.firstDay().getYear() < 2000 || period.firstDay().getYear() > 2100) {
            throw new InvalidRequest("report-period", "period", "The period is outside the years the service holds");
        }
        String recorded = parameters.get("recordedAt");
        Instant now = clock.instant();
        Instant recordedBy = now;
        boolean asRecordedNow = recorded == null || recorded.isBlank();
        if (!asRecordedNow) {
            recordedBy = parseMoment(recorded);
            if (recordedBy.isAfter(now)) {
                recordedBy = now;
            }
        }
        String team = blankToNull(parameters.get("team"));
        String chair = blankToNull(parameters.get("chair"));
        if (reader.has(Role.TEAM_MANAGER) && !reader.has(Role.QA_LEAD)) {
            List<String> own = reader.teams().stream().map(Team::name).sorted().toList();
            team = own.contains(team) ? team : own.isEmpty() ? "" : own.get(0);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("period", period.key());
        if (team != null) {
            kept.put("team", team);
        }
        if (chair != null) {
            kept.put("chair", chair);
        }
        if (!asRecordedNow) {
            kept.put("recordedAt", recorded);
        }
        String query = String.join("&", kept.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .toList());
        return new Asked(period, new ReportQueries.Filter(scope, team, chair), recordedBy, asRecordedNow, query);
    }

    /** A day (its end, in London) or a local date and time in London. */
    private static Instant parseMoment(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ReportQueries.LONDON).toInstant()
                        .minusNanos(1);
            }
            return LocalDateTime.parse(text).atZone(ReportQueries.LONDON).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("report-recorded-at", "recordedAt",
                    "As recorded at is a day (2026-03-31) or a day and time (2026-03-31T17:00)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The last five financial years and their quarters, newest first. */
    private List<ReportPeriod> periods() {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod year = ReportPeriod.yearOf(LocalDate.now(clock));
        for (int i = 0; i < 5; i++) {
            periods.add(year);
            for (int q = 4; q >= 1; q--) {
                periods.add(ReportPeriod.parse(year.key() + "-Q" + q));
            }
            year = year.previous();
        }
        return periods;
    }

    private List<String> teams(Person reader) {
        if (reader.has(Role.TEAM_MANAGER) && !reader.has(Role.QA_LEAD)) {
            return reader.teams().stream().map(Team::name).sorted().toList();
        }
        return directory.teamsIn(reader.authorities()).stream().map(Team::name).distinct().sorted().toList();
    }

    private static <T> ResponseEntity<T> download(T body, String mediaType, String filename) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
