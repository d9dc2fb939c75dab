package org.oversight.deploy.platform.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Wraps every event handler of the projection processors so that {@link FailureIsolation} decides how each event
 * is applied. A failure of an event applied with its batch is passed on as {@link BatchMustBeIsolated}, which fails
 * the batch instead of setting the event aside (its transaction may already be unusable); a failure of an event
 * applied on its own is passed on as it is, for the dead-letter queue.
 */
final class IsolatingHandlers implements HandlerEnhancerDefinition {

    private final ProjectionGrouping.Assignment assignment;
    private final FailureIsolation isolation;

    IsolatingHandlers(ProjectionGrouping.Assignment assignment, FailureIsolation isolation) {
        this.assignment = assignment;
        this.isolation = isolation;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !assignment.isProjection(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        // a failed batch is the processor's, whichever of the projections it reads for failed it
        return new Isolating<>(original, assignment.processorOf(group.value()), isolation);
    }

    private static final class Isolating<T> extends WrappedMessageHandlingMember<T> {

        private final String processor;
        private final FailureIsolation isolation;

        Isolating(MessageHandlingMember<T> delegate, String processor, FailureIsolation isolation) {
            super(delegate);
            this.processor = processor;
            this.isolation = isolation;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!(message instanceof EventMessage<?> event)) {
                return super.handle(message, target);
            }
            if (isolation.isolates(processor, event)) {
                return isolation.alone(() -> super.handle(message, target));
            }
            try {
                return super.handle(message, target);
            } catch (Exception e) {
                throw new BatchMustBeIsolated(e);
            }
        }
    }

    /**
     * An event failed while applied with its batch: the batch is rolled back and applied again one event at a
     * time. Carries the failure for the processor's error handler, which reports it without its message.
     */
    static final class BatchMustBeIsolated extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BatchMustBeIsolated(Exception failure) {
            super("An event failed while applied with its batch", failure);
        }
    }
}
