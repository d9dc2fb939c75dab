package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.ManagedList;

/**
 * The lookup's wrapper is taken out of the filter chain's definition wherever it stands, and a chain built in a
 * shape not foreseen is left exactly as it was (served and secured, with the lookup still in front).
 */
class SecurityFiltersWithoutHandlerLookupTest {

    private static final String PACKAGE = "org.springframework.security.config.annotation.web.configuration.";
    private static final String MVC_WRAPPER = PACKAGE + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String PATH_WRAPPER = PACKAGE + "WebSecurityConfiguration$CompositeFilterChainProxy";
    private static final String LOOKUP = PACKAGE + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    private final BeanDefinition chain = definition("org.springframework.security.web.FilterChainProxy");

    @Test
    void aWrapperAroundTheChainIsReplacedByTheChain() {
        DefaultListableBeanFactory factory = factoryWith(composite(MVC_WRAPPER, definition(LOOKUP), chain));

        new SecurityFiltersWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN)).isSameAs(chain);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWrapperWithinTheWrapperThatParsesPathsIsReplacedThere() {
        BeanDefinition pathParser = definition("org.springframework.web.filter.ServletRequestPathFilter");
        BeanDefinition outer = composite(PATH_WRAPPER, pathParser, composite(MVC_WRAPPER, definition(LOOKUP), chain));
        DefaultListableBeanFactory factory = factoryWith(outer);

        new SecurityFiltersWithoutHandlerLookup().postProcessBeanFactory(factory);

        BeanDefinition result = factory.getBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN);
        assertThat(result.getBeanClassName()).isEqualTo(PATH_WRAPPER);
        assertThat((List<Object>) result.getConstructorArgumentValues().getIndexedArgumentValue(0, null).getValue())
                .containsExactly(pathParser, chain);
        assertThat(SecurityFiltersWithoutHandlerLookup.holdsLookup(result)).isFalse();
    }

    @Test
    void aWrapperOfAnotherShapeIsLeftAsItWas() {
        BeanDefinition unforeseen = composite(MVC_WRAPPER, definition(LOOKUP), definition("some.OtherFilter"), chain);
        DefaultListableBeanFactory factory = factoryWith(unforeseen);

        new SecurityFiltersWithoutHandlerLookup().postProcessBeanFactory(factory);

        BeanDefinition result = factory.getBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN);
        assertThat(result).isSameAs(unforeseen);
        assertThat((List<?>) result.getConstructorArgumentValues().getIndexedArgumentValue(0, null).getValue())
                .hasSize(3);
        assertThat(SecurityFiltersWithoutHandlerLookup.holdsLookup(result)).isTrue();
    }

    @Test
    void aChainWithNoWrapperIsLeftAlone() {
        DefaultListableBeanFactory factory = factoryWith(chain);

        new SecurityFiltersWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN)).isSameAs(chain);
    }

    private static DefaultListableBeanFactory factoryWith(BeanDefinition filterChain) {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        factory.registerBeanDefinition(SecurityFiltersWithoutHandlerLookup.FILTER_CHAIN, filterChain);
        return factory;
    }

    private static BeanDefinition composite(String className, BeanDefinition... filters) {
        ManagedList<BeanDefinition> list = new ManagedList<>();
        list.addAll(List.of(filters));
        BeanDefinition composite = definition(className);
        composite.getConstructorArgumentValues().addIndexedArgumentValue(0, list);
        return composite;
    }

    private static BeanDefinition definition(String className) {
        GenericBeanDefinition definition = new GenericBeanDefinition();
        definition.setBeanClassName(className);
        return definition;
    }
}
