package org.oversight.query.returns;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.returns.cin.NationalCensusRuns;
import org.oversight.query.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The national CIN census run as the browser makes it: started with a reason, made in the background
 * ({@link NationalCensusRuns}), its progress shown on a page that a small script keeps current (and that a person
 * without scripts refreshes by a link), and the finished archive downloaded from there. The run's address carries
 * a random id only. Every child written is logged as read by the person who started it, with their reason, as the
 * direct download does; that download stays for API clients.
 */
@Controller
public class NationalCensusPages {

    static final String ALREADY_RUNNING_RULE = "one-national-run-at-a-time";

    private final NationalCensusRuns runs;
    private final ReturnsPages pages;
    private final ReadLog reads;

    public NationalCensusPages(NationalCensusRuns runs, ReturnsPages pages, ReadLog reads) {
        this.runs = runs;
        this.pages = pages;
        this.reads = reads;
    }

    @Access(Operation.EXPORT_RETURNS)
    @PostMapping("/returns/national/cin")
    String start(@RequestParam MultiValueMap<String, String> form, Person person, Model model,
            HttpServletResponse response) {
        List<Map<String, String>> errors = new ArrayList<>();
        CollectionYear year = ReturnsPages.year(form.getFirst("year"), errors);
        String reason = ReturnsPages.reason(form.getFirst("reason"), errors);
        if (!errors.isEmpty()) {
            return refused(form, errors, person, model, response, HttpServletResponse.SC_BAD_REQUEST);
        }
        try {
            NationalCensusRuns.Run run = runs.start(person.username(), Scope.listsFor(person),
                    List.copyOf(person.authorities()), year,
                    child -> reads.record(child.childId(), ReadLog.How.CIN_CENSUS, reason));
            return "redirect:/returns/national/cin/runs/" + run.id();
        } catch (NationalCensusRuns.AlreadyRunning running) {
            if (running.running() != null && runs.find(running.running().id(), person.username(),
                    person.authorities()).isPresent()) {
                return "redirect:/returns/national/cin/runs/" + running.running().id();
            }
            errors.add(Map.of("field", "year", "rule", ALREADY_RUNNING_RULE, "message",
                    "A national census of the same authorities is being made by someone else: try again when it "
                            + "has finished"));
            return refused(form, errors, person, model, response, HttpServletResponse.SC_CONFLICT);
        }
    }

    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns/national/cin/runs/{runId}")
    String run(@PathVariable String runId, Person person, Model model) {
        NationalCensusRuns.Run run = runs.find(runId, person.username(), person.authorities())
                .orElseThrow(NotFound::new);
        model.addAttribute("run", run);
        model.addAttribute("keptMinutes", NationalCensusRuns.KEPT.toMinutes());
        return "returns/national-run";
    }

    /** The run's progress for the page's script: counts and state, nothing about a child. */
    @Access(Operation.EXPORT_RETURNS)
    @GetMapping(path = "/returns/national/cin/runs/{runId}/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> progress(@PathVariable String runId, Person person, HttpServletResponse response) {
        NationalCensusRuns.Run run = runs.find(runId, person.username(), person.authorities())
                .orElseThrow(NotFound::new);
        // each poll must reach the service: a cached answer would show the run standing still
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("state", run.state().name());
        progress.put("authoritiesDone", run.authoritiesDone());
        progress.put("authorities", run.authorities().size());
        progress.put("children", run.children());
        progress.put("percent", run.percent());
        progress.put("finished", run.finished());
        progress.put("failure", run.failure() == null ? null : run.failure().words());
        progress.put("download", run.downloadable() ? "/returns/national/cin/runs/" + run.id() + "/archive.zip" : null);
        return progress;
    }

    @Access(Operation.EXPORT_RETURNS)
    @GetMapping("/returns/national/cin/runs/{runId}/archive.zip")
    void archive(@PathVariable String runId, Person person, HttpServletResponse response) throws IOException {
        NationalCensusRuns.Run run = runs.find(runId, person.username(), person.authorities())
                .filter(NationalCensusRuns.Run::downloadable).orElseThrow(NotFound::new);
        try (InputStream archive = runs.open(run).orElseThrow(NotFound::new)) {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(run.filename()).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            archive.transferTo(response.getOutputStream());
        }
    }

    private String refused(MultiValueMap<String, String> form, List<Map<String, String>> errors, Person person,
            Model model, HttpServletResponse response, int status) {
        model.addAttribute("form", new LinkedHashMap<>(form));
        model.addAttribute("errors", errors);
        response.setStatus(status);
        return pages.authorities(person, model);
    }
}
