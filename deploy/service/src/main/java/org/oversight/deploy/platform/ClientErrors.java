package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything a client can get wrong, answered 4xx with the rule broken: in a problem document for API clients,
 * on the error page for people; never the value sent, which may be personal data. Ahead of the framework's own
 * problem details so that every answer names its rule, and after the command API's own problems, which say per
 * field what to change.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientErrors {

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
        return UnexpectedFailures.answer(request, response, HttpStatus.NOT_FOUND, "Page not found",
                "There is nothing at this address. If you followed a link, the record may not exist.", null,
                "record-exists");
    }

    private static ModelAndView clientError(HttpServletRequest request, HttpServletResponse response,
            HttpStatus status, String rule, String explanation) {
        return UnexpectedFailures.answer(request, response, status, "Sorry, this request could not be handled",
                explanation, null, rule);
    }
}
