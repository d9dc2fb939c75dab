package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.web.CommandTargets;
import org.oversight.command.web.ConstructedAggregates;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * What a request passes through on its way to a decision, with the work it does not need taken out: the security
 * filters run without a lookup of the request's handler in front of them, matching paths as path patterns; an
 * aggregate is made with its own constructor; a request's handler is found among the mappings whose words fit its
 * path, and is the one Spring MVC would find among them all; and a check of a log level asks no filter. The access
 * rules the paths carry are checked here again through HTTP, for the paths the security configuration names itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestPathIT {

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theSecurityFiltersHaveNoHandlerLookupInFrontOfThem() {
        BeanDefinition chain = app.context().getBeanFactory()
                .getBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN);
        List<String> built = classesWithin(chain);
        assertThat(built).as("the filters the chain is built from").isNotEmpty()
                .noneMatch(name -> name.contains("HandlerMappingIntrospector"))
                .noneMatch(name -> name.contains("WebMvcSecurityConfiguration"));
        assertThat(app.context().getBean(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN))
                .isInstanceOf(FilterChainProxy.class);
        // the one firewall, which the filter chain takes from the context: a second would leave it the default
        assertThat(app.context().getBeansOfType(HttpFirewall.class)).hasSize(1);
        // the chain's bean wraps the filter chain to parse each request's path first; the firewall is the inner one's
        Object filters = app.context().getBean(FilterChainProxy.class);
        Object inner = ReflectionTestUtils.getField(filters, "springSecurityFilterChain");
        assertThat(inner).as("the filter chain within the path's parsing").isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(inner, "firewall")).as("the firewall the filters use")
                .isSameAs(app.context().getBean(HttpFirewall.class));
    }

    @Test
    void everyMappingIsFoundAsSpringMvcWouldFindIt() {
        RequestMappingHandlerMapping mapping = app.context().getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        assertThat(mapping).isInstanceOf(LiteralSegmentsFirst.class);
        assertThat(app.context().getBeanNamesForType(LiteralSegmentsFirstTest.Handlers.class))
                .as("the lookup test's handlers are not Oversight's").isEmpty();
        RequestMappingHandlerMapping spring = HandlerLookups.over(app.context(), new RequestMappingHandlerMapping());
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            assertThat(info.getPathPatternsCondition()).as("%s matched as path patterns", info).isNotNull();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{[^}]*}", "p1")
                        .replace("/**", "/a/b").replace("*", "a");
                paths.add(path);
                paths.add(path + "/more");
            }
        }
        assertThat(paths).hasSizeGreaterThan(300);
        int found = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST")) {
                for (String contentType : Arrays.asList(null, "application/json",
                        "application/x-www-form-urlencoded")) {
                    String expected = HandlerLookups.found(spring, method, path, contentType);
                    assertThat(HandlerLookups.found(mapping, method, path, contentType))
                            .as("%s %s (%s)", method, path, contentType).isEqualTo(expected);
                    found += expected.startsWith("nothing") || expected.contains("Exception") ? 0 : 1;
                }
            }
        }
        assertThat(found).as("lookups that found a handler").isGreaterThan(300);
    }

    /** The classes of a definition and of every definition it is given as a constructor argument, all the way in. */
    private static List<String> classesWithin(BeanDefinition definition) {
        List<String> classes = new ArrayList<>();
        classes.add(String.valueOf(definition.getBeanClassName()));
        for (ValueHolder argument : definition.getConstructorArgumentValues().getIndexedArgumentValues().values()) {
            if (argument.getValue() instanceof BeanDefinition inner) {
                classes.addAll(classesWithin(inner));
            } else if (argument.getValue() instanceof List<?> list) {
                list.stream().filter(BeanDefinition.class::isInstance)
                        .forEach(inner -> classes.addAll(classesWithin((BeanDefinition) inner)));
            }
        }
        return classes;
    }

    @Test
    void everyAggregateIsMadeWithItsOwnConstructorAndCommandsFindTheirsThroughTheKeptMembers() {
        String[] aggregates = app.context().getBeanNamesForAnnotation(Aggregate.class);
        assertThat(aggregates).hasSizeGreaterThanOrEqualTo(8);
        for (String aggregate : aggregates) {
            assertThat(app.context().getBean(aggregate + "AggregateFactory")).as(aggregate)
                    .isInstanceOf(ConstructedAggregates.class);
        }
        assertThat(app.context().getBean(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }

    @Test
    void thePathsOpenToEveryoneAreOpenAndNothingElseIs() {
        ApiClient anyone = ApiClient.anonymous(app.baseUrl());
        assertThat(anyone.get("/login").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/js/oversight.js").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/api/caseload").statusCode()).isEqualTo(401);
        assertThat(anyone.get("/actuator/prometheus").statusCode()).isIn(302, 401);
        assertThat(anyone.get("/login/../api/caseload").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theOperatorsEndpointsAreTheAdministratorsOnlyWithOrWithoutATrailingSlash() {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        ApiClient administrator = ApiClient.as(app.baseUrl(), "admin.ford");
        assertThat(chair.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(chair.get("/actuator/prometheus/").statusCode()).isEqualTo(403);
        assertThat(chair.get("/actuator").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = administrator.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count");
    }

    @Test
    void levelChecksAskNoFilterAndTheEventsWrittenAreStillCounted() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logback.getTurboFilterList()).as("filters logback asks before every level check").isEmpty();
        Counter warnings = app.context().getBean(MeterRegistry.class).get("logback.events").tag("level", "warn")
                .counter();
        double before = warnings.count();
        LoggerFactory.getLogger(RequestPathIT.class).warn("A warning to be counted");
        assertThat(warnings.count()).isGreaterThanOrEqualTo(before + 1);
        HttpResponse<String> metrics = ApiClient.as(app.baseUrl(), "admin.ford").get("/actuator/prometheus");
        assertThat(metrics.body()).containsPattern("logback_events_total\\{[^}]*level=\"warn\"");
    }

    @Test
    void aDecisionIsRecordedThroughThePath() {
        ApiClient chair = ApiClient.as(app.baseUrl(), "chair.brown");
        HttpResponse<String> registered = chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"PATH1","givenName":"Pat","familyName":"Path",
                 "dateOfBirth":"2015-03-02"}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = registered.body().replaceAll(".*\"childId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> allocated = chair.post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"2025-01-06\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        HttpResponse<String> period = chair.post("/api/children/" + child + "/looked-after/periods",
                "{\"startedOn\":\"2025-01-06\",\"legalStatus\":\"C2\"}");
        assertThat(period.statusCode()).as(period.body()).isEqualTo(200);
        HttpResponse<String> consulted = chair.post("/api/children/" + child + "/looked-after/consultations",
                "{\"consultedOn\":\"2025-02-03\",\"method\":\"IN_PERSON\",\"seenAlone\":true,"
                        + "\"privateConversation\":\"SPOKE_IN_PRIVATE\"}");
        assertThat(consulted.statusCode()).as(consulted.body()).isEqualTo(200);
        HttpResponse<String> again = chair.post("/api/children/" + child + "/looked-after/consultations",
                "{\"consultedOn\":\"2025-03-03\",\"method\":\"IN_PERSON\",\"seenAlone\":true,"
                        + "\"privateConversation\":\"SPOKE_IN_PRIVATE\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(chair.post("/api/children/" + child + "/looked-after/consultations", "{\"consultedOn\":\"x\"}")
                .statusCode()).isEqualTo(400);
    }
}
