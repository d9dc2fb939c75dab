package org.oversight.query.escalations;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/**
 * Forgets a child whose record is destroyed from the escalations. An escalation's words are about every child it
 * names, and its key was destroyed with this child's: the escalation goes whole, its steps and its other children's
 * links with it.
 */
@Component
@ProcessingGroup(EscalationsProjection.PROCESSOR)
class ForgetDestroyedChildInEscalations extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM escalation_step WHERE escalation_id IN "
                    + "(SELECT escalation_id FROM escalation_child WHERE child_id = :child)",
            "DELETE FROM escalation WHERE escalation_id IN "
                    + "(SELECT escalation_id FROM escalation_child WHERE child_id = :child)",
            "DELETE FROM escalation_child WHERE escalation_id IN "
                    + "(SELECT escalation_id FROM escalation_child WHERE child_id = :child)",
            "DELETE FROM escalation_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInEscalations(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
