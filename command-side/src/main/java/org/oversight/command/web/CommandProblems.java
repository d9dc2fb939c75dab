package org.oversight.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
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
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        String field = null;
        String rule = "readable-request";
        String detail = "The request body is not valid JSON of the expected shape (dates are written yyyy-mm-dd)";
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (target == LocalDate.class) {
                rule = CommandJson.DATE_FORMAT_RULE;
                detail = "Write the date as yyyy-mm-dd, for example 2026-03-31, and make it a real date";
            } else if (target != null && target.isEnum()) {
                rule = "choice-from-list";
                detail = "Choose one of the values the API accepts for this field";
            } else {
                detail = "This field is not of the expected type";
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("The request is incomplete or malformed");
        problem.setProperty("rule", rule);
        Map<String, String> only = new java.util.LinkedHashMap<>();
        only.put("rule", rule);
        only.put("field", field);
        only.put("message", detail);
        problem.setProperty("problems", List.of(only));
        return ResponseEntity.badRequest().body(problem);
    }
}
