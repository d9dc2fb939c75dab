package org.oversight.query.escalations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation settings the read side needs, each overridable by the deployment. */
@Configuration(proxyBeanMethods = false)
public class EscalationsConfiguration {

    /** The levels and categories of the command side's default policy, unless the deployment supplies its own. */
    @Bean
    @ConditionalOnMissingBean
    EscalationVocabulary escalationVocabulary() {
        return new DefaultEscalationVocabulary();
    }

    /**
     * @param responseWorkingDays {@code oversight.escalations.response-working-days}: the working days each formal
     *                            level has to respond, counted from the day the escalation reached it. Local
     *                            practice (the IRO Handbook sets only the 20-day whole), so a setting; 5 by
     *                            default, the time most local protocols give each stage.
     */
    @Bean
    EscalationSettings escalationSettings(
            @Value("${oversight.escalations.response-working-days:5}") int responseWorkingDays) {
        return new EscalationSettings(responseWorkingDays);
    }
}
