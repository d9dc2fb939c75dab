package org.oversight.command.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.HttpStatus;

/**
 * The API's answer to a refused command: an RFC 9457 problem with the rule broken and, per field, what to
 * fix. Never a stack trace.
 */
@RestControllerAdvice(annotations = CommandApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ProblemDetail> refused(CommandRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
        problem.setTitle(refused.status() == HttpStatus.BAD_REQUEST ? "The request is incomplete or malformed"
                : "The decision was not recorded");
        problem.setProperty("rule", refused.problems().get(0).rule());
        List<Map<String, String>> problems = refused.problems().stream().map(Problem::asMap).toList();
        problem.setProperty("problems", problems);
        return ResponseEntity.status(refused.status()).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ignored) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape (dates are written yyyy-mm-dd)");
        problem.setProperty("rule", "readable-request");
        return ResponseEntity.badRequest().body(problem);
    }
}
