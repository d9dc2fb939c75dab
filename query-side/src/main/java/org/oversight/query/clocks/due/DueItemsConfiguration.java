package org.oversight.query.clocks.due;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionProcessors;
import org.oversight.query.escalations.EscalationQueries;
import org.oversight.query.escalations.EscalationsProjection;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.oversight.query.policy.PolicyProjection;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection a child's clocks read from marks the child stale when it changes, the local authorities'
 * settings included: the projections themselves know nothing of due items.
 */
@Configuration(proxyBeanMethods = false)
public class DueItemsConfiguration {

    /** The projections (processing groups) a child's clocks read from. */
    static final List<String> PROCESSORS = List.of(ChildProjection.PROCESSOR, ProtectionProjection.PROCESSOR,
            LookedAfterProjection.PROCESSOR, EscalationsProjection.PROCESSOR, PolicyProjection.PROCESSOR);

    @Bean
    ConfigurerModule dueItemMarking(DueItems dueItems, EscalationQueries escalations,
            ObjectProvider<ProjectionProcessors> processors) {
        DueItemMarking marking = new DueItemMarking(dueItems, escalations);
        ProjectionProcessors readers = processors.getIfAvailable(() -> ProjectionProcessors.EACH_ALONE);
        // once per processor: projections read together share one, and its batch is marked once
        return configurer -> PROCESSORS.stream().map(readers::processorOf).distinct().forEach(processor ->
                configurer.eventProcessing().registerHandlerInterceptor(processor, c -> marking));
    }
}
