package org.oversight.command.web;

import org.axonframework.common.StringUtils;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Gives every aggregate a factory that makes it with its own no-argument constructor ({@link ConstructedAggregates}). Without one, Axon's Spring
 * support makes each aggregate it loads as a prototype bean, through the whole bean factory (every bean post
 * processor, and again for one restored from a snapshot), for every command. The aggregates take nothing from the
 * bean factory: what a command handler needs is passed to it as a parameter.
 *
 * <p>Axon looks for a bean named after the aggregate ({@code childCaseAggregateFactory} for {@code ChildCase})
 * when it sets the aggregate up, and makes its own only when there is none; so these are registered first, one for
 * each class marked {@link Aggregate}.
 */
final class PlainAggregateFactories implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            Class<?> type = aggregateType(registry.getBeanDefinition(name));
            if (type == null) {
                continue;
            }
            String factory = StringUtils.lowerCaseFirstCharacterOf(type.getSimpleName()) + "AggregateFactory";
            if (!registry.containsBeanDefinition(factory)) {
                registry.registerBeanDefinition(factory, BeanDefinitionBuilder
                        .genericBeanDefinition(ConstructedAggregates.class).addConstructorArgValue(type)
                        .getBeanDefinition());
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        // everything is done as the definitions are registered
    }

    /** The class of a definition marked {@link Aggregate}, read from its metadata; other classes are not loaded. */
    private static Class<?> aggregateType(BeanDefinition definition) {
        if (!(definition instanceof AnnotatedBeanDefinition annotated)
                || !annotated.getMetadata().hasAnnotation(Aggregate.class.getName())) {
            return null;
        }
        return ClassUtils.resolveClassName(annotated.getMetadata().getClassName(),
                PlainAggregateFactories.class.getClassLoader());
    }
}
