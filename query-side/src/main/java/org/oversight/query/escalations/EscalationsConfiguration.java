package org.oversight.query.escalations;

import org.oversight.events.escalation.EscalationProtocols;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The escalation vocabulary the read side needs, overridable by the deployment. */
@Configuration(proxyBeanMethods = false)
public class EscalationsConfiguration {

    /**
     * The levels and categories the command side's default policy accepts (both read
     * {@code oversight.escalations.local-authorities}), unless the deployment supplies its own.
     */
    @Bean
    @ConditionalOnMissingBean
    EscalationVocabulary escalationVocabulary(Environment environment) {
        if (environment.containsProperty("oversight.escalations.response-working-days")) {
            throw new IllegalStateException("oversight.escalations.response-working-days is no longer read: each "
                    + "escalation level's response time is now a local timescale, set per local authority at /settings");
        }
        return new DefaultEscalationVocabulary(Binder.get(environment)
                .bind("oversight.escalations", EscalationProtocols.class)
                .orElseGet(EscalationProtocols::defaults));
    }
}
