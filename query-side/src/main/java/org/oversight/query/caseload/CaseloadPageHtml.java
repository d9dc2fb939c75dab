package org.oversight.query.caseload;

import static org.oversight.query.web.PageFrameHtml.text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.web.CurrentUser;
import org.oversight.query.web.PageFrameHtml;
import org.oversight.query.web.RoleNavigation;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * A chair's caseload page written in Java, frame and all ({@link PageFrameHtml}), rather than by Thymeleaf. The
 * page is opened many times a day by every chair; with its rows already written in Java ({@link CaseloadRowsHtml})
 * a profile at the size of a large authority still put about half of the request's processor time in the
 * template: the layout, the navigation, the filter form, the bands and the pagination, a hundred-odd expressions
 * evaluated on every request. The markup is that of the template it replaces and of the fragments the team's
 * caseload still uses ({@code fragments/urgency.html}, {@code fragments/caseload-selection.html}), element for
 * element: the same GOV.UK components, labels, test ids and plain HTML forms, so the page reads aloud and works
 * without JavaScript exactly as before. Every value is escaped as {@code th:text} escapes it.
 */
final class CaseloadPageHtml implements View {

    /** What the page shows, gathered by the handler. */
    record Content(boolean own, String chair, String chairName, LocalDate today, List<CaseloadRow> rows,
            String rowsHtml, int closed, Map<Urgency, Integer> bands, CaseloadSelection selection,
            Map<String, String> fixed, CaseloadPaging paging, String clearHref, String searchedName) {
    }

    private static final String PATH = "/caseload";

    private final Content content;

    CaseloadPageHtml(Content content) {
        this.content = content;
    }

    @Override
    public String getContentType() {
        return "text/html;charset=UTF-8";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CsrfToken csrf = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token : null;
        Object navigation = model.get("navigation");
        String html = write(content, model.get("currentUser") instanceof CurrentUser user ? user : null,
                navigation instanceof List<?> links ? (List<RoleNavigation.Shown>) links : List.of(), csrf,
                RequestContextUtils.getLocale(request));
        response.setContentType(getContentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html);
    }

    /** The whole page. */
    static String write(Content c, CurrentUser user, List<RoleNavigation.Shown> navigation, CsrfToken csrf,
            Locale locale) {
        StringBuilder html = new StringBuilder(8_000 + c.rowsHtml().length());
        PageFrameHtml.open(html, c.own() ? "My caseload – Oversight" : "Caseload of " + c.chairName()
                + " – Oversight", user, navigation, csrf);
        CaseloadSelection selection = c.selection();
        boolean firstUnfiltered = !selection.filtered() && selection.page() == 1;
        html.append("<section>\n    <h1 class=\"govuk-heading-l\">")
                .append(text(c.own() ? "My caseload" : "Caseload of " + c.chairName())).append("</h1>\n")
                .append("    <p class=\"govuk-body\">Children are ranked by their most urgent open clock as at\n")
                .append("        <span>").append(text(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale)
                        .format(c.today())))
                .append("</span>: overdue first, then due within\n")
                .append("        5 working days, within 20 working days, and on track. ")
                .append("<a class=\"govuk-link\" href=\"/caseload/team\">Your team's caseload</a></p>\n");
        if (c.rows().isEmpty() && c.closed() == 0 && firstUnfiltered) {
            html.append("    <p class=\"govuk-body\">").append(text(c.own() ? "No children are allocated to you yet."
                    : "No children are allocated to " + c.chairName() + " yet.")).append("</p>\n");
        }
        if (c.rows().isEmpty() && c.closed() > 0 && firstUnfiltered) {
            html.append("    <p class=\"govuk-body\">No open allocations: every child's plan or period of care has ")
                    .append("ended.</p>\n");
        }
        if (!(c.rows().isEmpty() && firstUnfiltered)) {
            html.append("    <h2 class=\"govuk-heading-m\">How urgent</h2>\n");
            bands(html, c.bands());
            filters(html, c, csrf);
            showing(html, c.paging(), selection, locale);
            if (!c.rows().isEmpty()) {
                table(html, c, locale);
            }
            pagination(html, c, csrf);
        }
        if (c.closed() > 0) {
            String closedHref = c.chair() == null ? "/caseload/closed"
                    : "/caseload/closed?chair=" + UriUtils.encodeQueryParam(c.chair(), StandardCharsets.UTF_8);
            html.append("    <p class=\"govuk-body\" data-testid=\"closed-allocations\">\n        <span>")
                    .append(text(c.closed() + (c.closed() == 1 ? " allocation has" : " allocations have")
                            + " closed: the plan or period of care ended and nothing is left due."))
                    .append("</span>\n        <a class=\"govuk-link\" href=\"").append(text(closedHref))
                    .append("\">View closed allocations<span class=\"govuk-visually-hidden\">")
                    .append(text(c.own() ? "" : " of " + c.chairName())).append("</span></a>\n    </p>\n");
        }
        html.append("</section>\n");
        PageFrameHtml.close(html);
        return html.toString();
    }

    /** As the fragment {@code urgency :: bands}: how many children are in each band, as a summary list. */
    private static void bands(StringBuilder html, Map<Urgency, Integer> bands) {
        html.append("    <dl class=\"govuk-summary-list govuk-summary-list--no-border oversight-bands\" ")
                .append("data-testid=\"bands\">\n");
        for (Map.Entry<Urgency, Integer> b : bands.entrySet()) {
            int children = b.getValue();
            html.append("    <div class=\"govuk-summary-list__row\">\n")
                    .append("        <dt class=\"govuk-summary-list__key\">\n")
                    .append("            <strong class=\"").append(text("govuk-tag govuk-tag--" + b.getKey().colour()))
                    .append("\">").append(text(b.getKey().label())).append("</strong>\n        </dt>\n")
                    .append("        <dd class=\"govuk-summary-list__value\" data-band=\"").append(b.getKey().name())
                    .append("\">").append(children).append(children == 1 ? " child" : " children")
                    .append("</dd>\n    </div>\n");
        }
        html.append("    </dl>\n");
    }

    /** As the fragment {@code caseload-selection :: filters}: one posted form of filters, order and name search. */
    private static void filters(StringBuilder html, Content c, CsrfToken csrf) {
        CaseloadSelection selection = c.selection();
        html.append("    <form method=\"post\" action=\"").append(PATH).append("\" novalidate ")
                .append("data-testid=\"caseload-filters\" class=\"oversight-caseload-filters\">");
        PageFrameHtml.csrfField(html, csrf);
        html.append('\n');
        hidden(html, c.fixed());
        html.append("""
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                            <h2 class="govuk-fieldset__heading">Filter and sort</h2>
                        </legend>
                        <div class="govuk-grid-row">
                """);
        selectOpen(html, "role", "Role");
        html.append("                    <option value=\"\">Either role</option>\n");
        for (ChairRole r : ChairRole.values()) {
            option(html, r.name(), r.title(), selection.role() == r);
        }
        selectClose(html);
        selectOpen(html, "kind", "Plan or period of care");
        html.append("                    <option value=\"\">Any child</option>\n");
        for (CaseloadSelection.Kind k : CaseloadSelection.Kind.values()) {
            option(html, k.name(), k.label(), selection.kind() == k);
        }
        selectClose(html);
        selectOpen(html, "due", "How soon");
        html.append("                    <option value=\"\">Any</option>\n");
        for (CaseloadSelection.Due d : CaseloadSelection.Due.values()) {
            option(html, d.name(), d.label(), selection.due() == d);
        }
        selectClose(html);
        selectOpen(html, "sort", "Sort by");
        for (CaseloadSelection.Sort o : CaseloadSelection.Sort.values()) {
            option(html, o.name(), o.label(), selection.sort() == o);
        }
        selectClose(html);
        html.append("""
                        </div>
                        <div class="govuk-form-group">
                            <label class="govuk-label govuk-label--s" for="name">Child's name contains</label>
                            <div class="govuk-hint" id="name-hint">Part of a first or last name. The search is sent with the form and
                                never kept in the page's address.</div>
                            <input class="govuk-input govuk-input--width-20" id="name" name="name" type="text" spellcheck="false"
                                   autocomplete="off" aria-describedby="name-hint" value=\"""")
                .append(text(c.searchedName())).append("""
                ">
                        </div>
                    </fieldset>
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" data-module="govuk-button">Apply</button>
                        <a class="govuk-link" href=\"""").append(text(c.clearHref())).append("""
                ">Clear filters</a>
                    </div>
                </form>
                """);
    }

    private static void selectOpen(StringBuilder html, String name, String label) {
        html.append("            <div class=\"govuk-grid-column-one-quarter govuk-form-group\">\n")
                .append("                <label class=\"govuk-label govuk-label--s\" for=\"").append(name).append("\">")
                .append(text(label)).append("</label>\n")
                .append("                <select class=\"govuk-select\" id=\"").append(name).append("\" name=\"")
                .append(name).append("\">\n");
    }

    private static void selectClose(StringBuilder html) {
        html.append("                </select>\n            </div>\n");
    }

    private static void option(StringBuilder html, String value, String label, boolean selected) {
        html.append("                    <option value=\"").append(text(value)).append('"')
                .append(selected ? " selected=\"selected\">" : ">").append(text(label)).append("</option>\n");
    }

    /** A hidden field for each value the address must keep (whose caseload), as the template's loop writes them. */
    private static void hidden(StringBuilder html, Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value != null) {
                html.append("    <input type=\"hidden\" name=\"").append(text(name)).append("\" value=\"")
                        .append(text(value)).append("\">\n");
            }
        });
    }

    /** As the fragment {@code caseload-selection :: showing}: what the table shows of how many, in words. */
    private static void showing(StringBuilder html, CaseloadPaging paging, CaseloadSelection selection,
            Locale locale) {
        String words = paging.total() == 0 ? "No allocations match."
                : "Showing " + paging.first() + " to " + paging.last() + " of " + paging.total()
                        + (paging.total() == 1 ? " allocation" : " allocations") + ", "
                        + selection.sort().label().toLowerCase(locale) + (selection.filtered() ? ", filtered" : "")
                        + ".";
        html.append("    <p class=\"govuk-body\" data-testid=\"caseload-showing\" aria-live=\"polite\">")
                .append(text(words)).append("</p>\n");
    }

    /** As the fragment {@code urgency :: ranked}, its rows those of {@link CaseloadRowsHtml}. */
    private static void table(StringBuilder html, Content c, Locale locale) {
        CaseloadPaging paging = c.paging();
        html.append("    <table class=\"govuk-table\" data-testid=\"caseload\">\n")
                .append("    <caption class=\"govuk-table__caption govuk-table__caption--m\">")
                .append(text("Allocations " + paging.first() + " to " + paging.last() + " of " + paging.total()
                        + ", " + c.selection().sort().label().toLowerCase(locale)))
                .append("</caption>\n")
                .append("""
                            <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">Child</th>
                                <th scope="col" class="govuk-table__header">Urgency</th>
                                <th scope="col" class="govuk-table__header">Next due</th>
                                <th scope="col" class="govuk-table__header">Role</th>
                                <th scope="col" class="govuk-table__header">Child protection plan</th>
                                <th scope="col" class="govuk-table__header">Looked after</th>
                            </tr>
                            </thead>
                            <tbody class="govuk-table__body">""")
                .append(c.rowsHtml())
                .append("</tbody>\n    </table>\n");
    }

    /**
     * As the fragment {@code caseload-selection :: pagination}: GOV.UK pagination of links carrying the filters
     * and order, or while a name is searched for, of buttons posting the search again (the name never goes into
     * an address).
     */
    private static void pagination(StringBuilder html, Content c, CsrfToken csrf) {
        CaseloadPaging paging = c.paging();
        if (paging.items().size() <= 1) {
            return;
        }
        html.append("    <div>\n");
        if (!paging.byPost()) {
            html.append("    <nav class=\"govuk-pagination\" aria-label=\"Pages of the caseload\" ")
                    .append("data-testid=\"pagination\">\n");
            if (paging.previous() != null) {
                html.append("        <div class=\"govuk-pagination__prev\">\n")
                        .append("            <a class=\"govuk-link govuk-pagination__link\" href=\"")
                        .append(text(paging.previous().href())).append("\" rel=\"prev\">\n")
                        .append(PREVIOUS_ICON).append(PREVIOUS_TITLE).append("            </a>\n        </div>\n");
            }
            html.append("        <ul class=\"govuk-pagination__list\">\n");
            for (CaseloadPaging.Item item : paging.items()) {
                html.append("            <li class=\"").append(text(item.itemClass())).append("\">\n");
                if (item.ellipsis()) {
                    html.append("                &ctdot;\n");
                } else {
                    html.append("                <a class=\"govuk-link govuk-pagination__link\" href=\"")
                            .append(text(item.href())).append("\" aria-label=\"Page ").append(item.number())
                            .append('"').append(item.current() ? " aria-current=\"page\">" : ">")
                            .append(item.number()).append("</a>\n");
                }
                html.append("            </li>\n");
            }
            html.append("        </ul>\n");
            if (paging.next() != null) {
                html.append("        <div class=\"govuk-pagination__next\">\n")
                        .append("            <a class=\"govuk-link govuk-pagination__link\" href=\"")
                        .append(text(paging.next().href())).append("\" rel=\"next\">\n")
                        .append(NEXT_TITLE).append(NEXT_ICON).append("            </a>\n        </div>\n");
            }
            html.append("    </nav>\n");
        } else {
            html.append("    <form method=\"post\" action=\"").append(PATH).append("\" data-testid=\"pagination\">");
            PageFrameHtml.csrfField(html, csrf);
            html.append('\n');
            hidden(html, c.fixed());
            hidden(html, c.selection().address());
            html.append("    <input type=\"hidden\" name=\"name\" value=\"").append(text(c.searchedName()))
                    .append("\">\n")
                    .append("    <nav class=\"govuk-pagination\" aria-label=\"Pages of the caseload\">\n");
            if (paging.previous() != null) {
                html.append("        <div class=\"govuk-pagination__prev\">\n")
                        .append("            <button type=\"submit\" name=\"page\" value=\"")
                        .append(paging.previous().number()).append("\" rel=\"prev\"\n")
                        .append("                    class=\"govuk-link govuk-pagination__link oversight-link-button\">\n")
                        .append(PREVIOUS_TITLE).append("            </button>\n        </div>\n");
            }
            html.append("        <ul class=\"govuk-pagination__list\">\n");
            for (CaseloadPaging.Item item : paging.items()) {
                html.append("            <li class=\"").append(text(item.itemClass())).append("\">\n");
                if (item.ellipsis()) {
                    html.append("                &ctdot;\n");
                } else {
                    html.append("                <button type=\"submit\" name=\"page\" value=\"").append(item.number())
                            .append("\"\n                        class=\"govuk-link govuk-pagination__link ")
                            .append("oversight-link-button\" aria-label=\"Page ").append(item.number()).append('"')
                            .append(item.current() ? " aria-current=\"page\">" : ">").append(item.number())
                            .append("</button>\n");
                }
                html.append("            </li>\n");
            }
            html.append("        </ul>\n");
            if (paging.next() != null) {
                html.append("        <div class=\"govuk-pagination__next\">\n")
                        .append("            <button type=\"submit\" name=\"page\" value=\"")
                        .append(paging.next().number()).append("\"\n")
                        .append("                    class=\"govuk-link govuk-pagination__link oversight-link-button\">\n")
                        .append(NEXT_TITLE).append("            </button>\n        </div>\n");
            }
            html.append("    </nav>\n    </form>\n");
        }
        html.append("    </div>\n");
    }

    private static final String PREVIOUS_ICON = """
                            <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                                <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
                            </svg>
            """;
    private static final String PREVIOUS_TITLE = """
                            <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>
            """;
    private static final String NEXT_TITLE = """
                            <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
            """;
    private static final String NEXT_ICON = """
                            <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                                <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
                            </svg>
            """;
}
