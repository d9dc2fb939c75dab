package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import jakarta.validation.ConstraintViolationException;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * The last line for anything a controller did not answer itself: people get a page with a reference id, API
 * clients a problem document with the same id; the log gets the id and the failure's shape, never its message
 * and never personal data.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnexpectedFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);

    /**
     * The browser went away mid-response (a closed tab, a cancelled image): there is nobody to answer and
     * nothing went wrong on our side, so it is not reported as a failure.
     */
    @ExceptionHandler({AsyncRequestNotUsableException.class, ClientAbortException.class})
    void clientGone() {
        LOG.debug("The client closed the connection before the response was written");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.FORBIDDEN, "You cannot do this",
                "Your role does not allow this action. Nothing has been recorded.", null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ModelAndView unauthenticated(HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.UNAUTHORIZED, "Sign in to continue", "Sign in to continue.", null);
    }

    // Client errors: each names the rule broken, in a problem document (API) or a page (browser), and never
    // repeats the value sent, which may be personal data.

    @ExceptionHandler(InvalidRequest.class)
    ModelAndView invalidRead(InvalidRequest invalid, HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.BAD_REQUEST, invalid.rule(), invalid.getReason());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request,
            HttpServletResponse response) {
        Class<?> type = mismatch.getRequiredType();
        if (type != null && type.isEnum()) {
            return clientError(request, response, HttpStatus.BAD_REQUEST, "choice-from-list",
                    "The value given for '" + mismatch.getName() + "' is not one of the choices offered");
        }
        if (type == java.time.LocalDate.class) {
            return clientError(request, response, HttpStatus.BAD_REQUEST, "date-format",
                    "The value given for '" + mismatch.getName() + "' must be a date written yyyy-mm-dd");
        }
        return clientError(request, response, HttpStatus.BAD_REQUEST, "parameter-type",
                "The value given for '" + mismatch.getName() + "' is not of the kind expected");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException missing, HttpServletRequest request,
            HttpServletResponse response) {
        return clientError(request, response, HttpStatus.BAD_REQUEST, "parameter-required",
                "The request needs a value for '" + missing.getParameterName() + "'");
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ModelAndView unboundRequest(HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.BAD_REQUEST, "readable-request",
                "The request is missing something it needs or holds something it cannot");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupportedMediaType(HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-supported",
                "Send this request as JSON (Content-Type: application/json) to the API, or as a form from its page");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView unacceptableMediaType(HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.NOT_ACCEPTABLE, "media-type-acceptable",
                "This address cannot answer in the form asked for in the Accept header");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException unsupported, HttpServletRequest request,
            HttpServletResponse response) {
        if (unsupported.getSupportedHttpMethods() != null && !unsupported.getSupportedHttpMethods().isEmpty()) {
            response.setHeader("Allow", String.join(", ",
                    unsupported.getSupportedHttpMethods().stream().map(Object::toString).toList()));
        }
        return clientError(request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-allowed",
                "This address does not accept " + unsupported.getMethod() + " requests");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadableBody(HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.BAD_REQUEST, "readable-request",
                "The request body is not valid JSON of the expected shape (dates are written yyyy-mm-dd)");
    }

    @ExceptionHandler({ConstraintViolationException.class, HandlerMethodValidationException.class,
            MethodArgumentNotValidException.class})
    ModelAndView invalidArguments(HttpServletRequest request, HttpServletResponse response) {
        return clientError(request, response, HttpStatus.BAD_REQUEST, "invalid-input",
                "The request holds a value the service does not accept");
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.NOT_FOUND, "Page not found",
                "There is nothing at this address. If you followed a link, the record may not exist.", null,
                "record-exists");
    }

    private static ModelAndView clientError(HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, String rule, String explanation) {
        return answer(request, response, status, "Sorry, this request could not be handled", explanation, null, rule);
    }

    private ModelAndView known(ErrorResponse failure, HttpServletRequest request, HttpServletResponse response) {
        HttpStatusCode status = failure.getStatusCode();
        if (status.value() == 404) {
            return answer(request, response, status, "Page not found",
                    "There is nothing at this address. If you followed a link, the record may not exist.", null);
        }
        if (status.is5xxServerError()) {
            return unknown((Exception) failure, request, response);
        }
        return answer(request, response, status, "Sorry, this request could not be handled",
                "The request was not in a form the service understands. Nothing has been recorded.", null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        if (failure instanceof ErrorResponse known) {
            return known(known, request, response);
        }
        return unknown(failure, request, response);
    }

    private ModelAndView unknown(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LOG.error("Unexpected failure, reference {} ({} {}):\n{}", reference, request.getMethod(),
                request.getRequestURI().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"), SafeDescription.of(failure));
        return answer(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Sorry, there is a problem with the service",
                "Nothing was half-saved: a decision is either recorded in full or not at all. Try again later.",
                reference);
    }

    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response,
            HttpStatusCode status, String heading, String explanation, String reference) {
        return answer(request, response, status, heading, explanation, reference, null);
    }

    /** @param rule the stable code of the rule a client's request broke, or {@code null} */
    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response,
            HttpStatusCode status, String heading, String explanation, String reference, String rule) {
        response.setStatus(status.value());
        if (wantsJson(request)) {
            ModelAndView json = new ModelAndView(new MappingJackson2JsonView());
            json.addObject("type", "about:blank");
            json.addObject("title", heading);
            json.addObject("status", status.value());
            json.addObject("detail", explanation);
            if (reference != null) {
                json.addObject("reference", reference);
            }
            if (rule != null) {
                json.addObject("rule", rule);
            }
            return json;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("heading", heading);
        page.addObject("explanation", explanation);
        page.addObject("reference", reference);
        page.addObject("rule", rule);
        return page;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getRequestURI().startsWith("/api/")
                || (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html"));
    }
}
