package org.oversight.query.child;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.caseload.CaseloadQueries;
import org.oversight.query.caseload.ChildSummary;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A child's page and the forms that record decisions about the child. The forms post to the command side;
 * {@code ?after=N} (from the command's answer) makes the page wait briefly for the projection to apply it.
 */
@Controller
public class ChildPage {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final CaseloadQueries queries;
    private final StaffDirectory directory;

    public ChildPage(CaseloadQueries queries, StaffDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping("/children/{childId}")
    String child(@PathVariable String childId, @RequestParam(required = false) Long after, Model model) {
        ChildSummary child = find(childId, after).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("pending", after != null && child.lastSequence() < after);
        return "child";
    }

    @GetMapping("/api/children/{childId}")
    @ResponseBody
    ChildSummary api(@PathVariable String childId, @RequestParam(required = false) Long after) {
        return find(childId, after).orElseThrow(NotFound::new);
    }

    @GetMapping("/children/new")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN')")
    String registerForm(Model model) {
        model.addAttribute("f", FormState.of(model.asMap()));
        model.addAttribute("localAuthorities", directory.localAuthorities());
        return "register-child";
    }

    @GetMapping("/children/{childId}/allocate")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN')")
    String allocateForm(@PathVariable String childId, @RequestParam(defaultValue = "IRO") ChairRole role,
            Model model) {
        ChildSummary child = queries.child(childId).orElseThrow(NotFound::new);
        Map<String, Object> flash = model.asMap();
        model.addAttribute("f", FormState.of(flash));
        model.addAttribute("child", child);
        model.addAttribute("role", role);
        model.addAttribute("current", child.allocation(role).orElse(null));
        model.addAttribute("chairs", directory.chairs(role));
        return "allocate-chair";
    }

    private Optional<ChildSummary> find(String childId, Long after) {
        return after == null ? queries.child(childId) : queries.child(childId, after, READ_YOUR_WRITE);
    }
}
