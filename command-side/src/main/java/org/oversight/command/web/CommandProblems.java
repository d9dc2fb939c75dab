package org.oversight.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * The one place a refused decision is answered. To an API client: an RFC 9457 problem with the rule broken
 * and, per field, what to fix. To a form: back to the form's page ({@link FormPage}) with, as flash
 * attributes, {@code errors} (a list of maps with {@code rule}, {@code field} and {@code message}, the fields
 * named as the form's inputs) and {@code form} (what was typed: each input's values), which the query side's
 * pages show as the GOV.UK error summary. Only JDK types cross, because the session may be shared between
 * separate services. Never a stack trace.
 */
@ControllerAdvice(annotations = CommandApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Pattern LIST_ELEMENT = Pattern.compile("\\[\\d+]$");

    @ExceptionHandler(CommandRefused.class)
    Object refused(CommandRefused refused, HttpServletRequest request, HandlerMethod handler) {
        if (!SubmittedBinding.isApi(request)) {
            return backToTheForm(refused.problems(), request, handler);
        }
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

    /**
     * What could not be read from the form comes first; a command's problem about a field already reported is
     * left out, so that each input says one thing.
     */
    private static ModelAndView backToTheForm(List<Problem> problems, HttpServletRequest request,
            HandlerMethod handler) {
        SubmittedBinding.Bound bound = SubmittedBinding.bound(request);
        List<Problem> unreadable = bound == null ? List.of() : bound.problems();
        Set<String> reported = unreadable.stream().map(Problem::field).collect(Collectors.toSet());
        List<Problem> onForm = new ArrayList<>();
        for (Problem problem : problems) {
            if (unreadable.contains(problem)) {
                onForm.add(problem);
                continue;
            }
            Problem mapped = problem.field() == null ? problem
                    : new Problem(problem.rule(), inputOf(bound, problem.field(), request.getParameterMap()),
                            problem.message());
            if (mapped.field() == null || !reported.contains(mapped.field())) {
                onForm.add(mapped);
            }
        }
        HashMap<String, ArrayList<String>> typed = new HashMap<>();
        Map<String, String[]> posted = bound == null ? request.getParameterMap()
                : bound.layout().asTyped(request.getParameterMap());
        posted.forEach((field, values) -> typed.put(field, new ArrayList<>(List.of(values))));
        typed.remove("_csrf");
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errors", new ArrayList<>(onForm.stream().map(Problem::asMap).toList()));
        flash.put("form", typed);
        return new ModelAndView("redirect:" + page(handler, request, bound));
    }

    /**
     * The form input a command's field is typed into: as the form lays the record out ({@link FormLayout}),
     * then under the input the record's field is bound from; one value of a list (a ticked box) is the list's
     * input.
     */
    static String inputOf(SubmittedBinding.Bound bound, String field, Map<String, String[]> posted) {
        String laidOut = bound == null ? field : bound.layout().toInput(field, posted);
        if (laidOut == null) {
            return null;
        }
        Matcher top = Pattern.compile("^([^.\\[]+)(.*)$").matcher(laidOut);
        if (!top.matches()) {
            return laidOut;
        }
        String input = RequestFields.inputOf(bound == null ? null : bound.record().getClass(), top.group(1));
        String rest = LIST_ELEMENT.matcher(top.group(2)).matches() ? "" : top.group(2);
        return input + rest;
    }

    /** The form's page from its {@link FormPage}, or the address posted to when the handler names none. */
    private static String page(HandlerMethod handler, HttpServletRequest request, SubmittedBinding.Bound bound) {
        FormPage declared = handler == null ? null : handler.getMethodAnnotation(FormPage.class);
        if (declared == null) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
        Map<?, ?> path = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m
                ? m : Map.of();
        String[] parts = declared.value().split("\\?", 2);
        String page = expand(parts[0], name -> path.get(name) instanceof String value ? value : null);
        if (page == null) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
        if (parts.length == 1) {
            return page;
        }
        List<String> query = new ArrayList<>();
        for (String pair : parts[1].split("&")) {
            String value = expand(pair, name -> path.get(name) instanceof String v ? v : fieldOf(bound, name));
            if (value != null) {
                query.add(value);
            }
        }
        return query.isEmpty() ? page : page + "?" + String.join("&", query);
    }

    /** The template with every variable filled and encoded, or {@code null} if one has no value. */
    private static String expand(String template, java.util.function.Function<String, String> values) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder expanded = new StringBuilder();
        while (variable.find()) {
            String value = values.apply(variable.group(1));
            if (value == null) {
                return null;
            }
            variable.appendReplacement(expanded, Matcher.quoteReplacement(UriUtils.encode(value, "UTF-8")));
        }
        variable.appendTail(expanded);
        return expanded.toString();
    }

    private static String fieldOf(SubmittedBinding.Bound bound, String name) {
        if (bound == null || !bound.record().getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : bound.record().getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(bound.record());
                    return value instanceof Enum<?> choice ? choice.name() : value == null ? null : value.toString();
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
