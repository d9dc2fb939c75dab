package org.oversight.query.web;

import java.util.Map;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in user for the header and the role-based navigation. */
@ControllerAdvice
public class PageShell {

    private final StaffDirectory directory;

    public PageShell(StaffDirectory directory) {
        this.directory = directory;
    }

    /** Local authority names by code, so pages never show a bare code. */
    @ModelAttribute("localAuthorityNames")
    Map<String, String> localAuthorityNames() {
        return directory.localAuthorities();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return CurrentUser.from(authentication,
                directory.displayName(authentication.getName()).orElse(authentication.getName()));
    }
}
