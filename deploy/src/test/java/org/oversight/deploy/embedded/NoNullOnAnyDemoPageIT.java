package org.oversight.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * Every page a person of each demo role reaches by following links from the home page, over the demo's
 * children, reads as plain words: none shows the word "null" or "undefined" where a fact was missing, none answers
 * 5xx, every page says it is in British English, and every link of the header's navigation opens for the role
 * it is shown to. The walk is bounded: same-origin GET links only, downloads and signing out left aside, at most
 * {@value #PER_SHAPE} pages of each shape (a child's timeline is one shape, whichever child) and
 * {@value #PER_ROLE} pages a role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoNullOnAnyDemoPageIT {

    private static final int PER_SHAPE = 2;
    private static final int PER_ROLE = 150;
    private static final String REASON = "Checking the demo pages read as plain words";
    /** One demo person of each role (a chair who chairs in both roles, a manager, and so on). */
    private static final List<String> PEOPLE = List.of("chair.brown", "iro.ahmed", "manager.hughes", "qa.evans",
            "auditor.davies", "data.iqbal", "admin.ford", "regional.taylor");

    private static final Pattern LINK = Pattern.compile("<a\\s([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern NAVIGATION = Pattern.compile(
            "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern NULL_WORD = Pattern.compile("\\b(null|undefined)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|(?<=/)[A-Za-z0-9._-]*\\d[A-Za-z0-9._-]*(?=/|$)");

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.startWithDemoChildren(TestPostgres.freshDatabase());
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        Awaitility.await("the demo's children on the caseloads").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> chair.get("/api/caseload").body().contains("\"lookedAfter\":{"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void noDemoPageShowsNullOrFailsForAnyRole() {
        // the scan sees what a reader sees: the word in the text, not in an attribute or a script
        assertThat(NULL_WORD.matcher(visibleText("<dd>Placement: null</dd>")).find()).isTrue();
        assertThat(NULL_WORD.matcher(visibleText("<a data-x=\"null\">Placement: R1</a><script>x = null</script>"))
                .find()).isFalse();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String username : PEOPLE) {
            pages += walk(username, problems);
        }
        assertThat(problems).as("pages that show a missing fact as a word, fail, or refuse their own link")
                .isEmpty();
        assertThat(pages).as("pages walked").isGreaterThan(PEOPLE.size() * 3);
    }

    private int walk(String username, List<String> problems) {
        SignedInPerson person = SignedInPerson.signIn(app.baseUrl(), username, ApiClient.DEMO_PASSWORD);
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> shapes = new HashMap<>();
        int walked = 0;
        while (!queue.isEmpty() && walked < PER_ROLE) {
            String path = queue.removeFirst();
            HttpResponse<String> page = person.get(path, REASON);
            walked++;
            int status = page.statusCode();
            String where = username + " " + path;
            if (status >= 500) {
                problems.add(where + " answered " + status);
                continue;
            }
            String type = page.headers().firstValue("Content-Type").orElse("");
            if (status != 200 || !type.startsWith("text/html")) {
                continue;
            }
            String html = page.body();
            if (!html.contains("<html lang=\"en-GB\"")) {
                problems.add(where + " does not say it is in British English");
            }
            Matcher word = NULL_WORD.matcher(visibleText(html));
            if (word.find()) {
                String text = visibleText(html);
                problems.add(where + " shows \"" + word.group() + "\" in: "
                        + text.substring(Math.max(0, word.start() - 60), Math.min(text.length(), word.end() + 60)));
            }
            if (path.equals("/")) {
                navigationOpens(person, username, html, problems);
            }
            for (String link : links(html)) {
                String shape = ID.matcher(link.replaceAll("\\?.*", "")).replaceAll("{id}")
                        + (link.contains("?") ? "?" : "");
                if (seen.add(link) && shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
                    queue.addLast(link);
                }
            }
        }
        return walked;
    }

    /** Every link of the header's navigation opens for the person it is shown to. */
    private static void navigationOpens(SignedInPerson person, String username, String html, List<String> problems) {
        Matcher navigation = NAVIGATION.matcher(html);
        if (!navigation.find()) {
            problems.add(username + " sees no navigation");
            return;
        }
        for (String link : links(navigation.group(1))) {
            int status = person.get(link, REASON).statusCode();
            if (status != 200) {
                problems.add(username + " is shown " + link + " in the navigation, which answers " + status);
            }
        }
    }

    /** The same-origin GET links of a page worth following: no downloads, no signing out, no fragments. */
    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher tag = LINK.matcher(html);
        while (tag.find()) {
            String attributes = tag.group(1);
            Matcher href = HREF.matcher(attributes);
            if (!href.find() || attributes.contains(" download") || attributes.startsWith("download")) {
                continue;
            }
            String link = href.group(1).replace("&amp;", "&");
            int fragment = link.indexOf('#');
            if (fragment >= 0) {
                link = link.substring(0, fragment);
            }
            if (link.isEmpty() || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/logout")
                    || link.matches(".*\\.(pdf|csv|xlsx|json|zip|jsonl)(\\?.*)?$")
                    || link.matches(".*/(csv|xlsx|pdf)(\\?.*)?$") || link.startsWith("/webjars")
                    || link.startsWith("/assets") || link.startsWith("/css") || link.startsWith("/js")) {
                continue;
            }
            links.add(URI.create(link.replace(" ", "%20")).toString());
        }
        return links;
    }

    /** The words a reader sees: no scripts, styles, tags or attribute values. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ").replaceAll("&nbsp;", " ")
                .replaceAll("\\s+", " ");
    }
}
