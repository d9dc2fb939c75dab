package org.oversight.query.search;

import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding a child through the API: {@code POST /api/children/search} with any of {@code name},
 * {@code dateOfBirth} (yyyy-mm-dd) and {@code identifier} in a JSON body, never in the address. Answers the
 * children found ({@link SearchResults}); a search with nothing to search by, or a term of the wrong shape, is a
 * 400 problem naming the rule broken.
 */
@Access(Operation.SEARCH_CHILDREN)
@RestController
public class ChildSearchApi {

    private final ChildSearch search;

    public ChildSearchApi(ChildSearch search) {
        this.search = search;
    }

    /** What to search by; any of the three, at least one. */
    public record Search(String name, String dateOfBirth, String identifier) {
    }

    @PostMapping(path = "/api/children/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> search(@RequestBody(required = false) Search body) {
        Search asked = body == null ? new Search(null, null, null) : body;
        SearchTerms.Checked checked = SearchTerms.fromApi(asked.name(), asked.dateOfBirth(), asked.identifier());
        if (checked.refused()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    checked.problems().get(0).message());
            problem.setTitle("The search cannot be run");
            problem.setProperty("rule", checked.problems().get(0).rule());
            problem.setProperty("problems", checked.problems().stream().map(SearchTerms.Problem::asMap).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(search.search(checked.terms()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ignored) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not a JSON object of the expected shape (name, dateOfBirth, identifier: text)");
        problem.setProperty("rule", "readable-request");
        problem.setProperty("problems", List.of(Map.of("rule", "readable-request",
                "message", "Send the search as a JSON object")));
        return ResponseEntity.badRequest().body(problem);
    }
}
