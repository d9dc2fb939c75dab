package org.oversight.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.oversight.command.fields.FieldRuleValidator;
import org.oversight.events.fields.TextNormalisation;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Binds a {@link Submitted} request record. At an {@code /api/} address the JSON body is read by the web's
 * Jackson mapper (composed text, strict {@code yyyy-MM-dd} dates; see {@link CommandJson}). Anywhere else the
 * GOV.UK form post is bound by Spring's own data binder through the record's constructor: text stripped and
 * composed, blank read as absent, a date input's three boxes read as one {@link GovukDate} and converted to a
 * date by its one converter. What a form holds that cannot be read is kept, per field, for {@link Commands} to
 * refuse together with what the command's own rules find, so that the chair sees every problem at once.
 */
public class SubmittedBinding implements HandlerMethodArgumentResolver {

    private static final String BOUND = SubmittedBinding.class.getName() + ".bound";
    private static final String INVALID_INPUT = "invalid-input";
    /** The index of the last row in a binding path, as in {@code actions[1].dueOn}. */
    private static final Pattern LAST_ROW = Pattern.compile("\\[(\\d+)][^\\[]*$");

    private final MappingJackson2HttpMessageConverter json;
    private final ObjectProvider<Validator> validator;

    SubmittedBinding(MappingJackson2HttpMessageConverter json, ObjectProvider<Validator> validator) {
        this.json = json;
        this.validator = validator;
    }

    /** What a form post was bound to and what in it could not be read. */
    record Bound(Object record, List<Problem> problems, FormLayout layout) {
    }

    /** Whether the request came to the JSON API rather than from a form. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /** The form post of the current request as bound, or {@code null} when it was not a bound form post. */
    static Bound bound(HttpServletRequest request) {
        return request.getAttribute(BOUND) instanceof Bound bound ? bound : null;
    }

    /** What the form of the request being handled held that could not be read; empty outside a form post. */
    static List<Problem> unreadableInThisRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null && attributes.getAttribute(BOUND, RequestAttributes.SCOPE_REQUEST) instanceof Bound b
                ? b.problems() : List.of();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Submitted.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest web,
            WebDataBinderFactory binders) throws Exception {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        boolean api = isApi(request);
        MediaType expected = api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED;
        if (!expected.includes(contentType(request))) {
            throw new HttpMediaTypeNotSupportedException(contentType(request), List.of(expected));
        }
        return api ? readJson(parameter, request) : bindForm(parameter, web, request, binders);
    }

    private Object readJson(MethodParameter parameter, HttpServletRequest request) throws Exception {
        ServletServerHttpRequest input = new ServletServerHttpRequest(request);
        Object body = json.read(parameter.getGenericParameterType(), parameter.getContainingClass(), input);
        if (body == null) {
            throw new HttpMessageNotReadableException("Required request body is missing", input);
        }
        return body;
    }

    private Object bindForm(MethodParameter parameter, NativeWebRequest web, HttpServletRequest request,
            WebDataBinderFactory binders) throws Exception {
        String name = Conventions.getVariableNameForParameter(parameter);
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        FormLayout layout = BeanUtils.instantiateClass(parameter.getParameterAnnotation(Submitted.class).layout());
        Map<String, String> path = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables ? variables.entrySet().stream().collect(Collectors.toMap(
                        e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))) : Map.of();
        Map<String, List<String>> inputs = layout.toRecord(request.getParameterMap(), path);
        WebDataBinder binder = binders.createBinder(web, null, name, type);
        binder.construct(new FormValues(inputs, Set.of()));
        List<FieldError> unreadable = binder.getBindingResult().getFieldErrors();
        Object record = binder.getTarget();
        if (record == null) {
            // Bind again without what could not be read, so that the rest is still checked and reported.
            Set<String> left = unreadable.stream().map(FieldError::getField).collect(Collectors.toSet());
            WebDataBinder again = binders.createBinder(web, null, name, type);
            again.construct(new FormValues(inputs, left));
            record = again.getTarget();
        }
        if (record == null) {
            throw new HttpMessageNotReadableException("The form could not be read",
                    new ServletServerHttpRequest(request));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (FieldError error : unreadable) {
            if (reported.add(error.getField())) {
                problems.add(unreadable(parameter.getParameterType(), error.getField(), layout.label(error.getField())));
            }
        }
        List<ConstraintViolation<Object>> formOnly = new ArrayList<>(
                validator.getObject().validate(record, Submitted.FormOnly.class));
        formOnly.sort(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<Object> violation : formOnly) {
            String field = violation.getPropertyPath().toString();
            if (reported.add(field)) {
                problems.add(new Problem(FieldRuleValidator.breachCode(violation).orElse(INVALID_INPUT), field,
                        violation.getMessage()));
            }
        }
        Map<String, String[]> posted = request.getParameterMap();
        List<Problem> onForm = problems.stream()
                .map(p -> new Problem(p.rule(), layout.toInput(p.field(), posted), p.message())).toList();
        request.setAttribute(BOUND, new Bound(record, onForm, layout));
        return record;
    }

    /** A field whose input could not be read as its type, said as the chair knows the field. */
    static Problem unreadable(Class<?> recordType, String path, String laidOutLabel) {
        RequestFields.Field field = RequestFields.at(recordType, path);
        if (field != null && field.unreadable() != null) {
            return new Problem(INVALID_INPUT, path, field.unreadable());
        }
        Class<?> type = field == null ? null : field.type();
        String label = laidOutLabel != null ? laidOutLabel
                : field == null || field.label() == null ? "This answer" : field.label();
        Matcher row = LAST_ROW.matcher(path);
        if (row.find()) {
            label = label.replace("{n}", String.valueOf(Integer.parseInt(row.group(1)) + 1));
        }
        String message;
        if (type == LocalDate.class) {
            message = label + " must be a real date";
        } else if (type != null && type.isEnum()) {
            message = "Choose one of the options given";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            message = label + " must be a whole number, like 0 or 2";
        } else {
            message = label + " is not an answer the form offers";
        }
        return new Problem(INVALID_INPUT, path, message);
    }

    private static MediaType contentType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        try {
            return request.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("The request's Content-Type cannot be read");
        }
    }

    /**
     * A form's inputs as the data binder asks for them. A date field is read from its three boxes; text is
     * stripped and composed (the one place form text is normalised before the field rules check it), blank
     * text is absent, and a list holds the non-blank values given.
     */
    static final class FormValues implements DataBinder.ValueResolver {

        private final Map<String, List<String>> inputs;
        private final Set<String> leftOut;

        FormValues(Map<String, List<String>> inputs, Set<String> leftOut) {
            this.inputs = inputs;
            this.leftOut = leftOut;
        }

        @Override
        public Object resolveValue(String name, Class<?> type) {
            if (leftOut.contains(name)) {
                return null;
            }
            if (type == LocalDate.class) {
                return GovukDate.typedIn(this::first, name);
            }
            List<String> values = inputs.get(name);
            if (type.isArray() || Collection.class.isAssignableFrom(type)) {
                if (values == null && inputs.keySet().stream().anyMatch(input -> input.startsWith(name + "["))) {
                    return null; // a list of rows, which the binder reads row by row
                }
                // boxes left unticked are not posted at all: the list is empty, not missing
                return values == null ? new String[0] : values.stream().filter(v -> !v.isBlank())
                        .map(SubmittedBinding::composed).toArray(String[]::new);
            }
            if (values == null || values.isEmpty()) {
                return null;
            }
            return values.get(0).isBlank() ? null : composed(values.get(0));
        }

        private String first(String name) {
            List<String> values = inputs.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public Set<String> getNames() {
            Set<String> names = new LinkedHashSet<>();
            for (String input : inputs.keySet()) {
                names.add(input);
                for (String box : List.of(GovukDate.DAY, GovukDate.MONTH, GovukDate.YEAR)) {
                    if (input.endsWith(box)) {
                        names.add(input.substring(0, input.length() - box.length()));
                    }
                }
            }
            return names;
        }
    }

    static String composed(String typed) {
        return TextNormalisation.nfc(typed.strip());
    }
}
