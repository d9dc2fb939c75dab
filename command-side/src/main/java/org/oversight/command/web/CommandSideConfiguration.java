package org.oversight.command.web;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.oversight.events.RecordedBy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the command side's cross-cutting concerns: who recorded each event and its correlation, how a command finds
 * its aggregate, and how an aggregate is made before its events are applied.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Copies the recording user and time from each command onto every event it causes. */
    @Bean
    CorrelationDataProvider recordingUserCorrelation() {
        return new SimpleCorrelationDataProvider(RecordedBy.USERNAME, RecordedBy.DISPLAY_NAME, RecordedBy.RECORDED_AT,
                RecordedBy.STATED_REASON);
    }

    /** Copies the correlation id (and Axon's trace id); declared because any provider bean replaces the default. */
    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider(RecordedBy.CORRELATION_ID, "traceId");
    }

    /** Every aggregate finds the target of a command the same way, with each command type looked over once. */
    @Bean
    CommandTargetResolver commandTargets() {
        return new CommandTargets();
    }

    /** Aggregates made with their own constructors, not as prototype beans: see {@link PlainAggregateFactories}. */
    @Bean
    static PlainAggregateFactories plainAggregateFactories() {
        return new PlainAggregateFactories();
    }
}
