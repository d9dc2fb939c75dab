package org.oversight.deploy.platform.projections;

import java.time.Clock;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.EventProcessorProperties;
import org.oversight.deploy.platform.ProjectionMetrics;
import org.oversight.query.consistency.ProjectionWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A projection never stops for one event it cannot apply. Every projection (those configured under
 * {@code axon.eventhandling.processors} but the shared {@value ProjectionGrouping#TOGETHER}), whether read with the
 * others or on its own ({@link ProjectionGrouping}), gets:
 * <ul>
 *     <li>its events sequenced by child ({@link ChildSequencing}), so that one child's events are applied in
 *     order on one segment and wait behind one of theirs that was set aside;</li>
 *     <li>a dead-letter queue in PostgreSQL ({@code deadletterentry}, Flyway V4_4) holding the events set aside, in
 *     the same transaction as the batch that set them aside, and reading them back through the stored events'
 *     upcasters ({@link UpcastingDeadLetterSerializer});</li>
 *     <li>a failed batch applied again one event at a time ({@link FailureIsolation}), so that a failure is pinned
 *     on its event even when it only shows as the batch's writes are sent, and every other event of the batch is
 *     kept;</li>
 *     <li>a policy for what is set aside and how it is described ({@link DeadLetterDecisions}): the exception's
 *     class and SQL state, never a message;</li>
 *     <li>its processor's segments watched for a batch that keeps failing for a reason no event carries ({@link
 *     RetryingSegments}); the batch, its rollback and its application one event at a time are the processor's,
 *     shared by the projections it reads for.</li>
 * </ul>
 * Operators see the dead letters on the health endpoint, as the gauge {@code oversight_dead_letters} and at
 * {@code /operations/dead-letters}, where they retry them once the cause is fixed.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionDeadLetters {

    /**
     * No bound: a queue that is full refuses the next dead letter, and a refused dead letter would stop the
     * projection, which is what the queue is there to prevent. Each dead letter is a copy of an event in the store.
     */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    @Bean
    ChildSequencing childSequencing() {
        return new ChildSequencing();
    }

    @Bean
    FailureIsolation failureIsolation(PlatformTransactionManager transactions,
            ObjectProvider<ProjectionWrites> writes) {
        // the command service runs no projection, and has no queue of projection writes
        return new FailureIsolation(transactions, writes.getIfAvailable());
    }

    @Bean
    RetryingSegments retryingSegments() {
        // how long ago, in real time: not the service's clock, which tests move to other days
        return new RetryingSegments(Clock.systemUTC());
    }

    @Bean
    HandlerEnhancerDefinition isolatingProjectionHandlers(ProjectionGrouping.Assignment assignment,
            FailureIsolation isolation) {
        return new IsolatingHandlers(assignment, isolation);
    }

    @Bean
    ConfigurerModule projectionDeadLetterQueues(EventProcessorProperties processors, ChildSequencing sequencing,
            FailureIsolation isolation, RetryingSegments retrying, ProjectionMetrics metrics,
            ConnectionProvider connections, TransactionManager transactionManager, Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer, EventUpcasterChain storedEventUpcasters,
            ProjectionGrouping.Assignment assignment) {
        Serializer deadLetterSerializer = new UpcastingDeadLetterSerializer(eventSerializer, storedEventUpcasters);
        Set<String> projections = ProjectionGrouping.projections(processors);
        // by projection (processing group), whether it is read with the others or on its own: its sequencing, its
        // queue of dead letters and how it decides what to set aside
        ConfigurerModule queues = configurer -> projections.forEach(projection -> configurer.eventProcessing()
                .registerSequencingPolicy(projection, configuration -> sequencing)
                .registerDeadLetterQueue(projection, configuration -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(projection)
                        .connectionProvider(connections)
                        .transactionManager(transactionManager)
                        .genericSerializer(serializer)
                        .eventSerializer(deadLetterSerializer)
                        .maxSequences(UNBOUNDED)
                        .maxSequenceSize(UNBOUNDED)
                        .build())
                .registerDeadLetterPolicy(projection, configuration -> new DeadLetterDecisions(projection, metrics))
                .registerDeadLetteringEventHandlerInvokerConfiguration(projection, (configuration, invoker) -> invoker
                        // without it, every event asks the queue whether its child is in it: a query per event
                        .enableSequenceIdentifierCache()
                        // a rebuild starts the projection again from nothing, its dead letters included
                        .allowReset(true)));
        // by processor: its batches, which fail and are applied again one event at a time together
        ConfigurerModule batches = configurer -> assignment.processors().forEach(processor -> configurer
                .eventProcessing()
                .registerErrorHandler(processor,
                        configuration -> new IsolateFailedBatches(processor, isolation, metrics))
                .registerHandlerInterceptor(processor, configuration -> retrying.watching(processor)));
        return configurer -> {
            queues.configureModule(configurer);
            batches.configureModule(configurer);
        };
    }
}
