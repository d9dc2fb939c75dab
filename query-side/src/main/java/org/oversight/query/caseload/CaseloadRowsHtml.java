package org.oversight.query.caseload;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The rows of the ranked caseload table as HTML, written here in one pass rather than by the template. Even with
 * the words put together in Java ({@link CaseloadRow}), the template evaluated some thirty expressions a row and
 * wrote each piece through the response's wrappers; a profile of a chair's page (25 rows) put half of the
 * request's processor time in Thymeleaf, most of it in those rows. Every value is escaped as the template's
 * {@code th:text} escapes it; the markup is the template's, so the page reads, works and is tested as before.
 */
public final class CaseloadRowsHtml {

    private CaseloadRowsHtml() {
    }

    /** @param showChair whether the table has a column for each allocation's chair (a team's caseload) */
    public static String of(List<CaseloadRow> rows, boolean showChair) {
        StringBuilder html = new StringBuilder(rows.size() * 1_600);
        for (CaseloadRow r : rows) {
            row(html, r, showChair);
        }
        return html.toString();
    }

    private static void row(StringBuilder html, CaseloadRow r, boolean showChair) {
        String child = text(r.childId());
        html.append("<tr class=\"govuk-table__row\" data-child=\"").append(child).append("\">\n")
                .append("<th scope=\"row\" class=\"govuk-table__header\">\n")
                .append("<a class=\"govuk-link\" href=\"/children/").append(child).append("\">")
                .append(text(r.name())).append("</a>\n")
                .append("<span class=\"govuk-body-s govuk-!-display-block\">").append(text(r.born()))
                .append("</span>\n</th>\n")
                .append("<td class=\"govuk-table__cell\"><strong class=\"").append(text(r.urgencyTag()))
                .append("\" data-testid=\"urgency\">").append(text(r.urgency())).append("</strong></td>\n");
        if (r.nextName() == null) {
            html.append("<td class=\"govuk-table__cell\" data-testid=\"next-due\"><span>Nothing due</span></td>\n");
        } else {
            html.append("<td class=\"govuk-table__cell\" data-testid=\"next-due\">\n<span>")
                    .append(text(r.nextName())).append("</span>\n");
            if (r.dueWithNext() != null) {
                html.append("<strong class=\"govuk-tag govuk-tag--yellow govuk-!-display-block\" ")
                        .append("data-testid=\"due-with-next\">").append(text(r.dueWithNext())).append("</strong>\n");
            }
            html.append("<span class=\"govuk-!-display-block govuk-body-s\">").append(text(r.nextDue()))
                    .append("</span>\n")
                    .append("<a class=\"govuk-link govuk-body-s\" href=\"/children/").append(child)
                    .append("/timeline\">Timeline<span class=\"govuk-visually-hidden\"> for ")
                    .append(text(r.name())).append("</span></a>\n</td>\n");
        }
        if (showChair) {
            html.append("<td class=\"govuk-table__cell\">").append(text(r.chairName())).append("</td>\n");
        }
        html.append("<td class=\"govuk-table__cell\">\n<span>").append(text(r.role())).append("</span>\n")
                .append("<span class=\"govuk-body-s govuk-!-display-block\">").append(text(r.roleSince()))
                .append("</span>\n</td>\n")
                .append("<td class=\"govuk-table__cell\">\n<span>").append(text(r.plan())).append("</span>\n");
        if (r.planDetail() != null) {
            html.append("<span class=\"govuk-body-s govuk-!-display-block\">").append(text(r.planDetail()))
                    .append("</span>\n");
        }
        html.append("</td>\n");
        CaseloadRow.LookedAfter la = r.lookedAfter();
        if (la == null) {
            html.append("<td class=\"govuk-table__cell\" data-testid=\"looked-after\"><span>Not looked after</span>")
                    .append("</td>\n");
        } else {
            html.append("<td class=\"govuk-table__cell\" data-testid=\"looked-after\">\n")
                    .append("<ul class=\"govuk-list govuk-body-s\">\n")
                    .append("<li>").append(text(la.since())).append("</li>\n")
                    .append("<li>").append(text(la.lastReview())).append("</li>\n")
                    .append("<li data-testid=\"open-actions\">").append(text(la.openActions())).append("</li>\n");
            if (la.overdueActions() != null) {
                html.append("<li data-testid=\"overdue-actions\"><strong class=\"govuk-tag govuk-tag--red\">")
                        .append(text(la.overdueActions())).append("</strong></li>\n");
            }
            html.append("<li>").append(text(la.iroChanges())).append("</li>\n</ul>\n</td>\n");
        }
        html.append("</tr>\n");
    }

    /** As {@code th:text} writes a value: nothing for {@code null}, and {@code & < > " '} escaped. */
    static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
