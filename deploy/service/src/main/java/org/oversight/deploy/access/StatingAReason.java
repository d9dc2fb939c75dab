package org.oversight.deploy.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * When a record may be opened only with a reason: a page asks for it (and the reason then holds for that child
 * for the rest of the session), an API client is told to send it in the {@value StatedReasons#HEADER} header.
 */
@Controller
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatingAReason {

    /** Where the person may be sent back to: a page of the child's record or of an escalation. */
    private static final Pattern BACK = Pattern.compile("/(children|escalations)/[A-Za-z0-9/_-]{1,200}");

    private final StatedReasons reasons;

    public StatingAReason(StatedReasons reasons) {
        this.reasons = reasons;
    }

    @ExceptionHandler(ReasonRequired.class)
    ModelAndView reasonRequired(ReasonRequired required, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/") || !"GET".equals(request.getMethod())
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html")) {
            ModelAndView json = new ModelAndView(new MappingJackson2JsonView());
            json.addObject("type", "about:blank");
            json.addObject("title", "A reason is needed");
            json.addObject("status", HttpStatus.FORBIDDEN.value());
            json.addObject("detail", "This record is outside your caseload and team. Say why you need it in the "
                    + StatedReasons.HEADER + " header (or, in a page, when asked); the reason is kept with the record.");
            json.addObject("rule", "reason-required");
            return json;
        }
        ModelAndView page = new ModelAndView("reason-required");
        page.setStatus(HttpStatus.FORBIDDEN);
        page.addObject("childId", required.childId());
        page.addObject("back", request.getRequestURI());
        return page;
    }

    @Access(Operation.SIGNED_IN)
    @PostMapping(path = "/access/reasons", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView state(@RequestParam String childId, @RequestParam(required = false) String reason,
            @RequestParam String back, HttpServletRequest request, HttpServletResponse response) {
        if (!BACK.matcher(back).matches() || !childId.matches("[A-Za-z0-9-]{1,64}")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            ModelAndView page = new ModelAndView("error");
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("heading", "Sorry, this request could not be handled");
            page.addObject("explanation", "The request was not in a form the service understands.");
            return page;
        }
        if (!StatedReasons.acceptable(reason)) {
            ModelAndView page = new ModelAndView("reason-required");
            page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            page.addObject("childId", childId);
            page.addObject("back", back);
            page.addObject("reasonError", "Enter why you need this record, in " + StatedReasons.MAXIMUM_LENGTH
                    + " characters or fewer, in words");
            return page;
        }
        reasons.remember(request, childId, reason);
        return new ModelAndView("redirect:" + back);
    }
}
