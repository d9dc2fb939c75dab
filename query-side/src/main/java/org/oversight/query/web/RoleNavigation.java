package org.oversight.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.oversight.events.access.Operation;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's links by role: each person sees a link to every page of the service they may use by their roles,
 * decided by the same access rule the page itself enforces ({@link CurrentUser#may}), and the link of the part of
 * the service they are in is marked as the current one.
 */
@ControllerAdvice
public class RoleNavigation {

    /**
     * One link of the navigation: {@code operation} is the access rule of the page it leads to; {@code chairOnly}
     * keeps a chair's own caseload to chairs (others may read a chair's caseload, but have none of their own).
     */
    public record Link(String label, String href, Operation operation, boolean chairOnly) {
    }

    /** A link as one person sees it. */
    public record Shown(String label, String href, boolean current) {

        /** The item's classes (put together here: a template reads two underscores as preprocessing). */
        public String itemClass() {
            return current ? "govuk-service-navigation__item govuk-service-navigation__item--active"
                    : "govuk-service-navigation__item";
        }
    }

    /** Every link, in the order shown: a chair's work first, then oversight, then records, then administration. */
    public static final List<Link> LINKS = List.of(
            new Link("My caseload", "/caseload", Operation.READ_CASELOAD, true),
            new Link("Team caseload", "/caseload/team", Operation.READ_TEAM_CASELOAD, false),
            new Link("Register a child", "/children/new", Operation.REGISTER_CHILD, false),
            new Link("Find a child", "/children/search", Operation.SEARCH_CHILDREN, false),
            new Link("Timeliness", "/service", Operation.READ_SERVICE, false),
            new Link("Escalations", "/escalations", Operation.READ_ESCALATION_FIGURES, false),
            new Link("IRO report", "/report", Operation.READ_ESCALATION_FIGURES, false),
            new Link("Report by authority", "/report/authorities", Operation.READ_REGIONAL_FIGURES, false),
            new Link("Figures", "/figures", Operation.READ_REGIONAL_FIGURES, false),
            new Link("Returns", "/returns", Operation.EXPORT_RETURNS, false),
            new Link("Read log", "/audit/reads", Operation.READ_READ_LOG, false),
            new Link("Subject access", "/subject-access/search", Operation.SEARCH_SUBJECT_ACCESS, false),
            new Link("Retention", "/retention", Operation.READ_RETENTION, false),
            new Link("Dead letters", "/operations/dead-letters", Operation.OPERATE_PROJECTIONS, false),
            new Link("Local timescales", "/settings", Operation.READ_SETTINGS, false),
            new Link("People", "/people", Operation.MANAGE_PEOPLE, false),
            new Link("Import history", "/imports", Operation.IMPORT_HISTORY, false));

    @ModelAttribute("navigation")
    List<Shown> navigation(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !PageShell.rendersPage(request)) {
            return List.of();
        }
        // only the roles matter here; the name shown is the header's business (PageShell)
        return shownTo(CurrentUser.from(authentication, authentication.getName()), request.getRequestURI());
    }

    /** The links the person may follow, the one whose page (or a page beneath it) is {@code path} current. */
    public static List<Shown> shownTo(CurrentUser user, String path) {
        String current = LINKS.stream().filter(l -> mayUse(user, l))
                .filter(l -> path.equals(l.href()) || path.startsWith(l.href() + "/"))
                .map(Link::href).reduce((a, b) -> b.length() > a.length() ? b : a).orElse(null);
        return LINKS.stream().filter(l -> mayUse(user, l))
                .map(l -> new Shown(l.label(), l.href(), l.href().equals(current))).toList();
    }

    private static boolean mayUse(CurrentUser user, Link link) {
        return user.may(link.operation().name()) && (!link.chairOnly() || user.is("CHAIR"));
    }
}
