package org.oversight.deploy.platform.projections;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.oversight.deploy.platform.ProjectionMetrics;
import org.oversight.deploy.platform.SafeDescription;

/**
 * A projection's batch failed and was rolled back: its events are applied again one at a time
 * ({@link FailureIsolation}), the failure is counted, and the processor is told to try again. What it is told (and
 * logs) names the failure's classes and code locations only, never a message that may quote a child's details.
 */
final class IsolateFailedBatches implements ErrorHandler {

    private final String processor;
    private final FailureIsolation isolation;
    private final ProjectionMetrics metrics;

    IsolateFailedBatches(String processor, FailureIsolation isolation, ProjectionMetrics metrics) {
        this.processor = processor;
        this.isolation = isolation;
        this.metrics = metrics;
    }

    @Override
    public void handleError(ErrorContext context) {
        isolation.batchFailed(processor, context.failedEvents());
        metrics.failed(processor);
        throw new BatchFailed(processor, context.failedEvents().size(), context.error());
    }

    /** The processor's own report of a failed batch, without the failure's messages. */
    static final class BatchFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BatchFailed(String processor, int events, Throwable failure) {
            super("Projection " + processor + " rolled back a batch of " + events + " events and applies them again "
                    + "one at a time, setting aside any it cannot apply. The failure was:" + System.lineSeparator()
                    + SafeDescription.of(Failures.unwrapped(failure)), null, false, false);
        }
    }
}
