package org.oversight.query.returns;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.fields.FieldRule;
import org.oversight.events.fields.TextNormalisation;
import org.oversight.query.access.Scope;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.returns.annexa.AnnexAExport;
import org.oversight.query.returns.annexa.AnnexAFormat;
import org.oversight.query.returns.annexa.AnnexAList;
import org.oversight.query.returns.cin.CinCensusExport;
import org.oversight.query.web.FormState;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The returns an authority makes from what Oversight holds: the CIN census child protection module for a collection
 * year and the Ofsted Annex A lists 7 and 8 for a date range. Each is checked before it is offered: the page lists
 * every row that breaks a rule, by the child and the rule, and the file stays downloadable so that the council
 * corrects the record or explains. The person says why they make it; every child the check lists and every child
 * the file holds is a read, logged with that reason. The reason travels in the form's body, never in an address.
 */
@Controller
public class ReturnsPages {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnsPages.class);

    static final String REASON_RULE = "reason-required";
    static final String YEAR_RULE = "collection-year-within-range";
    static final String LIST_RULE = "annex-a-list-7-or-8";
    static final String RANGE_RULE = "date-range-in-order";
    static final String FORMAT_RULE = "format-csv-or-xlsx";

    private final CinCensusExport cin;
    private final AnnexAExport annexA;
    private final StaffDirectory directory;
    private final ReadLog reads;
    private final Clock clock;

    public ReturnsPages(CinCensusExport cin, AnnexAExport annexA, StaffDirectory directory, ReadLog reads,
            Clock clock) {
        this.cin = cin;
        this.annexA = annexA;
        this.directory = directory;
        this.reads = reads;
        this.clock = clock;
    }

    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns")
    String authorities(Person person, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !person.worksFor(la));
        model.addAttribute("authorities", authorities);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("year",
                List.of(String.valueOf(CollectionYear.lastEndedBy(LocalDate.now(clock)).endingIn())))));
        model.addAttribute("years", years());
        return "returns/authorities";
    }

    // ---- CIN census ----------------------------------------------------------------------------------------------

    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns/{localAuthority}/cin")
    String cinForm(@PathVariable String localAuthority, Model model) {
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("year",
                List.of(String.valueOf(CollectionYear.lastEndedBy(LocalDate.now(clock)).endingIn())))));
        return cinPage(localAuthority, model);
    }

    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/cin")
    String cinCheck(@PathVariable String localAuthority, @RequestParam MultiValueMap<String, String> form,
            Person person, Model model, HttpServletResponse response) {
        List<Map<String, String>> errors = new ArrayList<>();
        CollectionYear year = year(form.getFirst("year"), errors);
        String reason = reason(form.getFirst("reason"), errors);
        if (!errors.isEmpty()) {
            return refused(model, response, form, errors, () -> cinPage(localAuthority, model));
        }
        Scope scope = Scope.listsFor(person).within(localAuthority);
        CinCensusExport.Checked checked = cin.check(scope, year);
        checked.failures().stream().map(CheckFailure::childId).distinct()
                .forEach(child -> reads.record(child, ReadLog.How.CIN_CENSUS, reason));
        model.addAttribute("f", new FormState(Map.of("year", List.of(String.valueOf(year.endingIn())),
                "reason", List.of(reason)), List.of()));
        model.addAttribute("checked", checked);
        model.addAttribute("year", year);
        return cinPage(localAuthority, model);
    }

    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/cin/download")
    void cinDownload(@PathVariable String localAuthority, @RequestParam MultiValueMap<String, String> form,
            Person person, HttpServletResponse response) throws IOException {
        nameOf(localAuthority);
        List<Map<String, String>> errors = new ArrayList<>();
        CollectionYear year = year(form.getFirst("year"), errors);
        String reason = reason(form.getFirst("reason"), errors);
        refuseDownload(errors);
        attachment(response, "application/xml;charset=UTF-8",
                "cin-census-" + localAuthority + "-" + year.endingIn() + ".xml");
        OutputStream out = response.getOutputStream();
        cin.write(Scope.listsFor(person).within(localAuthority), localAuthority, year, out,
                child -> reads.record(child.childId(), ReadLog.How.CIN_CENSUS, reason));
        out.flush();
    }

    /**
     * The national run: the census module of every authority the person works for, one file each in a ZIP archive,
     * streamed as it is made. Its progress goes to the service's log, as counts by authority code.
     */
    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/national/cin/download")
    void cinNational(@RequestParam MultiValueMap<String, String> form, Person person, HttpServletResponse response)
            throws IOException {
        List<Map<String, String>> errors = new ArrayList<>();
        CollectionYear year = year(form.getFirst("year"), errors);
        String reason = reason(form.getFirst("reason"), errors);
        refuseDownload(errors);
        List<String> authorities = person.authorities().stream().sorted().toList();
        attachment(response, "application/zip", "cin-census-" + year.endingIn() + ".zip");
        OutputStream out = response.getOutputStream();
        long started = System.nanoTime();
        cin.writeNational(Scope.listsFor(person), authorities, year, out,
                child -> reads.record(child.childId(), ReadLog.How.CIN_CENSUS, reason),
                (authority, done, all, children) -> LOG.info("CIN census national run: {} written, {} of {} "
                        + "authorities, {} children so far, {} s", authority, done, all, children,
                        (System.nanoTime() - started) / 1_000_000_000L));
        out.flush();
    }

    // ---- Annex A -------------------------------------------------------------------------------------------------

    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns/{localAuthority}/annex-a")
    String annexAForm(@PathVariable String localAuthority, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusYears(1).plusDays(1);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("list", List.of("7"),
                "from-day", List.of(String.valueOf(from.getDayOfMonth())),
                "from-month", List.of(String.valueOf(from.getMonthValue())),
                "from-year", List.of(String.valueOf(from.getYear())),
                "to-day", List.of(String.valueOf(today.getDayOfMonth())),
                "to-month", List.of(String.valueOf(today.getMonthValue())),
                "to-year", List.of(String.valueOf(today.getYear())))));
        return annexAPage(localAuthority, model);
    }

    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/annex-a")
    String annexACheck(@PathVariable String localAuthority, @RequestParam MultiValueMap<String, String> form,
            Person person, Model model, HttpServletResponse response) {
        List<Map<String, String>> errors = new ArrayList<>();
        AnnexAList list = list(form.getFirst("list"), errors);
        LocalDate[] range = range(form, errors);
        String reason = reason(form.getFirst("reason"), errors);
        if (!errors.isEmpty()) {
            return refused(model, response, form, errors, () -> annexAPage(localAuthority, model));
        }
        Scope scope = Scope.listsFor(person).within(localAuthority);
        AnnexAExport.Checked checked = annexA.check(scope, list, range[0], range[1]);
        checked.failures().stream().map(CheckFailure::childId).distinct()
                .forEach(child -> reads.record(child, ReadLog.How.ANNEX_A, reason));
        Map<String, List<String>> typed = new LinkedHashMap<>();
        form.forEach((field, values) -> typed.put(field, values));
        typed.put("reason", List.of(reason));
        model.addAttribute("f", new FormState(typed, List.of()));
        model.addAttribute("checked", checked);
        model.addAttribute("list", list);
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        return annexAPage(localAuthority, model);
    }

    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/annex-a/download")
    void annexADownload(@PathVariable String localAuthority, @RequestParam MultiValueMap<String, String> form,
            Person person, HttpServletResponse response) throws IOException {
        nameOf(localAuthority);
        List<Map<String, String>> errors = new ArrayList<>();
        AnnexAList list = list(form.getFirst("list"), errors);
        LocalDate[] range = range(form, errors);
        String reason = reason(form.getFirst("reason"), errors);
        AnnexAFormat format = AnnexAFormat.of(form.getFirst("format") == null ? "" : form.getFirst("format"));
        if (format == null) {
            errors.add(error("format", FORMAT_RULE, "Choose CSV or XLSX"));
        }
        refuseDownload(errors);
        attachment(response, format.mediaType(), "annex-a-list-" + list.number() + "-" + localAuthority + "-"
                + range[0] + "-to-" + range[1] + "." + format.extension());
        OutputStream out = response.getOutputStream();
        annexA.write(Scope.listsFor(person).within(localAuthority), list, range[0], range[1], format, out,
                row -> reads.record(row.childId(), ReadLog.How.ANNEX_A, reason));
        out.flush();
    }

    // ---- shared --------------------------------------------------------------------------------------------------

    private String cinPage(String localAuthority, Model model) {
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", nameOf(localAuthority));
        model.addAttribute("years", years());
        return "returns/cin";
    }

    /** The year under way and the seven before it, newest first. */
    private Map<String, String> years() {
        int last = CollectionYear.lastEndedBy(LocalDate.now(clock)).endingIn();
        Map<String, String> years = new LinkedHashMap<>();
        for (int y = last + 1; y >= Math.max(CollectionYear.FIRST, last - 6); y--) {
            years.put(String.valueOf(y), new CollectionYear(y).title());
        }
        return years;
    }

    private String annexAPage(String localAuthority, Model model) {
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", nameOf(localAuthority));
        Map<String, String> lists = new LinkedHashMap<>();
        for (AnnexAList list : AnnexAList.values()) {
            lists.put(list.number(), "List " + list.number() + ": " + list.title());
        }
        model.addAttribute("lists", lists);
        model.addAttribute("annexLists", AnnexAList.values());
        return "returns/annex-a";
    }

    private static String refused(Model model, HttpServletResponse response, MultiValueMap<String, String> form,
            List<Map<String, String>> errors, java.util.function.Supplier<String> page) {
        Map<String, List<String>> typed = new LinkedHashMap<>(form);
        model.addAttribute("f", new FormState(typed, errors));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page.get();
    }

    /** A download is posted from the checked page; a broken one was not, and is refused naming its first rule. */
    private static void refuseDownload(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            Map<String, String> first = errors.get(0);
            throw new InvalidRequest(first.get("rule"), first.get("field"), first.get("message"));
        }
    }

    private static void attachment(HttpServletResponse response, String mediaType, String filename) {
        response.setContentType(mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static CollectionYear year(String value, List<Map<String, String>> errors) {
        try {
            return new CollectionYear(Integer.parseInt(value == null ? "" : value.strip()));
        } catch (IllegalArgumentException e) {
            errors.add(error("year", YEAR_RULE, "Choose a collection year from " + CollectionYear.FIRST + " to "
                    + CollectionYear.LAST));
            return null;
        }
    }

    private static AnnexAList list(String value, List<Map<String, String>> errors) {
        AnnexAList list = value == null ? null : AnnexAList.of(value.strip());
        if (list == null) {
            errors.add(error("list", LIST_RULE, "Choose list 7 or list 8"));
        }
        return list;
    }

    private static LocalDate[] range(MultiValueMap<String, String> form, List<Map<String, String>> errors) {
        LocalDate from = date(form, "from", "Enter the first day of the range as a real date", errors);
        LocalDate to = date(form, "to", "Enter the last day of the range as a real date", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(error("to", RANGE_RULE, "The last day of the range must be on or after the first"));
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(MultiValueMap<String, String> form, String field, String message,
            List<Map<String, String>> errors) {
        try {
            LocalDate day = LocalDate.of(number(form.getFirst(field + "-year")),
                    number(form.getFirst(field + "-month")), number(form.getFirst(field + "-day")));
            if (day.getYear() >= 1990 && day.getYear() <= 2100) {
                return day;
            }
        } catch (NumberFormatException | DateTimeException e) {
            // answered below as the field's problem
        }
        errors.add(error(field, "date-is-real", message));
        return null;
    }

    private static int number(String value) {
        return Integer.parseInt(value == null ? "" : value.strip());
    }

    static String reason(String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error("reason", REASON_RULE, "Enter why you are making this return"));
            return null;
        }
        String reason = TextNormalisation.nfc(value.strip());
        FieldRule.FREE_TEXT.check(reason).ifPresent(breach ->
                errors.add(error("reason", breach.code(), breach.message("The reason"))));
        return reason;
    }

    private static Map<String, String> error(String field, String rule, String message) {
        return Map.of("field", field, "rule", rule, "message", message);
    }

    private String nameOf(String localAuthority) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        return name;
    }
}
