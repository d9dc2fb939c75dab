package org.oversight.deploy.importing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oversight.deploy.importing.ImportRuns.Run;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Bringing an authority's history in: a data officer (or administrator) of the authority uploads its SSDA903
 * tables and CIN census files, watches the import go child by child, then reads the report and downloads it as
 * CSV to correct the source. Addresses carry the authority's code and the import's random id, never a child.
 * A run is readable only by the officers of its authority.
 */
@Controller
public class ImportPages {

    static final String FILES_RULE = "files-given";

    private final ImportRuns runs;
    private final StaffDirectory directory;

    public ImportPages(ImportRuns runs, StaffDirectory directory) {
        this.runs = runs;
        this.directory = directory;
    }

    @Access(Operation.IMPORT_HISTORY)
    @GetMapping("/imports")
    String authorities(Person person, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !person.worksFor(la));
        model.addAttribute("authorities", authorities);
        return "importing/authorities";
    }

    @Access(Operation.IMPORT_HISTORY)
    @GetMapping("/imports/{localAuthority}")
    String form(@PathVariable String localAuthority, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (request.getAttribute(UploadLimits.IMPORT_TOO_LARGE) instanceof Long limit) {
            // an upload too big for the page, turned back by UploadLimits before it was read
            nameOf(localAuthority);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return formPage(localAuthority, List.of("The files come to more than " + UploadLimits.megabytes(limit)
                    + ", the most one upload here may be (" + UploadLimits.RULE + "). Nothing was imported. "
                    + "Files of any size are imported from the command line (ImportHistory, see the README's "
                    + "\"Importing history from the returns\")."), model);
        }
        return formPage(localAuthority, List.of(), model);
    }

    @Access(Operation.IMPORT_HISTORY)
    @PostMapping("/imports/{localAuthority}")
    String upload(@PathVariable String localAuthority, HttpServletRequest request, Person person, Model model,
            HttpServletResponse response) throws IOException {
        nameOf(localAuthority);
        List<MultipartFile> uploaded = new ArrayList<>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getFiles("files").stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null
                    && !f.getOriginalFilename().isBlank()).forEach(uploaded::add);
        }
        if (uploaded.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(localAuthority, List.of("Choose the SSDA903 tables and CIN census files to import ("
                    + FILES_RULE + ")"), model);
        }
        ReturnFiles files = ReturnFiles.spilling(uploaded.stream().mapToLong(MultipartFile::getSize).sum());
        try {
            for (MultipartFile file : uploaded) {
                read(fileName(file.getOriginalFilename()), file.getInputStream(), files);
            }
        } catch (IOException | RuntimeException unread) {
            files.close();
            throw unread;
        }
        boolean dryRun = request.getParameter("dryRun") != null;
        String importId = runs.start(localAuthority, person.username(),
                directory.displayName(person.username()).orElse(person.username()), dryRun, files);
        return "redirect:/imports/" + localAuthority + "/runs/" + importId;
    }

    /** Reads one file into {@code files} as a CIN census when it is XML, else as an SSDA903 table. */
    static void read(String fileName, InputStream input, ReturnFiles files) throws IOException {
        try (InputStream in = new BufferedInputStream(input)) {
            if (isXml(in)) {
                CinCensus.read(fileName, in, files);
            } else {
                Ssda903Tables.read(fileName, in, files);
            }
        }
    }

    @Access(Operation.IMPORT_HISTORY)
    @GetMapping("/imports/{localAuthority}/runs/{importId}")
    String run(@PathVariable String localAuthority, @PathVariable String importId, Model model) {
        Run run = runOf(localAuthority, importId);
        model.addAttribute("name", nameOf(localAuthority));
        model.addAttribute("localAuthority", localAuthority);
        model.addAttribute("importId", importId);
        model.addAttribute("run", run);
        return "importing/run";
    }

    @Access(Operation.IMPORT_HISTORY)
    @GetMapping("/imports/{localAuthority}/runs/{importId}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable String localAuthority, @PathVariable String importId) {
        Run run = runOf(localAuthority, importId);
        if (run.report() == null) {
            throw new NotFound();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + localAuthority + "-" + importId + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(run.report().csv().getBytes(StandardCharsets.UTF_8));
    }

    private String formPage(String localAuthority, List<String> errors, Model model) {
        model.addAttribute("name", nameOf(localAuthority));
        model.addAttribute("localAuthority", localAuthority);
        model.addAttribute("errors", errors);
        return "importing/form";
    }

    private Run runOf(String localAuthority, String importId) {
        return runs.find(importId).filter(r -> r.request().localAuthority().equals(localAuthority))
                .orElseThrow(NotFound::new);
    }

    private String nameOf(String localAuthority) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        return name;
    }

    /** The file's own name without any folder a browser may send with it. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "upload";
        }
        String name = original.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Whether the file is XML (the CIN census) rather than CSV: its first character past any byte-order mark. */
    private static boolean isXml(InputStream in) throws IOException {
        in.mark(16);
        byte[] start = in.readNBytes(16);
        in.reset();
        String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return text.toLowerCase(Locale.ROOT).startsWith("<");
    }
}
