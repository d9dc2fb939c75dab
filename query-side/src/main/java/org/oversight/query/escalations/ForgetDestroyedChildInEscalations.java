package org.oversight.query.escalations;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed, in the order the escalations are written. */
@Component
@ProcessingGroup(EscalationsProjection.PROCESSOR)
class ForgetDestroyedChildInEscalations extends ForgetDestroyedChild {

    ForgetDestroyedChildInEscalations(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }

    /**
     * An escalation's words are about every child it names, and its key was destroyed with this child's: the
     * escalation goes whole, its steps and its other children's links with it.
     */
    @Override
    protected void forgetOwnRows(String childId, ProjectionWrites writes) {
        for (String table : new String[] {"escalation_step", "escalation"}) {
            writes.sql("DELETE FROM " + table
                    + " WHERE escalation_id IN (SELECT escalation_id FROM escalation_child WHERE child_id = :child)")
                    .param("child", childId).update();
        }
        writes.sql("""
                DELETE FROM escalation_child
                 WHERE escalation_id IN (SELECT escalation_id FROM escalation_child WHERE child_id = :child)
                """).param("child", childId).update();
    }
}
