package org.oversight.query.returns.ssda903;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.oversight.query.web.ReadBounds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * An authority's SSDA903 return for a collection year, for its QA leads and administrators: the page shows what the
 * return holds, what Oversight leaves empty and every DfE check it fails (child and rule); the file is downloaded,
 * failures or not, through a form that asks why, and each child in it is written to the read log with that reason.
 * The reason is posted, never put in an address.
 */
@Controller
public class Ssda903Pages {

    /** The form's reason is named {@code why}: a {@code reason} parameter is read as the reason for opening a record. */
    static final String REASON_RULE = "export-reason-required";
    static final String YEAR_RULE = "collection-year-within-range";
    static final String FILE_RULE = "ssda903-file-known";
    static final String READABLE_RULE = "ssda903-reviews-file-readable";

    private final Ssda903Facts facts;
    private final Ssda903Export export;
    private final StaffDirectory directory;
    private final ReadLog reads;
    private final Clock clock;

    public Ssda903Pages(Ssda903Facts facts, Ssda903Export export, StaffDirectory directory, ReadLog reads,
            Clock clock) {
        this.facts = facts;
        this.export = export;
        this.directory = directory;
        this.reads = reads;
        this.clock = clock;
    }

    /** @param year the collection year by the year it starts in; the latest that has ended, or the current one */
    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns/{localAuthority}/ssda903")
    String page(Person reader, @PathVariable("localAuthority") String authority, @RequestParam(required = false) Integer year,
            Model model) {
        String name = authorityOf(reader, authority);
        CollectionYear chosen = year(year);
        Ssda903Return ssda903 = Ssda903Return.of(chosen, facts.of(authority, chosen));
        List<Ssda903Check.Failure> failures = Ssda903Check.run(ssda903);
        // the children the page names, by their authority's identifier, are read here
        Set<String> named = new LinkedHashSet<>();
        failures.forEach(f -> named.add(f.childId()));
        named.forEach(child -> reads.record(child, ReadLog.How.SSDA903_EXPORT, null));
        model.addAttribute("code", authority);
        model.addAttribute("name", name);
        model.addAttribute("year", chosen);
        model.addAttribute("years", years());
        model.addAttribute("ssda903", ssda903);
        model.addAttribute("failures", failures);
        model.addAttribute("checks", Ssda903Check.values());
        model.addAttribute("notHeld", Ssda903Return.NOT_HELD);
        return "returns/ssda903";
    }

    /**
     * @param file {@code header}, {@code episodes} or {@code reviews} (CSV), or {@code xml}
     * @param why  why the return is taken out of the service: kept in the read log against each child in it
     */
    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/ssda903/download")
    void download(Person reader, @PathVariable("localAuthority") String authority, @RequestParam Integer year,
            @RequestParam String file, @RequestParam(required = false) String why, HttpServletResponse response)
            throws IOException {
        authorityOf(reader, authority);
        CollectionYear chosen = year(year);
        String reason = ReadBounds.reason(why);
        if (reason == null) {
            throw new InvalidRequest(REASON_RULE, "why", "Say why the return is downloaded");
        }
        Ssda903Stream.File chosenFile = Ssda903Stream.File.named(file);
        if (chosenFile == null) {
            throw new InvalidRequest(FILE_RULE, "file",
                    "Choose the header, episodes or reviews table, or the XML form");
        }
        MediaType type = chosenFile == Ssda903Stream.File.XML
                ? new MediaType("application", "xml", StandardCharsets.UTF_8)
                : new MediaType("text", "csv", StandardCharsets.UTF_8);
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("ssda903-" + authority + "-" + chosen.startYear() + "-" + chosenFile.label() + "."
                        + chosenFile.extension())
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // written as the children are read, each logged as read once it is in the file
        OutputStream out = response.getOutputStream();
        export.write(authority, chosen, chosenFile, out,
                child -> reads.record(child, ReadLog.How.SSDA903_EXPORT, reason));
        out.flush();
    }

    /**
     * Oversight's reviews table beside the council's own, uploaded as the DfE's CSV: children and reviews in one
     * and not the other, and dates of birth that differ. The file is read and forgotten; each child of Oversight's
     * that the page names is read, for the reason given.
     */
    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/{localAuthority}/ssda903/reconciliation")
    String reconcile(Person reader, @PathVariable("localAuthority") String authority, @RequestParam Integer year,
            @RequestParam(name = "reviews", required = false) MultipartFile reviews, Model model) throws IOException {
        String name = authorityOf(reader, authority);
        CollectionYear chosen = year(year);
        if (reviews == null || reviews.isEmpty()) {
            // a form sent without its file, or not as an upload at all, is the sender's to correct
            throw new InvalidRequest(READABLE_RULE, "reviews", "Choose the council's reviews table to upload");
        }
        Ssda903Return ssda903 = Ssda903Return.of(chosen, facts.of(authority, chosen));
        Ssda903Reconciliation reconciliation;
        try {
            reconciliation = Ssda903Reconciliation.of(ssda903.reviews(),
                    new String(reviews.getBytes(), StandardCharsets.UTF_8));
        } catch (Ssda903Reconciliation.Unreadable unreadable) {
            throw new InvalidRequest(READABLE_RULE, "reviews", unreadable.getMessage());
        }
        Set<String> named = new LinkedHashSet<>();
        ssda903.reviews().rows().forEach(row -> named.add(row.childId()));
        named.forEach(child -> reads.record(child, ReadLog.How.SSDA903_EXPORT, "Reconciled with the council's return"));
        model.addAttribute("code", authority);
        model.addAttribute("name", name);
        model.addAttribute("year", chosen);
        model.addAttribute("reconciliation", reconciliation);
        return "returns/ssda903-reconciliation";
    }

    private String authorityOf(Person reader, String authority) {
        String name = directory.localAuthorities().get(authority);
        if (name == null || !reader.worksFor(authority)) {
            throw new NotFound();
        }
        return name;
    }

    private CollectionYear year(Integer year) {
        CollectionYear current = CollectionYear.of(LocalDate.now(clock));
        if (year == null) {
            return current;
        }
        if (year < CollectionYear.EARLIEST || year > current.startYear()) {
            throw new InvalidRequest(YEAR_RULE, "year", "Choose a collection year from " + CollectionYear.EARLIEST
                    + " to " + current.startYear());
        }
        return new CollectionYear(year);
    }

    private List<CollectionYear> years() {
        int current = CollectionYear.of(LocalDate.now(clock)).startYear();
        List<CollectionYear> years = new ArrayList<>();
        for (int y = current; y > current - 5; y--) {
            years.add(new CollectionYear(y));
        }
        return years;
    }
}
