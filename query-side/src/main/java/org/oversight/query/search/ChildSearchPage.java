package org.oversight.query.search;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
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
 * The "Find a child" page. The form posts, and the results come back in the answer to the post: what was searched
 * for is personal data and never goes into an address (nor, then, into a browser's history or a proxy's log).
 */
@Access(Operation.SEARCH_CHILDREN)
@Controller
public class ChildSearchPage {

    private static final String PAGE = "search/find-a-child";

    private final ChildSearch search;

    public ChildSearchPage(ChildSearch search) {
        this.search = search;
    }

    @GetMapping("/children/search")
    String form(Model model) {
        model.addAttribute("f", new FormState(Map.of(), List.of()));
        return PAGE;
    }

    @PostMapping(path = "/children/search", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String search(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        SearchTerms.Checked checked = SearchTerms.fromForm(form.getFirst("name"), form.getFirst("dateOfBirth-day"),
                form.getFirst("dateOfBirth-month"), form.getFirst("dateOfBirth-year"), form.getFirst("identifier"));
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (String field : List.of("name", "dateOfBirth-day", "dateOfBirth-month", "dateOfBirth-year", "identifier")) {
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
        model.addAttribute("search", search.search(checked.terms()));
        return PAGE;
    }
}
