package org.oversight.query.protection;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed, in the order the child protection record's rows are written. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildInProtection extends ForgetDestroyedChild {

    ForgetDestroyedChildInProtection(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }
}
