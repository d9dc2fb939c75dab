package org.oversight.query.retention;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets a child whose record is destroyed, in the retention processor's own place in the child's sequence: a
 * retention processor behind the others would otherwise write the child's rows again after another processor had
 * deleted them, and the destroyed record would stay on the list of records due.
 */
@Component
@ProcessingGroup(RetentionProjection.PROCESSOR)
class ForgetDestroyedChildInRetention extends ForgetDestroyedChild {

    ForgetDestroyedChildInRetention(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }
}
