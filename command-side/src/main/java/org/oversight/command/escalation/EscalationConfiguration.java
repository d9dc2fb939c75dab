package org.oversight.command.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supplies the default escalation levels and concern categories unless the deployment supplies its own. */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EscalationPolicy escalationPolicy() {
        return new DefaultEscalationPolicy();
    }
}
