package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auditors read and never write. Every handler in the running application that accepts POST, PUT, PATCH or
 * DELETE is found through Spring's handler mappings (so a handler added later is covered without changing this
 * test) and called as an auditor: each answers 403 and nothing is recorded. And the pages an auditor reads, and
 * every page they link to, offer the auditor no form that could change the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorReadOnlyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD = Pattern.compile("\\bmethod=\"([a-z]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"(/[^\"#]*)\"", Pattern.CASE_INSENSITIVE);
    private static final String SOME_ID = "5f0c1b6e-2c55-4c8e-9d63-0b3c4f2a1e01";
    /**
     * Posts that change no record, open to auditors: stating why a record is needed, finding a child (which
     * posts only to keep what is searched for out of the address), and exchanging a demo account's password for
     * a bearer token (a sign-in, open to everybody).
     */
    private static final Set<String> POSTS_THAT_CHANGE_NOTHING = Set.of("/access/reasons", "/children/search",
            "/api/children/search", "/api/tokens");
    /** An auditor opens children's records only with a stated reason, as the access rules ask. */
    private static final String AUDIT_REASON = "Quarterly audit";

    private final HttpClient http = HttpClient.newHttpClient();
    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.startWithDemoChildren(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    record Endpoint(String method, String path, MediaType contentType) {
    }

    private List<Endpoint> changingEndpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : app.context()
                .getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<RequestMethod> changing = methods.isEmpty() ? CHANGING : methods;
                MediaType type = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                        .orElse(MediaType.APPLICATION_JSON);
                for (RequestMethod method : changing) {
                    if (!CHANGING.contains(method)) {
                        continue;
                    }
                    for (String pattern : info.getPatternValues()) {
                        endpoints.add(new Endpoint(method.name(), pattern.replaceAll("\\{[^}]+}", SOME_ID), type));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    @Test
    void everyHandlerThatCouldChangeTheRecordRefusesAnAuditor() {
        List<Endpoint> endpoints = changingEndpoints();
        assertThat(endpoints).as("the application's changing handlers").hasSizeGreaterThan(40)
                .anyMatch(e -> e.path().equals("/api/children"))
                .anyMatch(e -> e.path().startsWith("/children/") && e.path().endsWith("/protection/initial-conference"));
        long eventsBefore = storedEvents();

        List<String> notRefused = new ArrayList<>();
        List<String> refusedReads = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            HttpResponse<String> response = send("auditor.davies", endpoint);
            boolean reads = POSTS_THAT_CHANGE_NOTHING.contains(endpoint.path());
            if (!reads && response.statusCode() != 403) {
                notRefused.add(endpoint + " answered " + response.statusCode());
            } else if (reads && response.statusCode() == 403) {
                refusedReads.add(endpoint.toString());
            }
        }

        assertThat(notRefused).as("changing handlers an auditor was not refused").isEmpty();
        assertThat(refusedReads).as("posts that change nothing, refused to an auditor").isEmpty();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        // the rule is about auditors, not about changing methods: a chair still reaches the handler
        HttpResponse<String> chair = send("chair.brown", new Endpoint("POST", "/api/children",
                MediaType.APPLICATION_JSON));
        assertThat(chair.statusCode()).as(chair.body()).isNotEqualTo(403);
    }

    @Test
    void thePagesAnAuditorReadsAndEveryPageTheyLinkToOfferNoWayToChangeTheRecord() {
        List<String> children = demoChildren();
        assertThat(children).isNotEmpty();
        Set<String> visited = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String child : children.subList(0, Math.min(children.size(), 6))) {
            for (String page : List.of("/children/" + child, "/children/" + child + "/history",
                    "/children/" + child + "/history/as-at", "/children/" + child + "/integrity",
                    "/children/" + child + "/timeline")) {
                String html = page(page, problems);
                checkForms(page, html, problems);
                Matcher links = LINK.matcher(html);
                while (links.find()) {
                    String link = links.group(1).replace("&amp;", "&");
                    if (link.startsWith("/logout") || link.contains("export.json") || !visited.add(link)) {
                        continue;
                    }
                    HttpResponse<String> response = get(link);
                    if (response.statusCode() == 200 && response.headers().firstValue("Content-Type").orElse("")
                            .startsWith("text/html")) {
                        checkForms(link, response.body(), problems);
                    }
                }
            }
        }
        assertThat(visited).as("links followed").hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    private String page(String path, List<String> problems) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            problems.add(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Every form an auditor sees only reads (GET, or a post that changes nothing), except signing out. */
    private static void checkForms(String page, String html, List<String> problems) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            String attributes = forms.group(1);
            Matcher method = METHOD.matcher(attributes);
            Matcher action = ACTION.matcher(attributes);
            String verb = method.find() ? method.group(1).toUpperCase(Locale.ROOT) : "GET";
            String target = action.find() ? action.group(1) : page;
            if (!verb.equals("GET") && !target.equals("/logout") && !POSTS_THAT_CHANGE_NOTHING.contains(target)) {
                problems.add(page + " offers a " + verb + " form to " + target);
            }
        }
    }

    /** At least six demo children, once the projections have put them on two chairs' caseloads. */
    private List<String> demoChildren() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    List<String> children = new ArrayList<>();
                    for (String chair : List.of("chair.brown", "iro.ahmed")) {
                        json(ApiClient.as(app.baseUrl(), chair).get("/api/caseload"))
                                .forEach(e -> children.add(e.get("childId").asText()));
                    }
                    return children;
                }, children -> children.size() >= 6);
    }

    private long storedEvents() {
        return app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private HttpResponse<String> send(String username, Endpoint endpoint) {
        String body = MediaType.APPLICATION_FORM_URLENCODED.includes(endpoint.contentType()) ? "reason=test" : "{}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + endpoint.path()))
                .header("Authorization", bearer(username))
                .header("Content-Type", endpoint.contentType().toString())
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", bearer("auditor.davies"))
                .header("Oversight-Reason", AUDIT_REASON).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String bearer(String username) {
        return "Bearer " + ApiClient.bearerToken(app.baseUrl(), username);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
