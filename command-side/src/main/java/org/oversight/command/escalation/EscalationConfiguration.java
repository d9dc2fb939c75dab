package org.oversight.command.escalation;

import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.events.escalation.EscalationProtocols;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Supplies the escalation levels and concern categories: each local authority's own where the deployment
 * configures them, the defaults elsewhere, unless the deployment supplies a policy bean of its own.
 */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    /** Each authority's protocol from {@code oversight.escalations.local-authorities}, the default elsewhere. */
    @Bean
    @ConditionalOnMissingBean
    EscalationPolicy escalationPolicy(Environment environment) {
        return new DefaultEscalationPolicy(Binder.get(environment)
                .bind("oversight.escalations", EscalationProtocols.class)
                .orElseGet(EscalationProtocols::defaults));
    }
}
