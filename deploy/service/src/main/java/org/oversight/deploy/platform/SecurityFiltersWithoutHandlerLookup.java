package org.oversight.deploy.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Serves the security filters without a lookup of the request's Spring MVC handler in front of them.
 *
 * <p>With Spring MVC present, Spring Security wraps its filter chain in one more filter that finds the handler of
 * every request before any security filter runs, and keeps it for request matchers that ask Spring MVC which
 * handler a path maps to. Oversight's matchers are path patterns ({@code PathPatternRequestMatcher}, which
 * {@link SecurityConfiguration} makes the default), so nothing reads what is kept; yet the lookup scans every
 * request mapping for a path with an id in it, and the dispatcher then does the same scan again. Measured on
 * commands, the two scans were about a tenth of a request's processor time.
 *
 * <p>So the wrapped chain is put back in the wrapper's place. Should a later Spring Security build its chain
 * differently, the wrapper is left as built and a warning says so: requests are still served and secured, only
 * with the extra lookup.
 */
final class SecurityFiltersWithoutHandlerLookup implements BeanFactoryPostProcessor {

    static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE = "$CompositeFilterChainProxy";
    private static final String WRAPPER = "WebMvcSecurityConfiguration" + COMPOSITE;
    private static final String LOOKUP = "HandlerMappingIntrospectorCacheFilterFactoryBean";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityFiltersWithoutHandlerLookup.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(FILTER_CHAIN);
        BeanDefinition without = withoutLookup(chain);
        if (without != chain) {
            registry.removeBeanDefinition(FILTER_CHAIN);
            registry.registerBeanDefinition(FILTER_CHAIN, without);
        }
        if (holdsLookup(without)) {
            LOG.warn("The security filter chain is not built as expected; each request's handler is looked up "
                    + "before the security filters as well as by the dispatcher");
        }
    }

    /**
     * The filter chain's definition with the lookup's wrapper replaced by what it wraps, wherever it stands: around
     * the chain, or within another wrapper (Spring Security also wraps the chain to parse each request's path
     * once). A wrapper not built as expected is left as it is.
     */
    static BeanDefinition withoutLookup(BeanDefinition definition) {
        List<Object> filters = wrapped(definition);
        if (filters == null) {
            return definition;
        }
        if (named(definition, WRAPPER)) {
            boolean asExpected = filters.size() == 2 && filters.get(0) instanceof BeanDefinition lookup
                    && named(lookup, LOOKUP) && filters.get(1) instanceof BeanDefinition;
            return asExpected ? withoutLookup((BeanDefinition) filters.get(1)) : definition;
        }
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) instanceof BeanDefinition inner) {
                filters.set(i, withoutLookup(inner));
            }
        }
        return definition;
    }

    static boolean holdsLookup(BeanDefinition definition) {
        if (named(definition, LOOKUP) || named(definition, WRAPPER)) {
            return true;
        }
        List<Object> filters = wrapped(definition);
        return filters != null && filters.stream()
                .anyMatch(filter -> filter instanceof BeanDefinition inner && holdsLookup(inner));
    }

    /** The filters a composite's definition is given to run in turn, or {@code null} for any other definition. */
    @SuppressWarnings("unchecked")
    private static List<Object> wrapped(BeanDefinition definition) {
        if (!named(definition, COMPOSITE)) {
            return null;
        }
        ValueHolder held = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        return held != null && held.getValue() instanceof List<?> list ? (List<Object>) list : null;
    }

    private static boolean named(BeanDefinition definition, String classNameEnd) {
        String className = definition.getBeanClassName();
        return className != null && className.endsWith(classNameEnd);
    }
}
