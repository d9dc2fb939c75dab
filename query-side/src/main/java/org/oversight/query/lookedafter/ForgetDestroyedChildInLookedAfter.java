package org.oversight.query.lookedafter;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed, in the order the looked-after record's rows are written. */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
class ForgetDestroyedChildInLookedAfter extends ForgetDestroyedChild {

    ForgetDestroyedChildInLookedAfter(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }

    /** A review's decisions and recommendations hang from the review, which names the child. */
    @Override
    protected void forgetOwnRows(String childId, ProjectionWrites writes) {
        writes.sql("""
                DELETE FROM looked_after_review_line
                 WHERE review_id IN (SELECT review_id FROM looked_after_review WHERE child_id = :child)
                """).param("child", childId).update();
        writes.sql("DELETE FROM looked_after_review WHERE child_id = :child").param("child", childId).update();
    }
}
