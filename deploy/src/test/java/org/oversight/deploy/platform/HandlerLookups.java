package org.oversight.deploy.platform;

import java.util.Objects;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Asks two handler mappings for the same request and says what each found, so that the two can be compared. */
final class HandlerLookups {

    private HandlerLookups() {
    }

    /** A mapping of the handlers of a context, initialised as Spring MVC initialises its own. */
    static <M extends RequestMappingHandlerMapping> M over(ApplicationContext context, M mapping) {
        mapping.setApplicationContext(context);
        if (context instanceof ConfigurableApplicationContext configurable) {
            mapping.setEmbeddedValueResolver(new EmbeddedValueResolver(configurable.getBeanFactory()));
        }
        mapping.afterPropertiesSet();
        return mapping;
    }

    /**
     * What a mapping makes of a request: the handler method found, with the path's variables and the pattern that
     * matched, or the refusal thrown (no such method, content type not taken), or that nothing matched.
     */
    static String found(RequestMappingHandlerMapping mapping, String method, String path, String contentType) {
        return found(mapping, request(method, "", path, contentType, false));
    }

    /** A request to a path below a context path, with a content type if given, or as a CORS pre-flight. */
    static MockHttpServletRequest request(String method, String contextPath, String path, String contentType,
            boolean preflight) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, contextPath + path);
        request.setContextPath(contextPath);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.addHeader("Accept", "application/json, text/html;q=0.9");
        if (preflight) {
            request.addHeader("Origin", "https://elsewhere.example");
            request.addHeader("Access-Control-Request-Method", "POST");
        }
        return request;
    }

    static String found(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "nothing";
            }
            Object handler = chain.getHandler();
            String name = handler instanceof HandlerMethod method ? method.getMethod().toGenericString()
                    : handler.getClass().getName();
            return name + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception refused) {
            return refused.getClass().getSimpleName() + ": " + Objects.toString(refused.getMessage());
        }
    }
}
