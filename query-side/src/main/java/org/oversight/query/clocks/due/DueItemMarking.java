package org.oversight.query.clocks.due;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.oversight.events.StreamIds;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.query.escalations.EscalationQueries;

/**
 * Marks the children an event is about as stale once a projection has applied it, in the same transaction: the
 * marks of a whole batch are written once, just before it commits. A child's case stream is named by the child's
 * id; child protection and care streams by a prefix and the child's id; an escalation's children are those the
 * escalations projection holds for it. A change of a local authority's timescales marks every child of the
 * authority.
 */
final class DueItemMarking implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String PENDING = DueItemMarking.class.getName() + ".pending";
    private final DueItems dueItems;
    private final EscalationQueries escalations;

    DueItemMarking(DueItems dueItems, EscalationQueries escalations) {
        this.dueItems = dueItems;
        this.escalations = escalations;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (unitOfWork.getMessage().getPayload() instanceof PolicySettingsChanged changed) {
            dueItems.markLocalAuthority(changed.localAuthority());
        }
        if (unitOfWork.getMessage().getPayload() instanceof ConferencePaperworkTimescalesSet set) {
            dueItems.markLocalAuthority(set.localAuthority());
        }
        if (unitOfWork.getMessage().getPayload() instanceof CoreGroupSettingsSet set) {
            dueItems.markLocalAuthority(set.localAuthority());
        }
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
            var root = unitOfWork.root();
            Set<String> pending = root.getOrComputeResource(PENDING, key -> {
                Set<String> children = new TreeSet<>();
                root.onPrepareCommit(u -> dueItems.markChildren(children));
                return children;
            });
            pending.addAll(childrenOf(event.getAggregateIdentifier()));
        }
        return result;
    }

    private List<String> childrenOf(String aggregateId) {
        if (aggregateId == null || StreamIds.isPolicy(aggregateId)) {
            return List.of();
        }
        if (StreamIds.isEscalation(aggregateId)) {
            return escalations.childrenOf(aggregateId);
        }
        return List.of(StreamIds.childOf(aggregateId).orElse(aggregateId));
    }
}
