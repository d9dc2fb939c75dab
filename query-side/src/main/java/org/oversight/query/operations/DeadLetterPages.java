package org.oversight.query.operations;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.query.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters of every projection, for the people who run the service, as a page and as JSON, with the
 * retries: one child's sequence, or every sequence of a projection. Who may use them is the access rule below;
 * what each person sees and retries stops at their own local authorities (see {@link DeadLetters}). Nothing here
 * shows a name or an error message: a child's case id, the event's type, the exception's class and SQL state.
 */
@Controller
@Access(Operation.OPERATE_PROJECTIONS)
public class DeadLetterPages {

    /** The most dead letters one page or one JSON answer lists. */
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 25;

    private final DeadLetters deadLetters;

    public DeadLetterPages(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** A page size or number the JSON view does not serve: answered 400 with the rule broken. */
    static final class PagingRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String rule;

        PagingRefused(String rule, String detail) {
            super(detail);
            this.rule = rule;
        }
    }

    /**
     * The page; after a retry, its outcome comes back in the address (counts only), so that a reload or another
     * node shows the same.
     */
    @GetMapping("/operations/dead-letters")
    String page(@RequestParam(required = false) String projection, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
            @RequestParam(required = false) Integer retried, @RequestParam(required = false) Integer cleared,
            @RequestParam(required = false) Long left, Person who, Model model) {
        // the page clamps what a hand-edited address asks for; the JSON view refuses it
        int shownSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int shownPage = Math.max(1, page);
        List<DeadLetters.Projection> projections = deadLetters.projections(who);
        model.addAttribute("projections", projections);
        model.addAttribute("pages", pages(projections, projection, shownPage, shownSize, who));
        model.addAttribute("projection", projection);
        if (projection != null && retried != null && cleared != null && left != null) {
            model.addAttribute("retry", new DeadLetters.Retry(projection, retried, cleared, left));
        }
        return "operations/dead-letters";
    }

    @PostMapping("/operations/dead-letters/{projection}/retry")
    String retry(@PathVariable String projection, @RequestParam(required = false) String sequence,
            Person who, RedirectAttributes redirect) {
        DeadLetters.Retry retry = deadLetters.retry(projection, blankToNull(sequence), who)
                .orElseThrow(NotFound::new);
        redirect.addAttribute("projection", projection);
        redirect.addAttribute("retried", retry.sequences());
        redirect.addAttribute("cleared", retry.cleared());
        redirect.addAttribute("left", retry.deadLettersLeft());
        return "redirect:/operations/dead-letters";
    }

    @GetMapping("/api/operations/dead-letters")
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) String projection,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, Person who) {
        if (size > MAX_PAGE_SIZE) {
            throw new PagingRefused("page-size-at-most-" + MAX_PAGE_SIZE,
                    "A page lists at most " + MAX_PAGE_SIZE + " dead letters");
        }
        if (size < 1) {
            throw new PagingRefused("page-size-at-least-1", "A page lists at least one dead letter");
        }
        if (page < 1) {
            throw new PagingRefused("pages-count-from-1", "Pages are numbered from 1");
        }
        List<DeadLetters.Projection> projections = deadLetters.projections(who);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("projections", projections);
        answer.put("pages", pages(projections, projection, page, size, who));
        return answer;
    }

    /** A retry as JSON: {@code {"sequence": "<child's case id>"}} for one sequence, no sequence for all. */
    @PostMapping("/api/operations/dead-letters/{projection}/retry")
    @ResponseBody
    DeadLetters.Retry apiRetry(@PathVariable String projection,
            @RequestBody(required = false) Map<String, String> body, Person who) {
        String sequence = body == null ? null : blankToNull(body.get("sequence"));
        return deadLetters.retry(projection, sequence, who).orElseThrow(NotFound::new);
    }

    @ExceptionHandler(PagingRefused.class)
    ResponseEntity<ProblemDetail> refused(PagingRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("The request is incomplete or malformed");
        problem.setProperty("rule", refused.rule);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The asked projection's page, or the first page of each projection that has dead letters. */
    private List<DeadLetters.Page> pages(List<DeadLetters.Projection> projections, String projection, int page,
            int size, Person who) {
        if (projection != null && !projection.isBlank()) {
            return List.of(deadLetters.page(projection, page, size, who).orElseThrow(NotFound::new));
        }
        List<DeadLetters.Page> pages = new ArrayList<>();
        for (DeadLetters.Projection each : projections) {
            if (each.deadLetters() > 0) {
                deadLetters.page(each.name(), 1, size, who).ifPresent(pages::add);
            }
        }
        return pages;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
