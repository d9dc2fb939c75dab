package org.oversight.query.escalations;

import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.events.escalation.EscalationProtocols;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The escalation policy the read side names and orders levels and themes by, overridable by the deployment. The
 * command side wires the same {@link DefaultEscalationPolicy} from the same settings; where both sides run in one
 * service the first bean serves both.
 */
@Configuration(proxyBeanMethods = false)
public class EscalationsConfiguration {

    /** Refuses a setting that was once read here, even where the command side's configuration supplies the bean. */
    public EscalationsConfiguration(Environment environment) {
        if (environment.containsProperty("oversight.escalations.response-working-days")) {
            throw new IllegalStateException("oversight.escalations.response-working-days is no longer read: each "
                    + "escalation level's response time is now a local timescale, set per local authority at /settings");
        }
    }

    /** Each authority's protocol from {@code oversight.escalations.local-authorities}, the default elsewhere. */
    @Bean
    @ConditionalOnMissingBean
    EscalationPolicy escalationPolicy(Environment environment) {
        return new DefaultEscalationPolicy(Binder.get(environment)
                .bind("oversight.escalations", EscalationProtocols.class)
                .orElseGet(EscalationProtocols::defaults));
    }
}
