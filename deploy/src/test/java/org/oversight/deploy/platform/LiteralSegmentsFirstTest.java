package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A handler is found through {@link LiteralSegmentsFirst} exactly as through Spring MVC's own mapping, for paths
 * that match, paths that nearly match and paths that a plain comparison of text would get wrong (encoded, with
 * matrix variables, in another case, with two separators together, below a context path, as CORS pre-flights,
 * with a parser that ignores case, with request parameters); and a mapping is passed over only when its words are
 * not in their places in the path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiteralSegmentsFirstTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> CONTENT = java.util.Arrays.asList(null, "application/json",
            "application/x-www-form-urlencoded", "text/plain");
    private static final List<String> PATHS = List.of("/api/children", "/api/children/", "/api/children/c1",
            "/api/children/c1/chairs", "/api/children/c1/chairs/", "/api/children/c1/history", "/children/c1/chairs",
            "/api/%63hildren/c1/chairs", "/api/children;v=1/c1/chairs", "/api;x=2/children/c1", "/API/children/c1",
            "/api//children/c1", "/api/children//c1", "/", "", "/files/a/b.txt", "/files", "/abc/list", "/a/list",
            "/x/y", "/z/5", "/z", "/x", "/people", "/people/p1", "/somewhere/else", "/api", "/api/other/c1",
            "/api/children/c1/chairs/extra", "/api/children/;x/chairs", "/rest", "/rest/a/b");

    private RequestMappingHandlerMapping spring;
    private LiteralSegmentsFirst narrowed;

    @BeforeAll
    void mappings() {
        StaticWebApplicationContext context = handlersOnly();
        spring = HandlerLookups.over(context, new RequestMappingHandlerMapping());
        narrowed = HandlerLookups.over(context, new LiteralSegmentsFirst());
    }

    @Test
    void everyRequestFindsWhatSpringMvcFinds() {
        int matched = 0;
        for (String method : METHODS) {
            for (String path : PATHS) {
                for (String contentType : CONTENT) {
                    String expected = HandlerLookups.found(spring, method, path, contentType);
                    assertThat(HandlerLookups.found(narrowed, method, path, contentType))
                            .as("%s %s (%s)", method, path, contentType).isEqualTo(expected);
                    matched += expected.contains("Handlers.") ? 1 : 0;
                }
            }
        }
        // the paths above are not all refusals: the comparison covers found handlers too
        assertThat(matched).isGreaterThan(50);
        assertThat(HandlerLookups.found(narrowed, "POST", "/api/%63hildren/c1/chairs", "application/json"))
                .contains("chairsByApi").contains("c1");
        assertThat(HandlerLookups.found(narrowed, "PUT", "/api/children/c1/chairs", "application/json"))
                .startsWith("HttpRequestMethodNotSupportedException");
        assertThat(HandlerLookups.found(narrowed, "POST", "/api/children/c1/chairs", "text/plain"))
                .startsWith("HttpMediaTypeNotSupportedException");
    }

    @Test
    void aMappingThatNamesARequestParameterIsAskedAsSpringMvcAsksIt() {
        for (String view : List.of("short", "long")) {
            MockHttpServletRequest expected = HandlerLookups.request("GET", "", "/api/children/c1", null, false);
            expected.setParameter("view", view);
            MockHttpServletRequest actual = HandlerLookups.request("GET", "", "/api/children/c1", null, false);
            actual.setParameter("view", view);
            assertThat(HandlerLookups.found(narrowed, actual)).isEqualTo(HandlerLookups.found(spring, expected))
                    .contains(view.equals("short") ? "shortChild" : "child(");
        }
    }

    @Test
    void belowAContextPathAndForACorsPreflightTooItFindsWhatSpringMvcFinds() {
        for (String method : METHODS) {
            for (String path : PATHS) {
                for (boolean preflight : List.of(false, true)) {
                    String expected = HandlerLookups.found(spring,
                            HandlerLookups.request(method, "/oversight", path, "application/json", preflight));
                    assertThat(HandlerLookups.found(narrowed,
                            HandlerLookups.request(method, "/oversight", path, "application/json", preflight)))
                            .as("%s /oversight%s (pre-flight %s)", method, path, preflight).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void withPatternsComparedWithoutRegardToCaseItFindsWhatSpringMvcFinds() {
        StaticWebApplicationContext context = handlersOnly();
        PathPatternParser anyCase = new PathPatternParser();
        anyCase.setCaseSensitive(false);
        RequestMappingHandlerMapping springAnyCase = new RequestMappingHandlerMapping();
        springAnyCase.setPatternParser(anyCase);
        LiteralSegmentsFirst narrowedAnyCase = new LiteralSegmentsFirst();
        narrowedAnyCase.setPatternParser(anyCase);
        HandlerLookups.over(context, springAnyCase);
        HandlerLookups.over(context, narrowedAnyCase);
        for (String path : List.of("/API/Children/c1/CHAIRS", "/Api/children/c1", "/PEOPLE", "/X/Y")) {
            for (String method : List.of("GET", "POST")) {
                String expected = HandlerLookups.found(springAnyCase, method, path, "application/json");
                assertThat(HandlerLookups.found(narrowedAnyCase, method, path, "application/json"))
                        .as("%s %s", method, path).isEqualTo(expected);
            }
        }
        assertThat(HandlerLookups.found(narrowedAnyCase, "POST", "/API/Children/c1/CHAIRS", "application/json"))
                .contains("chairsByApi");
    }

    @Test
    void aMappingIsPassedOverOnlyWhenItsWordsAreNotInTheirPlacesInThePath() {
        assertThat(shape("/api/children/{id}/chairs")).isEqualTo(whole("api", "children", "", "chairs"));
        assertThat(shape("/api/children/{id}")).isEqualTo(whole("api", "children", ""));
        assertThat(shape("/api/{kind}/{id}")).isEqualTo(whole("api", "", ""));
        assertThat(shape("/{page}")).isEqualTo(whole(""));
        assertThat(shape("/files/**")).isEqualTo(begins("files"));
        assertThat(shape("/files/{id}/{*rest}")).as("captures before a wildcard ask nothing").isEqualTo(begins("files"));
        assertThat(shape("/api/{id:\\d+}/x")).isEqualTo(begins("api"));
        assertThat(shape("/api/children/")).isEqualTo(begins("api", "children"));
        assertThat(shape("/a*/list")).isEqualTo(begins());
        assertThat(shape("/")).isEqualTo(begins());
        assertThat(shape("")).isEqualTo(begins());

        List<String> request = segments("/api/children/c1/chairs");
        assertThat(mayMatch(request, whole("api", "children", "", "chairs"))).isTrue();
        assertThat(mayMatch(request, whole("api", "children", "", "history"))).isFalse();
        assertThat(mayMatch(request, whole("api", "children", ""))).as("a path too long for it").isFalse();
        assertThat(mayMatch(request, begins("api", "children"))).isTrue();
        assertThat(mayMatch(request, begins("api", "people"))).isFalse();
        assertThat(mayMatch(request, begins("api", "people"), begins("api"))).isTrue();
        assertThat(mayMatch(request, begins("children"))).isFalse();
        assertThat(mayMatch(request, begins("", "children"))).isTrue();
        assertThat(mayMatch(request, begins("api", "children", "c1", "chairs", "more"))).isFalse();
        assertThat(mayMatch(request)).as("no shapes: any path").isTrue();

        int passedOver = 0;
        for (RequestMappingInfo info : narrowed.getHandlerMethods().keySet()) {
            passedOver += LiteralSegmentsFirst.mayMatch(LiteralSegmentsFirst.shapesOf(info), request) ? 0 : 1;
        }
        // all but the API's chairs, the two that ask nothing of a path's segments (/a*/list, and / itself) and the
        // one that names a request parameter
        assertThat(passedOver).as("mappings not asked for a chair's allocation by the API").isEqualTo(11);
    }

    @Test
    void aPathIsComparedAsAPatternComparesIt() {
        assertThat(segments("/api/%63hildren;v=1/c1")).containsExactly("api", "children", "c1");
        assertThat(segments("/api/children/")).containsExactly("api", "children");
        assertThat(segments("/")).isEmpty();
        assertThat(segments("/api//children")).as("two separators together: every mapping is asked").isNull();
    }

    @Test
    void aMappingRegisteredWhileRunningIsFoundAndItsShapesGoWhenItIsUnregistered() throws Exception {
        LiteralSegmentsFirst mapping = HandlerLookups.over(handlersOnly(), new LiteralSegmentsFirst());
        RequestMappingInfo late = RequestMappingInfo.paths("/late/{id}/added").methods(RequestMethod.GET)
                .options(mapping.getBuilderConfiguration()).build();
        mapping.registerMapping(late, new Late(), Late.class.getMethod("added", String.class));
        assertThat(mapping.keepsShapesOf(late)).isFalse();

        assertThat(HandlerLookups.found(mapping, "GET", "/late/7/added", null)).contains("Late.added").contains("7");
        assertThat(mapping.keepsShapesOf(late)).isTrue();

        mapping.unregisterMapping(late);
        assertThat(mapping.keepsShapesOf(late)).isFalse();
        assertThat(HandlerLookups.found(mapping, "GET", "/late/7/added", null)).isEqualTo("nothing");
    }

    /** A context holding the handlers below and nothing else. */
    private static StaticWebApplicationContext handlersOnly() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("handlers", Handlers.class);
        context.refresh();
        return context;
    }

    private static LiteralSegmentsFirst.Shape shape(String pattern) {
        return LiteralSegmentsFirst.Shape.of(pattern);
    }

    private static LiteralSegmentsFirst.Shape whole(String... words) {
        return new LiteralSegmentsFirst.Shape(List.of(words), true);
    }

    private static LiteralSegmentsFirst.Shape begins(String... words) {
        return new LiteralSegmentsFirst.Shape(List.of(words), false);
    }

    private static boolean mayMatch(List<String> segments, LiteralSegmentsFirst.Shape... shapes) {
        return LiteralSegmentsFirst.mayMatch(List.of(shapes), segments);
    }

    private static List<String> segments(String path) {
        return LiteralSegmentsFirst.segmentsOf(PathContainer.parsePath(path));
    }

    /**
     * Handlers with the shapes Oversight's have, and some it does not. They stand in this test's own context only:
     * the profile, never active, keeps an application that scans this package from serving them.
     */
    @RestController
    @Profile("literal-segments-first-test-handlers")
    static class Handlers {

        @GetMapping("/api/children/{id}")
        String child(@PathVariable String id) {
            return id;
        }

        @PostMapping("/api/children")
        String register() {
            return "";
        }

        @PostMapping(path = "/api/children/{id}/chairs", consumes = "application/json")
        String chairsByApi(@PathVariable String id) {
            return id;
        }

        @PostMapping(path = "/children/{id}/chairs", consumes = "application/x-www-form-urlencoded")
        String chairsByForm(@PathVariable String id) {
            return id;
        }

        @GetMapping("/api/children/{id}/history")
        String history(@PathVariable String id) {
            return id;
        }

        @PutMapping("/api/children/{id}")
        String replace(@PathVariable String id) {
            return id;
        }

        @GetMapping("/{page}")
        String page(@PathVariable String page) {
            return page;
        }

        @GetMapping("/files/**")
        String file() {
            return "";
        }

        @GetMapping("/a*/list")
        String list() {
            return "";
        }

        @GetMapping({"/x/y", "/z/{id}"})
        String either() {
            return "";
        }

        @GetMapping("/")
        String home() {
            return "";
        }

        @RequestMapping("/people")
        String people() {
            return "";
        }

        @GetMapping(path = "/api/children/{id}", params = "view=short")
        String shortChild(@PathVariable String id) {
            return id;
        }

        @GetMapping("/rest/{*path}")
        String rest(@PathVariable String path) {
            return path;
        }

        @GetMapping("/api/{kind}/{id}")
        String anyKind(@PathVariable String kind, @PathVariable String id) {
            return kind + id;
        }
    }

    /** A handler registered in code while the mapping runs, as a plugin or a feature switch might. */
    public static class Late {

        public String added(String id) {
            return id;
        }
    }
}
