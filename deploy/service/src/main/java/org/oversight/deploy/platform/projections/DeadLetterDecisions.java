package org.oversight.deploy.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.oversight.deploy.platform.ProjectionMetrics;
import org.oversight.deploy.platform.projections.IsolatingHandlers.BatchMustBeIsolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event a projection could not apply. Applied with its batch, the batch is tried again one
 * event at a time ({@link FailureIsolation}); applied on its own, it is set aside as a dead letter unless the
 * failure passes with time (a lost connection, a deadlock), in which case its batch is tried again. A dead letter
 * that fails again when retried stays, its retries counted. The cause kept is the exception's class and SQL state,
 * never its message; the log names the projection and the event's type, never the child.
 */
final class DeadLetterDecisions implements EnqueuePolicy<EventMessage<?>> {

    /** The retries of a dead letter, kept in its diagnostics. */
    static final String RETRIES = "retries";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDecisions.class);

    private final String processor;
    private final ProjectionMetrics metrics;

    DeadLetterDecisions(String processor, ProjectionMetrics metrics) {
        this.processor = processor;
        this.metrics = metrics;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        String eventType = letter.message().getPayloadType().getSimpleName();
        if (letter instanceof JdbcDeadLetter<?>) {
            metrics.failed(processor);
            LOG.warn("Projection {} could not apply a set-aside event ({}) when retried: {}", processor, eventType,
                    Failures.describe(cause));
            return Decisions.requeue(Failures.cause(cause),
                    retried -> retried.diagnostics().and(RETRIES, retries(retried.diagnostics()) + 1));
        }
        if (cause instanceof BatchMustBeIsolated batch) {
            throw batch;
        }
        if (Failures.passing(cause)) {
            throw new PassingFailure(processor, cause);
        }
        metrics.failed(processor);
        LOG.warn("Projection {} set aside an event ({}) it could not apply: {}; the child's later events in it wait "
                + "behind it until it is retried at /operations/dead-letters", processor, eventType,
                Failures.describe(cause));
        return Decisions.enqueue(Failures.cause(cause), letterToEnqueue -> MetaData.with(RETRIES, 0));
    }

    static int retries(MetaData diagnostics) {
        Object retries = diagnostics.get(RETRIES);
        return retries instanceof Number number ? number.intValue() : 0;
    }

    /**
     * A failure that says nothing about the event (see {@link Failures#passing}): the batch is rolled back and
     * tried again. Its message names the failure's class and SQL state only; the processor's error handler
     * reports it without the failure it carries.
     */
    static final class PassingFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PassingFailure(String processor, Throwable failure) {
            super("Projection " + processor + " met a passing failure (" + Failures.describe(failure)
                    + "); its batch is tried again", failure);
        }
    }
}
