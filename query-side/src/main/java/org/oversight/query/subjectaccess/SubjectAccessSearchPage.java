package org.oversight.query.subjectaccess;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.search.ChildSearch;
import org.oversight.query.search.SearchTerms;
import org.oversight.query.web.FormState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A data officer's way to the subject access requests about a child: the child search, listing only the children
 * whose requests they may read and linking to those requests rather than to the record, which they never read. As
 * on "Find a child", the terms are posted and never put in an address.
 */
@Access(Operation.SEARCH_SUBJECT_ACCESS)
@Controller
public class SubjectAccessSearchPage {

    private static final String PAGE = "subjectaccess/find-a-child";
    private static final List<String> FIELDS = List.of("name", "dateOfBirth-day", "dateOfBirth-month",
            "dateOfBirth-year", "identifier");

    private final ChildSearch search;

    public SubjectAccessSearchPage(ChildSearch search) {
        this.search = search;
    }

    @GetMapping("/subject-access/search")
    String form(Model model) {
        model.addAttribute("f", new FormState(Map.of(), List.of()));
        return PAGE;
    }

    @PostMapping(path = "/subject-access/search", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String search(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        SearchTerms.Checked checked = SearchTerms.fromForm(form.getFirst("name"), form.getFirst("dateOfBirth-day"),
                form.getFirst("dateOfBirth-month"), form.getFirst("dateOfBirth-year"), form.getFirst("identifier"));
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (form.containsKey(field)) {
                typed.put(field, form.get(field));
            }
        }
        if (checked.refused()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("f", new FormState(typed,
                    checked.problems().stream().map(SearchTerms.Problem::asMap).toList()));
            return PAGE;
        }
        model.addAttribute("f", new FormState(typed, List.of()));
        model.addAttribute("search", search.searchForSubjectAccess(checked.terms()));
        return PAGE;
    }
}
