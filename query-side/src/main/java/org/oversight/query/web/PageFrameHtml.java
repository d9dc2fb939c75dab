package org.oversight.query.web;

import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame every page shares ({@code templates/layout.html}: head, header, navigation, footer), written in Java
 * for the pages that are written in Java because they are read all day long (a chair's caseload). The markup is
 * the layout's, element for element, so such a page looks, reads aloud and works without JavaScript as every
 * other page does; {@code ClosedAllocationsHttpIT} holds a caseload page's frame to the layout's.
 */
public final class PageFrameHtml {

    private PageFrameHtml() {
    }

    /**
     * Everything before the page's own content: the document's head with {@code title}, the header naming the
     * signed-in person and the navigation they may follow, with its sign-out form carrying the request's CSRF
     * token.
     *
     * @param user       {@code null} when nobody is signed in: then no header content and no navigation
     * @param navigation the links the person may follow ({@link RoleNavigation})
     * @param csrf       the request's token, {@code null} when the request has none
     */
    public static void open(StringBuilder html, String title, CurrentUser user, List<RoleNavigation.Shown> navigation,
            CsrfToken csrf) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en-GB" class="govuk-template">
                <head>
                    <meta charset="utf-8">
                    <title>""").append(text(title)).append("""
                </title>
                    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
                    <meta name="theme-color" content="#0b0c0c">
                    <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
                    <link rel="stylesheet" href="/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css">
                    <link rel="stylesheet" href="/css/oversight.css">
                </head>
                <body class="govuk-template__body">
                <script src="/js/govuk-frontend-supported.js"></script>
                <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>

                <header class="govuk-header oversight-header" data-module="govuk-header">
                    <div class="govuk-header__container govuk-width-container">
                        <div class="govuk-header__logo">
                            <a href="/" class="govuk-header__link govuk-header__link--homepage">
                                <span class="govuk-header__logotype-text oversight-logotype">Oversight</span>
                            </a>
                        </div>
                """);
        if (user != null) {
            html.append("""
                            <div class="govuk-header__content oversight-user">
                                <span class="govuk-header__service-name oversight-signed-in" data-testid="signed-in-as">
                                    <span>""").append(text(user.displayName())).append("""
                    </span>
                                    <span class="oversight-role">""").append(text("(" + user.roleTitle() + ")"))
                    .append("""
                    </span>
                                </span>
                            </div>
                    """);
        }
        html.append("""
                    </div>
                </header>
                """);
        if (user != null) {
            html.append("""

                    <section aria-label="Menu" class="govuk-service-navigation" data-module="govuk-service-navigation">
                        <div class="govuk-width-container">
                            <div class="govuk-service-navigation__container">
                                <nav aria-label="Main" class="govuk-service-navigation__wrapper">
                                    <ul class="govuk-service-navigation__list" id="navigation">
                    """);
            for (RoleNavigation.Shown link : navigation) {
                html.append("                <li class=\"").append(text(link.itemClass())).append("\">\n")
                        .append("                    <a class=\"govuk-service-navigation__link\" href=\"")
                        .append(text(link.href())).append('"');
                if (link.current()) {
                    html.append(" aria-current=\"page\">\n")
                            .append("                        <strong class=\"govuk-service-navigation__active-fallback\">")
                            .append(text(link.label())).append("</strong>\n");
                } else {
                    html.append(">\n                        ").append(text(link.label())).append('\n');
                }
                html.append("                    </a>\n                </li>\n");
            }
            if (csrf != null) {
                html.append("""
                                        <li class="govuk-service-navigation__item">
                                            <form method="post" action="/logout" class="oversight-inline-form">
                                                <input type="hidden" name=\"""").append(text(csrf.getParameterName()))
                        .append("\" value=\"").append(text(csrf.getToken())).append("""
                        ">
                                                <button type="submit" class="govuk-service-navigation__link oversight-link-button">Sign out</button>
                                            </form>
                                        </li>
                        """);
            }
            html.append("""
                                    </ul>
                                </nav>
                            </div>
                        </div>
                    </section>
                    """);
        }
        html.append("""

                <div class="govuk-width-container">
                    <main class="govuk-main-wrapper" id="main-content" role="main">
                """);
    }

    /** Everything after the page's own content: the footer and the pages' script. */
    public static void close(StringBuilder html) {
        html.append("""
                    </main>
                </div>

                <footer class="govuk-footer">
                    <div class="govuk-width-container">
                        <div class="govuk-footer__meta">
                            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                                <p class="govuk-body-s">Oversight holds special-category personal data about children: open and record only what your work with them needs.</p>
                            </div>
                        </div>
                    </div>
                </footer>
                <script type="module" src="/js/oversight.js"></script>
                </body>
                </html>
                """);
    }

    /**
     * The hidden field a posted form carries its CSRF token in, as Thymeleaf adds it to a form with
     * {@code th:action}; nothing when the request has no token.
     */
    public static void csrfField(StringBuilder html, CsrfToken csrf) {
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"").append(text(csrf.getParameterName())).append("\" value=\"")
                    .append(text(csrf.getToken())).append("\"/>");
        }
    }

    /** As {@code th:text} writes a value: nothing for {@code null}, and {@code & < > " '} escaped. */
    public static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
