package org.oversight.query.escalations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation vocabulary the read side needs, overridable by the deployment. */
@Configuration(proxyBeanMethods = false)
public class EscalationsConfiguration {

    /** The levels and categories of the command side's default policy, unless the deployment supplies its own. */
    @Bean
    @ConditionalOnMissingBean
    EscalationVocabulary escalationVocabulary() {
        return new DefaultEscalationVocabulary();
    }
}
