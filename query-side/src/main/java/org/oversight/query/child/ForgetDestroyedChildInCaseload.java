package org.oversight.query.child;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed, in the order the caseload, its allocations and restrictions are written. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInCaseload extends ForgetDestroyedChild {

    ForgetDestroyedChildInCaseload(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }
}
