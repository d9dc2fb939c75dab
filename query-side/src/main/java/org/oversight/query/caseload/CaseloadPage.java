package org.oversight.query.caseload;

import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A chair's own caseload, as a page and as JSON. QA leads and administrators may look at any chair's. */
@Controller
public class CaseloadPage {

    private final CaseloadQueries queries;

    public CaseloadPage(CaseloadQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/caseload")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD')")
    String page(Principal principal, Model model) {
        model.addAttribute("entries", queries.caseload(principal.getName()));
        return "caseload";
    }

    @GetMapping("/api/caseload")
    @ResponseBody
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD') and (#chair == null or #chair == principal.username or hasAnyRole('ADMIN','QA_LEAD'))")
    List<CaseloadEntry> api(Principal principal, @RequestParam(required = false) String chair) {
        return queries.caseload(chair == null ? principal.getName() : chair);
    }
}
