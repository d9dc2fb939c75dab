package org.oversight.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every page the signed-in user for the header and the role-based navigation. Handlers that answer with
 * a body of their own (JSON commands and reads) render no page, so they are spared the look-ups.
 */
@ControllerAdvice
public class PageShell {

    private final StaffDirectory directory;

    public PageShell(StaffDirectory directory) {
        this.directory = directory;
    }

    /**
     * Local authority names by code, so pages never show a bare code: read from the directory when a page first
     * looks one up, so that the many pages that show none (a caseload, a form) are spared the read.
     */
    @ModelAttribute("localAuthorityNames")
    Map<String, String> localAuthorityNames(HttpServletRequest request) {
        return rendersPage(request) ? new ReadWhenAsked(directory) : Map.of();
    }

    /** The directory's authority names, read on first use and kept for the rest of the request. */
    private static final class ReadWhenAsked extends AbstractMap<String, String> {

        private final StaffDirectory directory;
        private Map<String, String> names;

        ReadWhenAsked(StaffDirectory directory) {
            this.directory = directory;
        }

        private Map<String, String> names() {
            if (names == null) {
                names = directory.localAuthorities();
            }
            return names;
        }

        @Override
        public String get(Object code) {
            return names().get(code);
        }

        @Override
        public boolean containsKey(Object code) {
            return names().containsKey(code);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return names().entrySet();
        }
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return null;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return CurrentUser.from(authentication,
                directory.displayName(authentication.getName()).orElse(authentication.getName()));
    }

    /**
     * Whether the request is answered with a page. Not when its handler writes a body of its own, nor on any path
     * under {@code /api/}: a decision's handler answers a form with a page but the API with JSON, from one method.
     */
    static boolean rendersPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        return !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)));
    }
}
