package org.oversight.query.clocks.due;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.oversight.query.caseload.CaseloadProjection;
import org.oversight.query.escalations.EscalationsProjection;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every projection a child's clocks read from marks the child stale when it changes. */
@Configuration(proxyBeanMethods = false)
public class DueItemsConfiguration {

    static final List<String> PROCESSORS = List.of(CaseloadProjection.PROCESSOR, ProtectionProjection.PROCESSOR,
            LookedAfterProjection.PROCESSOR, EscalationsProjection.PROCESSOR);

    @Bean
    ConfigurerModule dueItemMarking(DueItems dueItems, JdbcClient jdbc) {
        DueItemMarking marking = new DueItemMarking(dueItems, jdbc);
        return configurer -> PROCESSORS.forEach(processor ->
                configurer.eventProcessing().registerHandlerInterceptor(processor, c -> marking));
    }
}
