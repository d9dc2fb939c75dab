package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
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
    ModelAndView unauthenticated(AuthenticationException failure, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (DatabaseUnavailable.causedBy(failure)) {
            return databaseUnavailable(request, response);
        }
        return answer(request, response, HttpStatus.UNAUTHORIZED, "Sign in to continue", "Sign in to continue.", null);
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
    ModelAndView unexpected(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (DatabaseUnavailable.causedBy(failure)) {
            return databaseUnavailable(request, response);
        }
        if (failure instanceof ErrorResponse known) {
            return known(known, request, response);
        }
        return unknown(failure, request, response);
    }

    /**
     * Not a fault of the service's own but a database it cannot reach (down, restarting, or gone mid-request):
     * 503 at once, so that clients retry rather than report a failure. Answered here, not as a view, because
     * rendering a page must not need the database that is missing; {@code null} tells Spring it is answered.
     */
    private static ModelAndView databaseUnavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DatabaseUnavailable.answer(request, response);
        return null;
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

    /**
     * The answer to a request that cannot be served: a problem document or the error page.
     *
     * @param rule the stable code of the rule a client's request broke, or {@code null}
     */
    static ModelAndView answer(HttpServletRequest request, HttpServletResponse response,
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
