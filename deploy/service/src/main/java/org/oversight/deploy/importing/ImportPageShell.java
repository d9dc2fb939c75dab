package org.oversight.deploy.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.CurrentUser;
import org.oversight.query.web.PageShell;
import org.oversight.query.web.RoleNavigation;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header of the import pages on the command service, where the query side's {@link PageShell} and {@link
 * RoleNavigation} (which give every other page the signed-in person and the links of their roles) do not run:
 * the same person and the same links, for these pages alone, so that they look as they do in the all-in-one
 * service. The command service's other handlers answer decisions and are spared the look-up.
 */
@ControllerAdvice(assignableTypes = ImportPages.class)
public class ImportPageShell {

    private final StaffDirectory directory;

    public ImportPageShell(StaffDirectory directory) {
        this.directory = directory;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = signedIn();
        return authentication == null ? null : CurrentUser.from(authentication,
                directory.displayName(authentication.getName()).orElse(authentication.getName()));
    }

    @ModelAttribute("navigation")
    List<RoleNavigation.Shown> navigation(HttpServletRequest request) {
        Authentication authentication = signedIn();
        return authentication == null ? List.of() : RoleNavigation.shownTo(
                CurrentUser.from(authentication, authentication.getName()), request.getRequestURI());
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : authentication;
    }
}
