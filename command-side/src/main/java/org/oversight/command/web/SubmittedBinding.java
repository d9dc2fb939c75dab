package org.oversight.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.command.fields.FieldRuleValidator;
import org.oversight.events.fields.TextNormalisation;
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

    private final MappingJackson2HttpMessageConverter json;
    private final ObjectProvider<Validator> validator;

    SubmittedBinding(MappingJackson2HttpMessageConverter json, ObjectProvider<Validator> validator) {
        this.json = json;
        this.validator = validator;
    }

    /** What a form post was bound to and what in it could not be read. */
    record Bound(Object record, List<Problem> problems) {
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
        WebDataBinder binder = binders.createBinder(web, null, name, type);
        binder.construct(new FormValues(request, Set.of()));
        List<FieldError> unreadable = binder.getBindingResult().getFieldErrors();
        Object record = binder.getTarget();
        if (record == null) {
            // Bind again without what could not be read, so that the rest is still checked and reported.
            Set<String> left = unreadable.stream().map(FieldError::getField).collect(Collectors.toSet());
            WebDataBinder again = binders.createBinder(web, null, name, type);
            again.construct(new FormValues(request, left));
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
                problems.add(unreadable(parameter.getParameterType(), error.getField()));
            }
        }
        for (ConstraintViolation<Object> violation : validator.getObject().validate(record, Submitted.FormOnly.class)) {
            String field = violation.getPropertyPath().toString();
            if (reported.add(field)) {
                problems.add(new Problem(FieldRuleValidator.breachCode(violation).orElse(INVALID_INPUT), field,
                        violation.getMessage()));
            }
        }
        request.setAttribute(BOUND, new Bound(record, List.copyOf(problems)));
        return record;
    }

    /** A field whose input could not be read as its type, said as the chair knows the field. */
    static Problem unreadable(Class<?> recordType, String path) {
        RequestFields.Field field = RequestFields.at(recordType, path);
        Class<?> type = field == null ? null : field.type();
        String label = field == null || field.label() == null ? "This answer" : field.label();
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

        private final HttpServletRequest request;
        private final Set<String> leftOut;

        FormValues(HttpServletRequest request, Set<String> leftOut) {
            this.request = request;
            this.leftOut = leftOut;
        }

        @Override
        public Object resolveValue(String name, Class<?> type) {
            if (leftOut.contains(name)) {
                return null;
            }
            if (type == LocalDate.class) {
                return GovukDate.typedIn(request::getParameter, name);
            }
            String[] values = request.getParameterValues(name);
            if (values == null || values.length == 0) {
                return null;
            }
            if (type.isArray() || Collection.class.isAssignableFrom(type)) {
                return Arrays.stream(values).filter(v -> !v.isBlank()).map(SubmittedBinding::composed)
                        .toArray(String[]::new);
            }
            return values[0].isBlank() ? null : composed(values[0]);
        }

        @Override
        public Set<String> getNames() {
            Set<String> names = new LinkedHashSet<>();
            for (String parameter : request.getParameterMap().keySet()) {
                names.add(parameter);
                for (String box : List.of(GovukDate.DAY, GovukDate.MONTH, GovukDate.YEAR)) {
                    if (parameter.endsWith(box)) {
                        names.add(parameter.substring(0, parameter.length() - box.length()));
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
